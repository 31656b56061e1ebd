"""Is an encounter note anonymous? Names here; CPR numbers, phone numbers and e-mails via
the project's privacy guard (`rummelig.privacy`, issue 6).

`check_note(problems, path, line, note)` is what the loader and `rummelig encounters add`
call. Messages never repeat the personal data itself (they end up in CI logs). The CPR,
phone and e-mail findings use exactly the guard's wording, so when the guard's own rule
scans the same CSV file the two reports are one problem (Problems removes duplicates).

Names cannot be detected perfectly. The heuristic (documented in docs-dev/contract.md §5.4):
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

from rummelig import privacy
from rummelig.problems import Problems


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
                             "skriv en rolle i stedet for et navn, fx 'en gæst', 'en ung mand' eller 'en fast bruger'"))
    return found


def note_findings(note: str) -> list[tuple[str, str]]:
    """(problem, fix) for everything in `note` that looks like a citizen's personal data."""
    found = [(f.message, f.fix) for f in privacy.find_cpr(note) + privacy.find_contact_details(note)]
    return found + [(f"noten {f.problem}", f.fix) for f in find_names(note)]


def check_note(problems: Problems, path: str, line: int | None, note: str) -> bool:
    """Report personal data in one note at the row's line; True when the note is anonymous."""
    before = len(problems)
    privacy.check_note(problems, path, line, note)
    for finding in find_names(note):
        problems.error(path, line, f"noten {finding.problem}", finding.fix, "privacy.name")
    return len(problems) == before
