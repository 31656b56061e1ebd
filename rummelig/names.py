"""Does a text name a person? A heuristic for Danish first names, shared by the encounter
notes' guard (`rummelig.encounters.privacy`) and the role fields of the models
(`approved_by`: a role, never a name). Documented in docs-dev/contract.md §5.4.

1. a capitalised word right after "hedder", "hed", "ved navn", "navnet", "kaldet", "kaldes",
   "kalder sig", "hr.", "fru" is a name;
2. a capitalised word found in a list of common first names (rummelig/data/fornavne.txt) is
   a name — except names that are also ordinary words (marked "?" in the list: Per, Bo,
   Maj, Mark, Sol …), which count only in the middle of a sentence.
It misses rare names, surnames on their own and names written in lower case, and it can
flag a place or brand that is spelt like a first name. Hand-written because no maintained
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


def find_names(text: str) -> list[Finding]:
    names, ambiguous = first_names()
    found = []
    for number, match in enumerate(_WORD.finditer(text), start=1):
        word = match.group(0)
        if not word[0].isupper():
            continue
        before = text[: match.start()]
        key = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
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
