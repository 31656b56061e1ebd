"""rummelig/loading/kept_front.py: a playbook's front matter kept as it was loaded is the model's
values, its problems and its YAML lines; what was not kept is the real model's answer."""

from __future__ import annotations

import marshal
import zlib
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field

from rummelig.loading import kept_front
from rummelig.loading.sources import SourceFile, discover
from rummelig.models import Strategy, free_texts
from rummelig.problems import Problems
from rummelig.repository import load_unit
from tests.support import LIBRARY, PARTNER, STRATEGY

PROJECT = Path(__file__).parents[2]


def _playbooks() -> list:
    return [s for s in discover(PROJECT, Problems()) if s.kind == "strategy"]


def _same(kept, model) -> None:  # noqa: ANN001
    """Every field of `model`, nested models and lists of them too, is the kept one."""
    for name in type(model).model_fields:
        mine, theirs = getattr(kept, name), getattr(model, name)
        items = list(zip(mine, theirs, strict=True)) if isinstance(theirs, list) else [(mine, theirs)]
        for a, b in items:
            if isinstance(b, BaseModel):
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


# -- a text changed at a free path: the model made from the one before, never another ------------

_DAY = date(2026, 11, 30)
_FILES = {"strategy": ("strategies/en-gaest-sover.md", STRATEGY), "library": ("libraries/testbib.yml", LIBRARY),
          "partner": ("partners/aarhus/vaerestedet.yml", PARTNER)}


def _source(kind: str) -> SourceFile:
    rel, _ = _FILES[kind]
    folder = rel.split("/")[1] if kind == "partner" else None
    return SourceFile(kind, f"/nowhere/{rel}", rel, rel.rsplit("/", 1)[1].split(".")[0], folder)


def _text(kind: str, data: dict) -> bytes:
    """The file of `kind` with the YAML values `data` (a playbook keeps its text)."""
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    if kind != "strategy":
        return dumped.encode()
    return f"---\n{dumped}---\n{STRATEGY.split(chr(10) + '---' + chr(10), 1)[1]}".encode()


def _data(kind: str) -> dict:
    text = _FILES[kind][1]
    return yaml.safe_load(text.split("---\n")[1] if kind == "strategy" else text)


def _set(data: Any, path: tuple, value: str) -> Any:
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(data, list):
        return [_set(item, rest, value) if i == step else item for i, item in enumerate(data)]
    return {key: _set(item, rest, value) if key == step else item for key, item in data.items()}


def _positions(data: Any, pattern: tuple) -> list[tuple]:
    """The concrete paths of `data` a free path (with "*" for any position) names."""
    if not pattern:
        return [()]
    step, rest = pattern[0], pattern[1:]
    if step == free_texts.ANY_POSITION:
        return [(i, *tail) for i, item in enumerate(data if isinstance(data, list) else [])
                for tail in _positions(item, rest)]
    if not isinstance(data, dict) or step not in data:
        return []
    return [(step, *tail) for tail in _positions(data[step], rest)]


def _unpacked(blob: bytes) -> Any:
    return kept_front._unpack(blob)


def _kind_model(kind: str) -> type:
    from rummelig import models

    return getattr(models, {"strategy": "Strategy", "library": "Library", "partner": "Partner"}[kind])


# Texts as a contributor may write them, and what YAML and the text type do not take plainly.
_TEXTS = st.one_of(st.text(max_size=30), st.sampled_from(["", " ", "Værestedet #2", "true", "12", "null",
                                                          "a: b", "UDFYLD", "Peter Hansen", "2026-01-01"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(_FILES)), data=st.data())
def test_a_free_text_changed_gives_what_validating_the_file_gives(kind: str, data: st.DataObject) -> None:
    source, values = _source(kind), _data(kind)
    before = load_unit(source, _text(kind, values), _DAY, Problems(), keep_front=True)
    assert before.record is not None
    paths = [p for pattern in free_texts.free_paths(_kind_model(kind)) for p in _positions(values, pattern)]
    chosen = data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3, unique=True))
    for path in chosen:
        values = _set(values, path, data.draw(_TEXTS))
    text = _text(kind, values)
    made = load_unit(source, text, _DAY, Problems(), keep_front=True, kept_front=before.front)
    fresh = load_unit(source, text, _DAY, Problems(), keep_front=True)
    # The same problems, and the same kept values (YAML values and lines, the model's fields and
    # properties): what validating the file keeps.
    assert made.problems == fresh.problems
    assert _unpacked(made.front) == _unpacked(fresh.front)
    assert (made.record is None) == (fresh.record is None)
    if fresh.record is not None:
        assert made.record is not None
        _same(made.record.model, fresh.record.model)
        assert made.record.loaded.lines == fresh.record.loaded.lines


