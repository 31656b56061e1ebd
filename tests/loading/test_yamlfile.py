"""The strict YAML loader's pitfalls, one by one (rummelig/loading/yamlfile.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rummelig.loading.frontmatter import load_markdown
from rummelig.loading.yamlfile import load_yaml
from rummelig.problems import Problems


def load(text: str):
    problems = Problems()
    loaded = load_yaml(text, "x.yml", problems)
    return loaded, [p.format() for p in problems]


@pytest.mark.parametrize("written", ["no", "No", "off", "on", "yes", "y", "n", "10:30", "0555", "0033 1 23 45 67",
                                     "2026-02-30", "1.5", "1e3", "0x1F", "0o17", ".inf", "+12", "1_000"])
def test_yaml_11_implicit_typing_never_changes_a_value(written):
    loaded, problems = load(f"value: {written}\n")
    assert problems == []
    assert loaded.data == {"value": written}


@pytest.mark.parametrize(("written", "value"), [("true", True), ("false", False), ("12", 12), ("0", 0), ("-3", -3),
                                                ("", None), ("~", None), ("null", None), ('"12"', "12"),
                                                ("'true'", "true")])
def test_core_schema_values(written, value):
    loaded, problems = load(f"value: {written}\n")
    assert problems == []
    assert loaded.data == {"value": value}


def test_duplicate_key_is_an_error_with_both_lines():
    _, problems = load("name: A\ntype: shelter\nname: B\n")
    assert problems == ["x.yml:3: nøglen 'name' står to gange (første gang i linje 1) — "
                        "slet den ene, så nøglen kun står én gang"]


def test_duplicate_nested_key():
    _, problems = load("contact:\n  phone: '112'\n  phone: '114'\n")
    assert problems == ["x.yml:3: nøglen 'phone' står to gange (første gang i linje 2) — "
                        "slet den ene, så nøglen kun står én gang"]


def test_every_value_keeps_its_line():
    loaded, _ = load("name: A\ncontact:\n  phone: '112'\nlist:\n  - a\n  - b\n")
    assert loaded.line(("name",)) == 1
    assert loaded.line(("contact", "phone")) == 3
    assert loaded.line(("list", 1)) == 6
    assert loaded.line(("contact", "missing")) == 2


def test_anchor_and_alias_are_refused():
    _, problems = load("a: &x hej\nb: *x\n")
    assert problems == ["x.yml:1: anker (&x) er ikke tilladt — skriv værdien ud de steder, den skal bruges"]


def test_python_tag_is_refused():
    _, problems = load("a: !!python/object/apply:os.system ['ls']\n")
    assert problems == ["x.yml:1: YAML-tagget 'tag:yaml.org,2002:python/object/apply:os.system' er ikke tilladt — "
                        "fjern tagget og skriv værdien som almindelig tekst, tal eller liste"]


def test_tab_indentation_gets_a_hint():
    _, problems = load("contact:\n\tphone: '112'\n")
    assert problems == ["x.yml:2: YAML kan ikke læses: der står et tabulatortegn — "
                        "brug mellemrum til indrykning, ikke tabulator"]


def test_deep_nesting_is_an_error_not_a_recursion_error():
    _, problems = load("a: " + "[" * 500 + "]" * 500 + "\n")
    assert problems == ["x.yml:1: filen er indlejret mere end 20 niveauer dybt — "
                        "gør strukturen fladere, som i skabelonen"]


def test_unclosed_quote():
    _, problems = load('name: "Værestedet\ntype: shelter\n')
    assert len(problems) == 1 and problems[0].startswith("x.yml:")
    assert "YAML kan ikke læses" in problems[0]


def test_multiple_documents_are_refused():
    _, problems = load("a: 1\n---\nb: 2\n")
    assert problems == ["x.yml:2: filen indeholder mere end ét YAML-dokument (en ekstra '---') — "
                        "fjern '---' og det, der står efter, eller del det op i flere filer"]


# -- issue 17: what YAML would silently fold, and where a missing colon really is ------------------

def test_a_list_item_indented_too_far_is_refused_not_folded():
    loaded, problems = load("helps_with:\n  - mad og kaffe\n    - bad og tøjvask\n")
    assert loaded is None
    assert problems == ["x.yml:3: '- bad og tøjvask' står længere inde end punktet over, så YAML læser de to som ét "
                        "punkt ('mad og kaffe - bad og tøjvask') — ryk linjen ud, så '- ' står lige under '- ' i "
                        "punktet over"]


@pytest.mark.parametrize("text", [
    "description: Et værested med kaffe,\n  mad og nogen at tale med.\n",      # a long text on two lines
    'description: "Et værested\n  - med kaffe"\n',                            # quoted: the writer chose it
    "description: |\n  Punkter:\n  - kaffe\n  - mad\n",                       # a block of lines, as written
    "helps_with:\n  - mad og kaffe\n  - bad og tøjvask\n",                     # a proper list
])
def test_text_over_several_lines_is_still_allowed(text):
    loaded, problems = load(text)
    assert problems == [] and loaded is not None


def test_the_missing_colon_is_reported_on_its_own_line_in_front_matter():
    problems = Problems()
    load_markdown("---\ntitle: En gæst sover\nkind situation\nsummary: x\n---\n\nTekst\n", "s.md", problems)
    assert [p.format() for p in problems] == ["s.md:3: der mangler et kolon efter 'kind' — skriv 'kind: situation'"]


def test_a_key_indented_under_a_text_is_named_with_the_key_above():
    _, problems = load("name: Værestedet\n  type: shelter\n")
    assert problems == ["x.yml:2: 'type:' står længere inde end 'name:', som allerede har en værdi — ryk 'type:' "
                        "ud, så den står lige under 'name:'"]


_PLAIN_TOKENS = ["true", "True", "TRUE", "tRue", "false", "FALSE", "null", "Null", "NULL", "nULL", "~", "0", "00",
                 "007", "-0", "-3", "12", "--1", "1e3", "0x1F", "10:30", "2026-02-30", "no", "yes", "+1", "1_000", "٣"]


@pytest.mark.parametrize("token", _PLAIN_TOKENS)
def test_a_plain_value_is_resolved_as_resolve_plain_says_wherever_it_stands(token):
    """The loader resolves a plain scalar in place (issue 18: without a call per value); the
    value is `resolve_plain`'s, as a mapping's value, a list item, a nested one and the document."""
    from rummelig.loading.yamlfile import resolve_plain

    expected = resolve_plain(token)
    for text, get in ((f"k: {token}\n", lambda d: d["k"]), (f"- {token}\n- x\n", lambda d: d[0]),
                      (f"a:\n  b: [{token}, {token}]\n", lambda d: d["a"]["b"][1]), (f"{token}\n", lambda d: d)):
        loaded = load_yaml(text, "x.yml", Problems())
        assert loaded is not None
        value = get(loaded.data)
        assert (type(value), value) == (type(expected), expected)
    quoted = load_yaml(f'k: "{token}"\n', "x.yml", Problems())
    assert quoted is not None and quoted.data["k"] == token


def _walk(value, path=()):
    """The plain recursive walk `Loaded.strings` gives the result of (the oracle)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,))
    elif isinstance(value, str):
        yield path, value


_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=3),
                       lambda inner: (st.lists(inner, max_size=4)
                                      | st.dictionaries(st.text(max_size=2), inner, max_size=4)),
                       max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_every_text_is_walked_in_order(data):
    from rummelig.loading.loaded import Loaded

    assert list(Loaded(data).strings()) == list(_walk(data))
