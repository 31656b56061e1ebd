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
