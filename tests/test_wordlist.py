"""rummelig/wordlist.py: the word list is data, matching finds whole words and compounds, and
the prefilters find what the full regex finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rummelig.wordlist import WordList, load_wordlist, scan


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi møder mennesker med et rusmiddelproblem.", []),               # the suggestion itself
    ("Han bumsede ind i døren. Narkomaniens historie.", []),            # words inside other words
    ("Mange misbrugere, få misbrugerorganisationer.", ["misbrugere"]),
    ("En stofmisbruger og en alkoholmisbrugers ven.", ["stofmisbruger", "alkoholmisbrugers"]),  # compounds
    ("De\nhjemløse sover ude.", ["De hjemløse"]),                      # across a line break
    ("Ordet `narkoman` i kode, og <!-- junkie --> i en kommentar.", []),
    ("Et citat: narkoman <!-- sprogbrug: tillad -->", []),
    ("Se [siden](https://example.dk/narkoman).", []),
    ("```\njunkie\n```\nbums", ["bums"]),
])
def test_word_matching(text, expected):
    assert [hit.word for hit in scan(text, "markdown")] == expected


def test_yaml_comments_and_allow_marker_are_not_checked():
    text = "# narkoman i en kommentar\nkeywords: [narkoman]  # sprogbrug: tillad\ntags: [junkie]\n"
    assert [(hit.line, hit.word) for hit in scan(text, "yaml")] == [(3, "junkie")]


def test_the_word_list_is_data_with_every_entry_complete():
    words, problems = load_wordlist()
    assert problems == ()
    terms = {term.term: term for term in words.terms}
    assert terms["misbruger"].suggestion == "menneske med et rusmiddelproblem"
    assert terms["de hjemløse"].suggestion == "mennesker i hjemløshed"
    assert {"narkoman", "bums"} <= set(terms)
    assert WordList([]).find("narkoman") is not None  # an empty list finds nothing, without error
    assert list(WordList([]).find("narkoman")) == []


def test_wordlist_prefilters_find_what_the_full_regex_finds():
    from rummelig.wordlist import _inside_allowed, load_wordlist, mask, scan

    words = load_wordlist()[0]
    texts = [
        "Vi hjælper de hjemløse og de udsatte.", "De\nhjemløse kom ind.", "de `kode` hjemløse",
        "de <!-- x --> hjemløse", "de [link](https://x.dk) hjemløse", "En STOFMISBRUGER og en misbrugers ven",
        "mennesker i hjemløshed og socialt udsatte borgere", "\u0130 misbruger \u0131", "```\nnarkoman\n```",
        "narkoman <!-- sprogbrug: tillad -->", "title: de psykisk syge\n# narkoman\n", "ingen af ordene",
    ]
    for text in texts:
        for kind in ("markdown", "yaml"):
            masked = mask(text, kind)
            expected = []
            for match in words._regex.finditer(masked):
                form = match.group("compound") if match.groupdict().get("compound") else match.group("whole")
                term = words._by_form[" ".join(form.lower().split())]
                if not _inside_allowed(masked, match.start(), match.end(), term):
                    expected.append((masked.count("\n", 0, match.start()) + 1, term.term))
            assert [(hit.line, hit.term.term) for hit in scan(text, kind, words)] == expected, (text, kind)


_FORM_PIECES = ["de", "De", "hjemløse", "HJEMLØSE", "udsatte", "psykisk", "syge", "en", "hjemløs", "narkoman", "alki",
                " ", "  ", "\n", "\t", "\u00a0", "\u2003", "x", "s", "-", "misbruger", "stof", "ß", "ſ", "K"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FORM_PIECES), max_size=12).map("".join))
def test_the_forms_are_found_in_the_text_as_in_the_text_with_its_whitespace_joined(text: str) -> None:
    """The prefilter before the regex looks for the forms without joining the text's whitespace
    (issue 18); the answer is the joined text's."""
    from rummelig.wordlist import load_wordlist

    words = load_wordlist()[0]
    folded = text.casefold()
    flat = " ".join(folded.split())
    assert words._holds_a_form(folded) == any(form in flat for form in words._folded)


def test_the_list_a_check_kept_is_the_list_and_finds_what_it_finds():
    """A check keeps the validated list in its cache (rummelig/kept.py); the next check's list,
    made from what was kept without the list's model, has the same terms and finds the same."""
    from rummelig import kept
    from rummelig.models.term import Term

    store: dict[str, bytes] = {}
    kept.use(store)
    try:
        fresh, fresh_problems = load_wordlist.__wrapped__()
        assert set(store) == {"wordlist"} and kept.added()
        recalled, recalled_problems = load_wordlist.__wrapped__()
    finally:
        kept.use(None)
    assert recalled_problems == fresh_problems
    assert all(isinstance(term, Term) for term in fresh.terms)
    assert not any(isinstance(term, Term) for term in recalled.terms)  # no model was made …
    for mine, theirs in zip(recalled.terms, fresh.terms, strict=True):  # … and every field is the model's
        assert {name: getattr(mine, name) for name in Term.model_fields} == dict(theirs)
        assert mine.model_dump() == theirs.model_dump()  # anything else: the model's own answer
        with pytest.raises(AttributeError):
            mine.no_such_field  # noqa: B018
    text = "\n".join(f"Om {form}, og {term.suggestion}." for term in fresh.terms for form in [term.term, *term.forms])
    for kind in ("markdown", "yaml"):
        expected = [(h.line, h.word, h.term.term, h.term.suggestion, h.term.why) for h in scan(text, kind, fresh)]
        assert expected
        assert [(h.line, h.word, h.term.term, h.term.suggestion, h.term.why)
                for h in scan(text, kind, recalled)] == expected
