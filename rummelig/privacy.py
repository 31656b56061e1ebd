"""The privacy guard: no data about citizens, ever (docs-dev/design.md §2, contract §5.0 and §5.4; issue 6 item 5).

Shared by every stage that reads text a contributor wrote: the rule `rules/privacy.py`
scans every content file, the hand-written docs pages and the encounter CSVs, and the
encounter loader (issue 7) calls `check_note` for each note. Messages say where and what
kind of data it looks like, never the number or address itself: the check's output ends up
in CI logs.

Danish CPR numbers are found by their date, not by modulus 11 (not guaranteed since 2007):
``DDMMYY-SSSS``, ``DDMMYYSSSS`` or ``DDMMYY SSSS`` where DDMMYY is a real date in the century
that the seventh digit gives (the CPR office's rule). No library does this for Danish CPR
numbers, so it is written here; phone numbers are confirmed with `phonenumbers`.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass

import phonenumbers

from rummelig.problems import Problems

# Hand-written because CPR numbers have no maintained parser: six digits, an optional
# hyphen/space/en dash, four digits, not inside a longer number.
_CPR = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})[-\u2013 \u00a0]?([0-9])[0-9]{3}(?![0-9])")
# Candidates only; an e-mail address in a note is refused whether or not it is deliverable.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Danish numbers as people write them: 8 digits, alone or as 2-2-2-2 / 4-4 groups with one
# consistent separator, optionally after +45/0045. Dates (2026-11-20) do not fit these groups.
_DK_PHONE = re.compile(
    r"(?<![0-9])(?:(?:\+|00)45[ .-]?)?"
    r"(?:[0-9]{2}([ .-]?)[0-9]{2}\1[0-9]{2}\1[0-9]{2}|[0-9]{4}[ .-]?[0-9]{4})(?![0-9])")
# International numbers: + and at least 7 digits; confirmed by phonenumbers.
_INTL_PHONE = re.compile(r"(?:\+|00)[1-9][0-9 .-]{6,18}[0-9]")
_QUICK = re.compile(r"[0-9]{2}")  # nothing to look at without two digits in a row
_SIX_DIGITS = re.compile(r"[0-9][0-9][0-9][0-9][0-9][0-9]")  # every CPR number starts with six (unrolled: 2× faster)


@dataclass(frozen=True)
class Finding:
    line: int
    kind: str      # "cpr", "phone" or "email"
    message: str
    fix: str
    code: str


def _century(year: int, seventh: int) -> int | None:
    """The CPR office's rule: the first digit of the serial number gives the century."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800  # 5-8


def is_cpr_date(day: int, month: int, year: int, seventh: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    century = _century(year, seventh)
    return century is not None and day <= monthrange(century + year, month)[1]


def _line(text: str, index: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, index)


def find_cpr(text: str, first_line: int = 1) -> list[Finding]:
    if not _SIX_DIGITS.search(text):
        return []
    found = []
    for match in _CPR.finditer(text):
        day, month, year, seventh = (int(g) for g in match.groups())
        if is_cpr_date(day, month, year, seventh):
            found.append(Finding(
                _line(text, match.start(), first_line), "cpr",
                "linjen indeholder noget, der ligner et CPR-nummer",
                "slet det: vi skriver aldrig personoplysninger om borgere", "privacy.cpr"))
    return found


def find_contact_details(text: str, first_line: int = 1) -> list[Finding]:
    """Phone numbers and e-mail addresses: never allowed in an encounter note."""
    found = []
    if "@" in text:
        for match in _EMAIL.finditer(text):
            found.append(Finding(_line(text, match.start(), first_line), "email",
                                 "noten indeholder en e-mailadresse",
                                 "slet den: en note om et godt møde skal være anonym", "privacy.email"))
    if _QUICK.search(text):
        spans: list[tuple[int, int]] = []
        for match in _DK_PHONE.finditer(text):
            spans.append(match.span())
        for match in _INTL_PHONE.finditer(text):
            if any(a <= match.start() < b for a, b in spans):
                continue
            try:
                number = phonenumbers.parse(match.group().replace(".", " "), None)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(number):
                spans.append(match.span())
        for start, _ in sorted(spans):
            found.append(Finding(_line(text, start, first_line), "phone",
                                 "noten indeholder et telefonnummer",
                                 "slet det: en note om et godt møde skal være anonym; skriv partnerens navn, "
                                 "hvis det er en partners nummer", "privacy.phone"))
    return found


def report(problems: Problems, path: str, findings: list[Finding], line: int | None = None) -> None:
    for finding in findings:
        problems.error(path, line if line is not None else finding.line, finding.message, finding.fix, finding.code)


def check_text(problems: Problems, path: str, text: str, first_line: int = 1) -> None:
    """Every text a contributor writes: no CPR numbers."""
    report(problems, path, find_cpr(text, first_line))


def check_note(problems: Problems, path: str, line: int | None, note: str) -> None:
    """One encounter note (issue 7 calls this for every row): no CPR numbers, phone
    numbers or e-mail addresses. Every problem is reported at `line`, the row's line."""
    report(problems, path, find_cpr(note) + find_contact_details(note), line)
