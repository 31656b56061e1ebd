"""docs-dev/api.md keeps up with rummelig/api.py: the version it tells tools to expect is the one
the files carry, and every field of every item is in its table. It said version 1 while the files
said 2, and lacked six fields (found in the QA pass: a tool written from the page would refuse
every file, as the page tells it to)."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from rummelig.api import API_VERSION, ITEMS
from tests.support import PROJECT

API_DOC = (PROJECT / "docs-dev" / "api.md").read_text(encoding="utf-8")


def _section(kind: str) -> str:
    """The text under '## `api/<kind>.json` items', up to the next heading."""
    return API_DOC.split(f"## `api/{kind}.json` items", 1)[1].split("\n#", 1)[0]


def test_the_page_gives_the_version_the_files_carry():
    assert f'{{ "version": {API_VERSION}, "kind": "partners", "items": [ … ] }}' in API_DOC
    assert re.search(rf"`API_VERSION` in `rummelig/api.py`, now \*\*{API_VERSION}\*\*", API_DOC)


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_every_field_of_an_item_is_in_its_table(kind: str):
    shape: type[BaseModel] = ITEMS[kind][0]
    section = _section(kind)
    missing = [name for name in shape.model_fields if f"`{name}`" not in section]
    assert missing == []
