"""rummelig/names.py: the heuristic that finds names in notes, and its limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rummelig.names import find_names


def test_privacy_names_heuristic_and_its_limits():
    def kinds(text: str) -> list[str]:
        return [f.problem for f in find_names(text)]

    assert kinds("Per dag kom der mange gæster.") == []                  # 'Per' at a sentence start is a word
    assert kinds("Vi hjalp Per med printeren.") != []                    # … and a name mid-sentence
    assert kinds("Peter kom og sagde tak.") != []
    assert kinds("Hun kaldes Lillemor af de andre.") != []               # after a trigger word, any name
    assert kinds("En gæst fra Aarhus fik hjælp til MitID hos SKP.") == []
    assert kinds("en gæst ved navn lillemor") == []                      # a limit: names in lower case pass


def test_lower_case_first_names_count_in_notes_only():
    from rummelig.names import find_names

    assert [f.problem for f in find_names("mødte peter ved kaffen", lowercase=True)] == [
        "ser ud til at indeholde et navn (et fornavn med små bogstaver, ord nr. 2)"]
    assert find_names("mødte peter ved kaffen") == []
    assert find_names("per gang vi ses", lowercase=True) == []  # an ordinary word


def test_a_surname_with_a_street_address_is_a_name():
    from rummelig.names import find_names

    assert [f.problem for f in find_names("Snak med Jensen, Nørregade 4 i dag")] == [
        "ser ud til at indeholde et navn med en adresse (ord nr. 3)"]


def _find_names_on_whole_prefixes(text: str) -> list[tuple[int, str]]:
    """The heuristic as it was written first: each pattern searched on the whole text before the
    word (quadratic: seconds for one playbook). find_names must find exactly the same."""
    import re

    from rummelig import names as n

    found = []
    known, ambiguous = n.first_names()
    for number, match in enumerate(n._WORD.finditer(text), start=1):
        word, before = match.group(0), text[: match.start()]
        key = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
        if not word[0].isupper():
            continue
        if n._BEFORE_ADDRESS.match(text, match.end()) and before.strip():
            found.append((match.start(), f"adresse {number}"))
        elif re.search(n._TRIGGERS, before) or key in known or (key.endswith("s") and key[:-1] in known) or (
                (key in ambiguous or (key.endswith("s") and key[:-1] in ambiguous))
                and not n._SENTENCE_END.search(before)):
            found.append((match.start(), f"navn {number}"))
    return found


_PIECES = ["Per", "Peter", "Hansen", "hedder", "HEDDER", "kalder han sig", "hr.", "fru", "ved navn", "Mark", "Sol",
           "gæsten", "Vestergade 12", ",", ".", "!", ":", "…", "»", "(", " - ", " – ", "-", "\n", "\n\n", " ", "   ",
           "\t", "x", "Bo", "navnet", "Aarhus", "kaldes", "fra", "på", "Maj's", "’s",
           "KALDEſ", "FRU", "Hed", "kalder hun ſig", "HR."]  # ſ: re.IGNORECASE reads it as s


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join) | st.lists(st.sampled_from(_PIECES), max_size=40)
       .map("".join))
@settings(max_examples=300, deadline=None)
def test_only_the_tail_of_the_text_before_a_word_decides(text: str) -> None:
    from rummelig.names import find_names

    found = [(f.start, ("adresse " if "adresse" in f.problem else "navn ") + f.problem.rsplit("nr. ", 1)[1][:-1])
             for f in find_names(text)]
    assert found == _find_names_on_whole_prefixes(text)


def test_no_upper_case_letter_lies_above_the_bound_the_name_scan_reads_up_to():
    import re
    import sys

    from rummelig.names import UPPER_BOUND

    letter = re.compile(r"[^\W\d_]")
    assert not [hex(c) for c in range(UPPER_BOUND, sys.maxunicode + 1) if chr(c).isupper() and letter.fullmatch(chr(c))]


_PIECES = ["Peter", "hedder", "ved navn", "kalder han sig", "hr.", "fru", "Hansen", ",", "Vestergade 12", "bor på",
           "Per", "Bo", ".", "\n", " ", "mette", "Maj's", "3", "-", "’", "_", "Ärne", "Ⅰ", "½", "ΣΑΣ", "ǅ", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_only_capitalised_words_are_read_and_each_is_numbered_as_every_word_counts(text: str) -> None:
    """find_names visits only the capitalised words (a cold check's cost; issue 18): the same
    findings, numbered the same, as reading every word (the lower-case scan reads them all)."""
    from rummelig.names import _WORD, _capitalised_reason, _finding

    every = []
    for number, match in enumerate(_WORD.finditer(text), start=1):
        if match.group(0)[0].isupper():
            reason = _capitalised_reason(text, match.start(), match.end())
            if reason is not None:
                every.append(_finding(reason, match.start(), number))
    assert find_names(text) == every


_LATIN_RUN_PIECES = ["Peter", "peter", "ÆBLE", "Ørsted", "æble", "ÿ", "Þór", "ß", "×", "µ", "ª", "÷", "Ärne", "3", "-",
                     "’", "'", "_", " ", "\n", ".", ",", "–", "…", "“", "ı", "σ", "½", "ǅ", "x", "McD", "aB", "²"]
_RUN_PIECES = [*_LATIN_RUN_PIECES, "İstanbul", "ΣΑΣ", "Ⅰ"]  # upper-case letters outside Latin-1


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LATIN_RUN_PIECES), max_size=30).map("".join)
       | st.lists(st.sampled_from(_RUN_PIECES), max_size=30).map("".join))
def test_the_fast_scan_for_capitalised_words_finds_what_the_one_pattern_finds(text: str) -> None:
    """capitalised_words scans with two patterns the engine can skip ahead in, unless the text
    has an upper-case letter outside Latin-1 (issue 18): the words are `_capitalised`'s."""
    from rummelig.names import _capitalised, capitalised_words

    assert capitalised_words(text) == [(m.start(1), m.end()) for m in _capitalised().finditer(text)]
