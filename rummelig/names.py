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

from rummelig import data


@dataclass(frozen=True)
class Finding:
    kind: str      # "name"
    start: int     # character offset in the text (0-based)
    problem: str   # Danish, without the value
    fix: str


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TRIGGER_WORDS = ("hedder", "hed", "ved navn", "navnet", "kaldet", "kaldes", "kalder sig", "kalder han sig",
                  "kalder hun sig", "hr.", "fru")
_TRIGGERS = re.compile(rf"\b(?:{'|'.join(map(re.escape, _TRIGGER_WORDS))})\s+$", re.IGNORECASE)
# The last character of each trigger, in both cases.
_TRIGGER_LAST = frozenset(c for word in _TRIGGER_WORDS for c in (word[-1].lower(), word[-1].upper()))
_SENTENCE_END = re.compile(r"(?:^|[.!?:;…\"“”»«(\n]\s*|\s[-–]\s*)$")


@cache
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names, names that are also ordinary words), lowercase."""
    text = data.read_text("fornavne.txt")
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
def _class(chars: list[str]) -> str:
    """A regex character class of `chars` (in code-point order), as ranges."""
    ranges, first, last = [], chars[0], chars[0]
    for char in chars[1:]:
        if ord(char) == ord(last) + 1:
            last = char
            continue
        ranges.append((first, last))
        first = last = char
    ranges.append((first, last))
    letters = "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)
    return f"[{letters}]"


@cache
def _upper() -> list[str]:
    """Every upper-case letter (what `_WORD` takes as a word's first letter), in order."""
    return [c for c in map(chr, range(UPPER_BOUND)) if c.isupper() and _LETTER.fullmatch(c)]


@cache
def _capitalised() -> re.Pattern[str]:
    """The capitalised words `_WORD` finds, without visiting the others. `_WORD` takes from each
    run of word characters (letters, digits, _ ' ’ -) the part from its first letter on, so
    a capitalised word is a run whose first letter is upper case (group 1: that letter)."""
    return re.compile(rf"(?<![\w'’-])[\d_'’-]*({_class(_upper())})[\w'’-]*")


@cache
def _capitalised_fast() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`_capitalised` split in two patterns that start with a small character class, which the
    regex engine skips ahead to (a pattern that starts with a lookbehind, or with the class of
    all 1,800 upper-case letters, is tried at every position: 5 × slower over a playbook;
    issue 18): runs that start with an upper-case letter of Latin-1, and runs that start with
    a digit, _, ' ’ or - (the lookbehind, after the first character, sees the one before the
    run), whose first letter (group 1) the caller keeps only when it is upper case. Good for a
    text without upper-case letters outside Latin-1; the two patterns' matches are then
    `_capitalised`'s, as tests/test_names.py shows. Neither needs the list of every upper-case
    letter, whose making (~10 ms: every code point asked) and class (~3 ms to compile) a check
    after one edit would otherwise pay for each text it scans."""
    latin = [c for c in map(chr, range(0x100)) if c.isupper() and _LETTER.fullmatch(c)]
    letter_first = re.compile(rf"{_class(latin)}(?<![\w'’-].)[\w'’-]*")
    other_first = re.compile(r"[\d_'’-](?<![\w'’-].)[\d_'’-]*([^\W\d_])[\w'’-]*")
    return letter_first, other_first


def _upper_beyond_latin(text: str) -> bool:
    """Has `text` an upper-case letter (as `_upper` lists them) outside Latin-1?"""
    return any(c.isupper() and _LETTER.fullmatch(c) for c in set(_BEYOND_LATIN.findall(text)))


_BEYOND_LATIN = re.compile(r"[^\x00-\xff]")


def capitalised_words(text: str) -> list[tuple[int, int]]:
    """(start of the first letter, end) of every capitalised word in `text`, in order: the
    matches of `_capitalised`, by its faster equivalent where that holds."""
    if _upper_beyond_latin(text):
        return [(match.start(1), match.end()) for match in _capitalised().finditer(text)]
    letter_first, other_first = _capitalised_fast()
    found = [(match.start(), match.end()) for match in letter_first.finditer(text)]
    found.extend((match.start(1), match.end()) for match in other_first.finditer(text) if match.group(1).isupper())
    found.sort()
    return found


_LETTER = re.compile(r"[^\W\d_]")
# No upper-case letter lies above this code point (tests/test_names.py checks the whole range,
# which takes 20 × as long as this one: too long for a check that loads one file).
UPPER_BOUND = 0x1F200


def find_names(text: str, lowercase: bool = False) -> list[Finding]:
    if lowercase:
        return _find_all_names(text)
    # Only the capitalised words are read: most words are not, and a loop over every word was most
    # of a cold national check's cost here (260,000 words; issue 18). A word's number on the line
    # of the message is counted only for a finding.
    found = []
    for start, end in capitalised_words(text):
        reason = _capitalised_reason(text, start, end)
        if reason is not None:
            found.append(_finding(reason, start, len(_WORD.findall(text, 0, start)) + 1))
    return found


def _find_all_names(text: str) -> list[Finding]:
    """Every word, capitalised or not (encounter notes: a first name in lower case counts too)."""
    names, _ = first_names()
    found = []
    for number, match in enumerate(_WORD.finditer(text), start=1):
        word = match.group(0)
        if word[0].isupper():
            reason = _capitalised_reason(text, match.start(), match.end())
        else:
            key = _key(word)
            reason = "lowercase" if key in names or (key.endswith("s") and key[:-1] in names) else None
        if reason is not None:
            found.append(_finding(reason, match.start(), number))
    return found


def _capitalised_reason(text: str, start: int, end: int) -> str | None:
    """Why the capitalised word text[start:end] is a name ("address", "trigger", "name"), or None."""
    names, ambiguous = first_names()
    key = _key(text[start:end])
    # What the patterns anchored at the end of the text before the word can see of it: the
    # whitespace before the word and the 20 characters before that (`stop`: where that whitespace
    # starts). The whole prefix gives the same matches (a trigger is at most 14 characters, a
    # sentence end 2), but copying and searching it for every word made a 600-word playbook take
    # seconds (issue 18). The 20 characters keep "^" meaning the start of the text: a non-empty
    # prefix's tail is never empty, and an empty one is the text's start.
    stop = start
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    before = text[max(0, stop - 20):start]
    if _BEFORE_ADDRESS.match(text, end) and before.strip():
        return "address"
    # A trigger is followed by whitespace up to the word, so it ends with text[stop - 1]; an
    # ASCII character there that is none of the triggers' last letters (in either case: that is
    # all re.IGNORECASE joins them with in ASCII) rules the search out (issue 18).
    last = text[stop - 1] if 0 < stop < start else ""
    if last and (last in _TRIGGER_LAST or not last.isascii()) and _TRIGGERS.search(before):
        return "trigger"
    if key in names or (key.endswith("s") and key[:-1] in names) or (
            (key in ambiguous or (key.endswith("s") and key[:-1] in ambiguous))
            and not _SENTENCE_END.search(before)):
        return "name"
    return None


def _finding(reason: str, start: int, number: int) -> Finding:
    if reason == "lowercase":
        return Finding("name", start, f"ser ud til at indeholde et navn (et fornavn med små bogstaver, ord nr. "
                       f"{number})", "skriv en rolle i stedet for et navn, fx 'en gæst', 'en ung mand' eller "
                       "'en fast bruger'")
    if reason == "address":
        return Finding("name", start, f"ser ud til at indeholde et navn med en adresse (ord nr. {number})",
                       "skriv en rolle i stedet for navn og adresse, fx 'en gæst fra nabolaget'")
    why = "efter et ord som 'hedder'" if reason == "trigger" else "et fornavn"
    return Finding("name", start, f"ser ud til at indeholde et navn ({why}, ord nr. {number})",
                   "skriv, hvad du gjorde – ikke hvem gæsten er, og aldrig et navn, fx 'hjalp med en "
                   "ansøgning om bolig'")


def _key(word: str) -> str:
    """The word as the list has it: lower case, without a possessive 's ("Peters" stays)."""
    lower = word.lower()
    return lower.rstrip("'’s") if lower.endswith(("'s", "’s")) else lower
