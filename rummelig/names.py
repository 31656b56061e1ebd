"""Does a text name a person? A heuristic for Danish first names, shared by the encounter
notes' guard (`rummelig.encounters.privacy`) and the role fields of the models
(`approved_by`: a role, never a name). Documented in docs-dev/contract.md §5.4.

1. a capitalised word right after "hedder", "hed", "ved navn", "navnet", "kaldet", "kaldes",
   "kalder sig", "hr.", "fru" is a name;
2. a capitalised word found in a list of common first names (rummelig/data/fornavne.txt) is
   a name — except names that are also ordinary words (marked "?" in the list: Per, Bo,
   Maj, Mark, Sol …), which count only in the middle of a sentence.
3. with `lowercase=True` (encounter notes, issue 13), a first name from the list written in
   lower case counts too (never the ambiguous ones: "per", "bo", "sol" are words);
4. a capitalised word followed by a street address ("Hansen, Vestergade 12") is a name: a
   surname with an address identifies a person (`rummelig.privacy` finds the address).
It misses rare names and surnames without an address, and it can flag a place or brand that
is spelt like a first name. Hand-written because no maintained
library does Danish first-name detection without a large language model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Finding:
    kind: str      # "name"
    start: int     # character offset in the text (0-based)
    problem: str   # Danish, without the value
    fix: str


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TRIGGERS = re.compile(r"\b(?:hedder|hed|ved navn|navnet|kaldet|kaldes|kalder (?:sig|han sig|hun sig)|hr\.|fru)\s+$",
                       re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;…\"“”»«(\n]\s*|\s[-–]\s*)$")


@cache
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names, names that are also ordinary words), lowercase."""
    text = resources.files("rummelig.data").joinpath("fornavne.txt").read_text(encoding="utf-8")
    names, ambiguous = set(), set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("?"):
            ambiguous.add(line[1:])
        else:
            names.add(line)
    return frozenset(names), frozenset(ambiguous)


# A capitalised word, then (after "fra", "på", "i", "bor" or a comma) a street and house number.
_BEFORE_ADDRESS = re.compile(r"\s*(?:,|\s(?:fra|på|i|bor på|bor i|,)\s)\s*[A-Za-zÆØÅæøåÉé-]+(?:gade|vej|allé|alle|"
                             r"stræde|plads|torv|boulevard|vænge|bakke|sti|parken|toften)\s+[0-9]{1,4}",
                             re.IGNORECASE)


def _tail(text: str, start: int, keep: int) -> str:
    """What the patterns anchored at the end of `text[:start]` can see of it: the whitespace
    before `start` and the `keep` characters before that. The whole prefix gives the same
    matches (a trigger is at most 14 characters, a sentence end 2), but copying and searching it
    for every word made a 600-word playbook take seconds (issue 18)."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - keep):start]


def find_names(text: str, lowercase: bool = False) -> list[Finding]:
    names, ambiguous = first_names()
    found = []
    for number, match in enumerate(_WORD.finditer(text), start=1):
        word = match.group(0)
        key = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
        if not word[0].isupper():
            if lowercase and (key in names or (key.endswith("s") and key[:-1] in names)):
                found.append(Finding("name", match.start(), f"ser ud til at indeholde et navn (et fornavn med små "
                                     f"bogstaver, ord nr. {number})", "skriv en rolle i stedet for et navn, fx "
                                     "'en gæst', 'en ung mand' eller 'en fast bruger'"))
            continue
        # The 20 characters keep "^" meaning the start of the text: a non-empty prefix's tail is
        # never empty, and an empty one is the text's start.
        before = _tail(text, match.start(), 20)
        if _BEFORE_ADDRESS.match(text, match.end()) and before.strip():
            found.append(Finding("name", match.start(), f"ser ud til at indeholde et navn med en adresse (ord nr. "
                                 f"{number})", "skriv en rolle i stedet for navn og adresse, fx 'en gæst fra "
                                 "nabolaget'"))
            continue
        if _TRIGGERS.search(before):
            reason = "efter et ord som 'hedder'"
        elif key in names or (key.endswith("s") and key[:-1] in names) or (
                (key in ambiguous or (key.endswith("s") and key[:-1] in ambiguous))
                and not _SENTENCE_END.search(before)):
            reason = "et fornavn"
        else:
            continue
        found.append(Finding("name", match.start(), f"ser ud til at indeholde et navn ({reason}, ord nr. {number})",
                             "skriv, hvad du gjorde – ikke hvem gæsten er, og aldrig et navn, fx 'hjalp med en "
                             "ansøgning om bolig'"))
    return found
