"""rummelig/loading/kept_front.py: a playbook's front matter kept as it was loaded is the model's
values, its problems and its YAML lines; what was not kept is the real model's answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rummelig.loading import kept_front
from rummelig.loading.sources import discover
from rummelig.models import Strategy
from rummelig.problems import Problems
from rummelig.repository import load_unit

PROJECT = Path(__file__).parents[2]


def _playbooks() -> list:
    return [s for s in discover(PROJECT, Problems()) if s.kind == "strategy"]


def _same(kept, model) -> None:  # noqa: ANN001
    """Every field of `model`, nested models and lists of them too, is the kept one."""
    for name in type(model).model_fields:
        mine, theirs = getattr(kept, name), getattr(model, name)
        items = list(zip(mine, theirs, strict=True)) if isinstance(theirs, list) else [(mine, theirs)]
        for a, b in items:
            if hasattr(b, "model_fields"):
                _same(a, b)
            else:
                assert (type(a), a) == (type(b), b)


@pytest.mark.parametrize("source", _playbooks(), ids=lambda s: s.rel)
def test_every_playbook_of_the_project_kept_and_taken_back(source) -> None:  # noqa: ANN001
    data = Path(source.file).read_bytes()
    loaded = load_unit(source, data, date(2026, 11, 30), Problems(), keep_front=True)
    assert loaded.record is not None and loaded.front
    again = load_unit(source, data + b"\nEn ny linje.\n", date(2026, 11, 30), Problems(), keep_front=True,
                      kept_front=loaded.front)
    assert again.front == loaded.front and again.problems == loaded.problems
    record, model = again.record, loaded.record.model
    assert not isinstance(record.model, Strategy)
    _same(record.model, model)
    assert record.model.is_sample == model.is_sample           # a computed property, kept
    assert record.loaded.data == loaded.record.loaded.data and record.loaded.lines == loaded.record.loaded.lines
    assert record.body == loaded.record.body + "\nEn ny linje.\n"
    assert record.body_first_line == loaded.record.body_first_line
    assert record.model.model_dump() == model.model_dump()    # a method: the real model's answer
    with pytest.raises(AttributeError):
        record.model.last_verified  # noqa: B018 - a partner's field: not a playbook's, as on the model
    with pytest.raises(AttributeError):
        record.model.kind = "approach"                        # read-only, as the model


def test_another_front_matter_is_not_taken() -> None:
    source = _playbooks()[0]
    data = Path(source.file).read_bytes()
    kept = load_unit(source, data, date(2026, 11, 30), Problems(), keep_front=True).front
    changed = data.replace(b"\n---\n", b"\nonboarding: 40\n---\n", 1)
    assert kept_front.taken(kept, "another key", lambda: Strategy) is None
    unit = load_unit(source, changed, date(2026, 11, 30), Problems(), keep_front=True, kept_front=kept)
    assert unit.front != kept
    assert unit.record is None or isinstance(unit.record.model, Strategy)  # validated again


def test_a_value_it_does_not_know_is_not_kept() -> None:
    from datetime import datetime

    assert kept_front.encode([1, "to", date(2026, 1, 2), (3,), {"a": None}]) is not None
    assert kept_front.encode({"when": datetime(2026, 1, 2, 3, 4)}) is None
    assert kept_front.encode({1.5: "a float key"}) is None
    assert kept_front.encode(Path("/")) is None
