"""rummelig/names.py: the heuristic that finds names in notes, and its limits."""

from __future__ import annotations

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
