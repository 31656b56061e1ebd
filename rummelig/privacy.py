"""The privacy guard: no data about citizens, ever (docs-dev/design.md §2, contract §5.0 and §5.4; issue 6 item 5).

Shared by every stage that reads text a contributor wrote: the rule `rules/privacy.py`
scans every content file, the hand-written docs pages and the encounter CSVs, and the
encounter loader (issue 7) asks `note_findings` about each note. Messages say where and what
kind of data it looks like, never the number or address itself: the check's output ends up
in CI logs.

Danish CPR numbers are found by their date, not by modulus 11 (not guaranteed since 2007):
six digits DDMMYY and four more, where DDMMYY is a real date in the century that the seventh
digit gives (the CPR office's rule), written together or with a space, dot, slash or dash
between the groups (spaces around the dash too). No library does this for Danish CPR
numbers, so it is written here; phone numbers are confirmed with `phonenumbers`.

What is scanned is what a reader sees, not the raw text (issue 13 item 4): `normalise` folds
full-width digits and other compatibility forms (NFKC), every dash and minus to "-", every
space separator to " ", removes zero-width characters and soft hyphens, decodes HTML entities
and YAML escapes (``\u0039``), drops Markdown escapes and emphasis between digits, and
comments and tags between digits — without changing the number of lines, so a finding keeps
its line.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass

from rummelig.problems import Problems

# Hand-written because CPR numbers have no maintained parser: DD MM YY, then the serial number
# SSSS, with at most one separator between groups (and spaces around a dash), not inside a
# longer number. Runs on normalised text (`normalise`).
# The date's groups share one separator; a space inside the serial number only when every
# group is spaced (01 01 90 12 34), so "01.01.2026 10-12" is not read as one.
_CPR = re.compile(r"(?<![0-9])([0-9]{2})(?P<a>[ ./-]?)([0-9]{2})(?P=a)([0-9]{2})(?P<b> ?[-./] ?| )?"
                  r"([0-9])[0-9](?P<c> ?)[0-9]{2}(?![0-9])")
# -- normalisation: the text as a reader sees it ----------------------------------------------
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff]")
_YAML_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_COMMENT = re.compile(r"<!--.*?(?:--!?>|$)|<[A-Za-z/!][^>\n]*>", re.DOTALL)
# Markdown that shows nothing between two digits: escapes, emphasis, code ticks, strike-through.
_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])(?:[\\*_`~]|\[|\]\([^)\n]*\))+(?=[-0-9 .])|(?<=[-0-9 .])[\\*_`~\[]+(?=[0-9])")
_DIGIT_LIKE = re.compile(r"[^\x00-\x7f]")


def _keep_lines(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def _yaml_char(match: re.Match[str]) -> str:
    code = int(next(g for g in match.groups() if g), 16)
    return chr(code) if code < 0x110000 and chr(code) not in "\n\r" else " "


def normalise(text: str) -> str:
    """`text` as a reader sees it, for the scans; the same number of lines as `text`."""
    if "\\" in text:
        text = _YAML_ESCAPE.sub(_yaml_char, text)
    if "&" in text:
        import html  # here: its table of 2,200 entities costs a few ms, and most texts have no "&" (issue 18)

        text = "\n".join(html.unescape(line) for line in text.split("\n"))
    if "<" in text:
        text = _COMMENT.sub(_keep_lines, text)
    if _DIGIT_LIKE.search(text):
        text = "\n".join(unicodedata.normalize("NFKC", line) for line in text.split("\n"))
        text = _INVISIBLE.sub("", _SPACES.sub(" ", _DASHES.sub("-", text)))
    return _BETWEEN_DIGITS.sub("", text)
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


# A line worth normalising has ten digits (any script); most lines have fewer.
_TEN_DIGITS = re.compile(r"\d(?:\D*?\d){9}")
_NOT_DIGITS = re.compile(r"[^\d\n]+")


def _candidate_lines(text: str) -> str:
    """`text` with every line that cannot hold a CPR number emptied (the line count kept).

    A line is kept when it has ten digits (`_TEN_DIGITS.search(line)`, any script). They are
    counted for all lines at once, from the text with everything but digits and line breaks
    removed: searching each line with `_TEN_DIGITS` cost 11 µs a line, most of the privacy rule
    on the 20,000 rows of a national corpus's encounter files (issue 18)."""
    lines = text.split("\n")
    digits = _NOT_DIGITS.sub("", text).split("\n")
    kept = [normalise(line) if len(found) >= 10 else "" for line, found in zip(lines, digits, strict=True)]
    return "\n".join(kept)


def find_cpr(text: str, first_line: int = 1) -> list[Finding]:
    """CPR numbers in what a reader of `text` sees (`normalise`), line by line (a value folded
    over several YAML lines is scanned as the loaded value; `rules/privacy.py`)."""
    if not _TEN_DIGITS.search(text):
        return []
    text = _candidate_lines(text)
    found = []
    for match in _CPR.finditer(text):
        if match.group("c") and (match.group("a") != " " or match.group("b") != " "):
            continue
        day, month, year, seventh = (int(match.group(n)) for n in (1, 3, 4, 6))
        if is_cpr_date(day, month, year, seventh):
            found.append(Finding(
                _line(text, match.start(), first_line), "cpr",
                "linjen indeholder noget, der ligner et CPR-nummer",
                "slet det: vi skriver aldrig personoplysninger om borgere", "privacy.cpr"))
    return found