def test_free_paths_are_the_models_plain_texts() -> None:
    from rummelig.models import Library, Partner, Strategy

    # What no validator and no kept property reads: a partner's contact (its number makes is_akut),
    # status and verification are read by the model's checks; a library's approval likewise.
    assert free_texts.free_paths(Partner) == (("name",), ("description",), ("helps_with", "*"),
                                              ("when_to_contact", "*"), ("opening_note",), ("source", "name"))
    assert free_texts.free_paths(Library) == (("name",), ("organisation",), ("address", "street"), ("address", "city"),
                                              ("approach_note",), ("house_rules", "*", "rule"),
                                              ("house_rules", "*", "why"), ("house_rules", "*", "if_broken"))
    assert ("title",) in free_texts.free_paths(Strategy) and ("kind",) not in free_texts.free_paths(Strategy)


def test_a_model_it_cannot_read_has_no_free_texts() -> None:
    from pydantic import BeforeValidator, ValidationInfo, field_validator, model_validator

    from rummelig.models.base import Entry
    from rummelig.models.types import Text

    def looks_at_the_others(value: str, info: ValidationInfo) -> str:
        return value if info.data else value

    class WithInfo(Entry):
        name: Text
        other: Annotated[str, BeforeValidator(looks_at_the_others)]

    class FieldValidator(Entry):
        name: Text

        @field_validator("name")
        @classmethod
        def _name(cls, value: str) -> str:
            return value

    def helper(model: Any) -> None:
        del model

    class PassesItself(Entry):
        name: Text

        @model_validator(mode="after")
        def _whole(self) -> PassesItself:
            helper(self)
            return self

    class ReadsName(Entry):
        name: Text
        note: Text

        @property
        def shout(self) -> str:
            return self.name.upper()

    class Aliased(Entry):
        name: Text = Field(alias="navn")

    for model in (WithInfo, FieldValidator, PassesItself):
        assert free_texts.free_paths(model) == ()
    assert free_texts.free_paths(ReadsName) == (("note",),)
    assert free_texts.free_paths(Aliased) == ()


def test_a_blob_of_another_version_is_neither_taken_nor_changed() -> None:
    def older(blob: bytes) -> bytes:
        unpacked = list(kept_front._unpack(blob) or ())
        unpacked[0] -= 1
        return zlib.compress(marshal.dumps(tuple(unpacked)))

    playbook = _source("strategy")
    kept = load_unit(playbook, STRATEGY.encode(), _DAY, Problems(), keep_front=True).front
    key = kept_front.front_key(STRATEGY.split("---\n")[1].rstrip("\n"))
    assert kept_front.taken(kept, key, lambda: None) is not None
    assert kept_front.taken(older(kept), key, lambda: None) is None
    source = _source("partner")
    before = load_unit(source, PARTNER.encode(), _DAY, Problems(), keep_front=True)
    # A YAML file keeps its text, not its values: never taken (an unchanged file is not loaded).
    assert kept_front.taken(before.front, kept_front.front_key(PARTNER), lambda: None) is None
    old = older(before.front)
    renamed = PARTNER.replace("Værestedet i Testby", "Værestedet i Testbyen").encode()
    assert _unpacked(load_unit(source, renamed, _DAY, Problems(), keep_front=True, kept_front=old).front) == \
        _unpacked(load_unit(source, renamed, _DAY, Problems(), keep_front=True).front)
    loaded = load_unit(source, renamed, _DAY, Problems()).record
    assert loaded is not None
    assert kept_front.changed(old, kept_front.front_key(renamed.decode()), loaded.loaded, [], lambda: None) is None
    assert kept_front.changed(before.front, kept_front.front_key(renamed.decode()), loaded.loaded, [],
                              lambda: None) is not None


@pytest.mark.parametrize("kind", sorted(_FILES))
def test_a_free_text_changed_is_not_validated_again(kind: str) -> None:
    source, values = _source(kind), _data(kind)
    before = load_unit(source, _text(kind, values), _DAY, Problems(), keep_front=True)
    first = next(iter(values))  # title or name: a free text of every kind
    text = _text(kind, _set(values, (first,), "Et nyt navn"))
    made = load_unit(source, text, _DAY, Problems(), keep_front=True, kept_front=before.front)
    assert made.record is not None and isinstance(made.record.model, kept_front.KeptModel)
    assert getattr(made.record.model, first) == "Et nyt navn"
    # Another key changed too (not a free text): validated again.
    other = _text(kind, {**_set(values, (first,), "Et nyt navn"), "status": "eksempel"})
    again = load_unit(source, other, _DAY, Problems(), keep_front=True, kept_front=before.front)
    assert again.record is not None and not isinstance(again.record.model, kept_front.KeptModel)
