"""rummelig/api.py writes its JSON with pydantic's serialiser: the bytes json.dumps(…,
ensure_ascii=False, indent=2) writes, for every kind of text a content file can hold (issue 18)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from rummelig.api import API_VERSION, Document


class _Item(BaseModel):
    name: str
    tags: list[str]
    count: int | None
    day: date | None
    flag: bool
    nested: dict[str, list[str]]


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ['"citat"', "back\\slash", "linje\nlinje", "\t\b\f\r\x00\x1f\x7f", "æøå ÆØÅ", "emoji 🙂", "\u2028\u2029",
     "</script>"])


@given(st.lists(st.builds(_Item, name=_TEXT, tags=st.lists(_TEXT, max_size=3), count=st.none() | st.integers(),
                          day=st.none() | st.dates(), flag=st.booleans(),
                          nested=st.dictionaries(_TEXT, st.lists(_TEXT, max_size=2), max_size=2)), max_size=4))
@settings(max_examples=200, deadline=None)
def test_pydantic_writes_the_bytes_json_dumps_wrote(items: list[_Item]) -> None:
    document = Document[_Item](version=API_VERSION, kind="partners", items=items)
    assert document.model_dump_json(indent=2) == json.dumps(document.model_dump(mode="json"), ensure_ascii=False,
                                                            indent=2)