# E-mails written to get past a filter: navn (at) kommune (dot) dk, navn snabel-a kommune.dk.
_AT = r"(?:\s*(?:@|[(\[{<]\s*(?:at|snabel-?a)\s*[)\]}>])\s*|\s+(?:at|snabel-?a)\s+)"
_DOT = r"(?:\s*(?:\.|[(\[{<]\s*(?:dot|punktum)\s*[)\]}>])\s*|\s+(?:dot|punktum)\s+)"
_TLDS = "dk|com|net|org|se|no|de|eu|info|nu|io|fo|gl|uk|me"
# This and _ADDRESS are kept as text, compiled (and cached) by `re` on their first use: only an
# encounter file's notes are searched for them, and a check after another edit should not pay for
# compiling them (issue 18).
_OBFUSCATED_EMAIL = rf"(?i)[A-Za-z0-9._%+-]+{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}(?:{_TLDS})\b"
# Eight digits in any grouping (70 20 12 01, 702 012 01, 7020 12 01, 70/20/12/01, 70-20-12-01),
# optionally after +45/0045; an ISO or Danish date is not a phone number.
_ANY_PHONE = re.compile(r"(?<![0-9])(?:(?:\+|00)45[ ./-]?)?[0-9](?:[ ./-]?[0-9]){7}(?![0-9])")
_DATE_LIKE = re.compile(r"[0-9]{4}([-./])[0-9]{2}\1[0-9]{2}|[0-9]{2}([-./])[0-9]{2}\2[0-9]{4}")
# A street address: a street name ending like Danish street names do, and a house number.
_ADDRESS = (r"(?i)\b[A-Za-zÆØÅæøåÉé-]+(?:gade|vej|allé|alle|stræde|straede|plads|torv|boulevard|vænge|bakke|sti"
            r"|parken|toften)\s+[0-9]{1,4}[A-Za-z]?\b")


def find_contact_details(text: str, first_line: int = 1) -> list[Finding]:
    """Phone numbers, e-mail addresses (also written as 'navn (at) kommune.dk') and street
    addresses: never allowed in an encounter note."""
    found = []
    text = normalise(text)
    for match in re.finditer(_OBFUSCATED_EMAIL, text):
        if "@" not in match.group():
            found.append(Finding(_line(text, match.start(), first_line), "email",
                                 "noten indeholder en e-mailadresse",
                                 "slet den: en note om et godt møde skal være anonym", "privacy.email"))
    for match in re.finditer(_ADDRESS, text):
        found.append(Finding(_line(text, match.start(), first_line), "address",
                             "noten indeholder en adresse (et vejnavn med husnummer)",
                             "slet den: en note om et godt møde skal være anonym; skriv fx 'i nærheden af "
                             "biblioteket'", "privacy.address"))
    if "@" in text:
        for match in _EMAIL.finditer(text):
            found.append(Finding(_line(text, match.start(), first_line), "email",
                                 "noten indeholder en e-mailadresse",
                                 "slet den: en note om et godt møde skal være anonym", "privacy.email"))
    for start, _ in find_phone_numbers(text):
        found.append(Finding(_line(text, start, first_line), "phone",
                             "noten indeholder et telefonnummer",
                             "slet det: en note om et godt møde skal være anonym; skriv partnerens navn, "
                             "hvis det er en partners nummer", "privacy.phone"))
    return found


def find_phone_numbers(text: str) -> list[tuple[int, str]]:
    """(offset, the number as written) of every phone number in `text`, in order.

    No pattern crosses a line break, so only the lines with two digits in a row are scanned: the
    patterns start with a lookbehind, which the regex engine cannot skip ahead to, and scanning
    whole playbooks with them was a tenth of a cold national check (issue 18)."""
    spans: list[tuple[int, int]] = []
    scanned = -1
    for hit in _QUICK.finditer(text):
        if hit.start() < scanned:
            continue
        begin = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        scanned = end = len(text) if end < 0 else end
        _phone_spans(text, begin, end, spans)
    return [(start, text[start:end]) for start, end in sorted(spans)]


def _phone_spans(text: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Add the spans of the phone numbers in the line text[begin:end] to `spans`."""
    found: list[tuple[int, int]] = []
    for match in _DK_PHONE.finditer(text, begin, end):
        found.append(match.span())
    for match in _ANY_PHONE.finditer(text, begin, end):
        if not _DATE_LIKE.fullmatch(match.group()) and not any(a <= match.start() < b for a, b in found):
            found.append(match.span())
    for match in _INTL_PHONE.finditer(text, begin, end):
        if any(a <= match.start() < b for a, b in found):
            continue
        import phonenumbers  # only for a + with digits after it: most texts have none (issue 18)

        try:
            number = phonenumbers.parse(match.group().replace(".", " "), None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            found.append(match.span())
    spans.extend(found)


def report(problems: Problems, path: str, findings: list[Finding], line: int | None = None) -> None:
    for finding in findings:
        problems.error(path, line if line is not None else finding.line, finding.message, finding.fix, finding.code)


def check_text(problems: Problems, path: str, text: str, first_line: int = 1) -> None:
    """Every text a contributor writes: no CPR numbers."""
    report(problems, path, find_cpr(text, first_line))


def note_findings(note: str) -> list[Finding]:
    """What one encounter note may not hold: CPR numbers, phone numbers, e-mail addresses
    (rummelig/encounters/privacy.py adds names and reports them at the row's line)."""
    return find_cpr(note) + find_contact_details(note)
