"""rummelig.search: the words added to the search index (issue 4, item 1)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rummelig.search import STOP_WORDS, SearchWords, enrich_index, inflections, keyword_terms, load_synonyms, location

PROJECT = Path(__file__).resolve().parents[1]


def test_inflections_reach_the_forms_staff_type_from_the_plain_form():
    forms = inflections("sover")
    for typed in ("sove", "sover", "sovende", "sovet"):
        assert any(form.startswith(typed) for form in forms), typed
    assert inflections("og") == {"og"}  # too short to stem safely


def test_synonyms_of_own_words_are_added_but_not_of_tags():
    synonyms = load_synonyms()
    own = keyword_terms(SearchWords(own=["beruset"]), synonyms)
    assert any(t.startswith("plakatfuld") for t in own)
    assert not any(t.startswith("sprut") for t in own)  # another group (alkohol)
    tagged = keyword_terms(SearchWords(plain=["beruset"]), synonyms)
    assert not any(t.startswith("plakatfuld") for t in tagged)


def test_keyword_terms_drop_stop_words_and_forms_covered_by_a_longer_one():
    terms = keyword_terms(SearchWords(own=["falder i søvn"]), load_synonyms())
    assert "i" not in terms
    assert terms == sorted(terms)
    assert not any(b.startswith(a) for a, b in zip(terms, terms[1:], strict=False))


def test_synonym_list_is_lower_case_groups_without_duplicates():
    groups = load_synonyms().groups
    assert len(groups) >= 20
    members = [m for g in groups for m in g]
    assert all(m == m.lower() and m.strip() for m in members)
    assert all(len(g) >= 2 for g in groups)


def test_enrich_index_adds_the_field_to_the_page_entry_only():
    index = {"config": {"fields": {}}, "docs": [
        {"location": "strategier/x/", "title": "X", "text": ""},
        {"location": "strategier/x/#situationen", "title": "Situationen", "text": ""},
        {"location": "biblioteker/a/kontaktkort/", "title": "K", "text": ""}]}
    count = enrich_index(index, {"strategier/x/": SearchWords(own=["sover"])}, load_synonyms(),
                         {"biblioteker/a/kontaktkort/": 0.5})
    assert count == 1
    assert "sovende" in index["docs"][0]["keywords"]
    assert "keywords" not in index["docs"][1]
    assert index["docs"][2]["boost"] == 0.5
    assert index["config"]["fields"]["keywords"]["boost"] > 0


def test_locations_follow_mkdocs_for_directory_and_file_urls():
    assert location("index.md") == ""
    assert location("strategier/index.md") == "strategier/"
    assert location("strategier/x.md") == "strategier/x/"
    assert location("strategier/x.md", directory_urls=False) == "strategier/x.html"
    assert location("index.md", directory_urls=False) == "index.html"


def test_the_browser_drops_the_same_stop_words_as_the_core():
    script = (PROJECT / "docs/assets/javascripts/search-query.js").read_text(encoding="utf-8")
    listed = re.search(r"new Set\(\[(.*?)\]\)", script, re.S).group(1)
    assert set(json.loads("[" + listed.strip().rstrip(",") + "]")) == set(STOP_WORDS)


def test_mkdocs_gives_the_keywords_field_a_boost():
    from mkdocs.config import load_config

    config = load_config(str(PROJECT / "mkdocs.yml"))
    fields = config.plugins["material/search"].config.fields
    assert fields["keywords"]["boost"] > fields["text"]["boost"]
