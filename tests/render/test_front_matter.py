"""The front matter of a generated page loads back to what the renderer put in it, whichever of
PyYAML's emitters writes it (rummelig/render/environment.py uses libyaml's where it is built)."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from rummelig.loading.frontmatter import split_front_matter
from rummelig.render import environment
from rummelig.render.environment import front_matter

# Text as our pages' titles, summaries and tags hold it: any printable character, Danish letters,
# YAML's indicators (": ", "#", "- ", quotes, "&", "*", "!", "|", ">"), leading and trailing
# spaces, line breaks and long lines.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
               | st.sampled_from(list("æøåÆØÅ:#-'\"&*!|>%@`{}[],?\n ")), max_size=300)
META = st.dictionaries(st.sampled_from(["title", "description", "summary", "tags", "status", "hide"]),
                       st.one_of(TEXT, st.lists(TEXT, max_size=4), st.booleans(), st.integers()), max_size=6)


def _loaded(meta: dict) -> dict:
    parts = split_front_matter(front_matter(meta) + "Brødtekst\n")
    assert parts is not None
    return yaml.safe_load(parts[0]) or {}


@given(META)
def test_the_front_matter_loads_back_to_the_page_data(meta):
    expected = {k: v for k, v in meta.items() if v not in (None, [], "")}
    assert _loaded(meta) == expected


@given(META)
def test_libyaml_and_the_python_emitter_write_the_same_data(meta):
    fast = front_matter(meta)
    saved = environment._DUMPER
    environment._DUMPER = yaml.SafeDumper
    try:
        slow = front_matter(meta)
    finally:
        environment._DUMPER = saved
    assert yaml.safe_load(split_front_matter(fast + "x\n")[0]) == yaml.safe_load(split_front_matter(slow + "x\n")[0])


def test_a_real_page_keeps_its_title_with_a_colon_and_danish_letters():
    text = front_matter({"title": "Påvirket af rusmidler: hvad gør jeg?", "tags": ["rus", "akut"], "summary": ""})
    assert text == '---\ntitle: \'Påvirket af rusmidler: hvad gør jeg?\'\ntags:\n- rus\n- akut\n---\n\n'
