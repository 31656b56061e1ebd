"""What the repository rules see of a record (rummelig/facts.py): the named values, unchanged by
a trip through JSON; anything else raises FactMissing, which `getattr(…, default)` cannot hide."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rummelig.facts import FactMissing, NotAFact, record_facts, view_record
from rummelig.repository import load_repository


def _record(repo: Path, kind: str, record_id: str):  # type: ignore[no-untyped-def]
    loaded, _ = load_repository(repo)
    return loaded.records[kind][record_id]


def test_named_values_and_their_lines_survive_json(repo: Path) -> None:
    record = _record(repo, "partner", "vaerestedet")
    paths = ("contact.phone", "last_verified", "libraries", "is_verified", "type")
    facts = json.loads(json.dumps(record_facts(record, paths)))
    seen = view_record(record.source, facts, paths, None)
    assert seen.model.contact.phone == "70 20 12 01"
    assert seen.model.last_verified == date(2026, 11, 1)
    assert (seen.model.libraries, seen.model.is_verified, seen.model.type) == (None, False, "drop-in-centre")
    assert type(seen.model.type) is str
    for path in [("contact", "phone"), ("contact",), ("type",), ("last_verified",), ()]:
        assert seen.line(*path) == record.line(*path)
    assert (seen.id, seen.rel, seen.area) == ("vaerestedet", "partners/aarhus/vaerestedet.yml", "aarhus")


def test_anything_not_named_raises(repo: Path) -> None:
    record = _record(repo, "partner", "vaerestedet")
    seen = view_record(record.source, record_facts(record, ("contact.phone",)), ("contact.phone",), None)
    with pytest.raises(FactMissing, match="name"):
        _ = seen.model.name
    with pytest.raises(FactMissing, match="email"):
        getattr(seen.model.contact, "email", None)
    with pytest.raises(FactMissing):
        hasattr(seen.model, "opening_hours")
    with pytest.raises(FactMissing):
        seen.line("contact", "email")  # the line of "contact" would be a wrong line
    with pytest.raises(FactMissing):
        seen.line("name")


def test_a_strategys_text_is_its_body(repo: Path) -> None:
    record = _record(repo, "strategy", "en-gaest-sover")
    text = (repo / record.rel).read_text(encoding="utf-8")
    seen = view_record(record.source, record_facts(record, ("owner",)), ("owner",), text)
    assert (seen.body, seen.body_first_line) == (record.body, record.body_first_line)
    assert seen.model.owner == "testbib"


def test_a_whole_model_is_not_a_fact(repo: Path) -> None:
    record = _record(repo, "partner", "vaerestedet")
    with pytest.raises(NotAFact, match="contact"):
        record_facts(record, ("contact",))
