"""Roles, never names (contract §5.0): no person's name and no personal phone number in what
the whole sector reads — playbooks (front matter and text), library profiles and the
hand-written pages in docs/.

"Ring til Peter på 20 30 40 50" is refused twice: the name by the first-name heuristic of
`rummelig.names`, the number by the phone patterns of `rummelig.privacy`. A number is fine
when it is a public one:
- a short number (112, 114, 1813, 116 111): the numbering plan gives them to services only;
- a Danish 70 or 80 number (70 201 201): non-geographic service numbers, never a person's line;
- the number of a partner or a library in the repository (Giftlinjen's 82 12 12 12).
Partner files are not checked: a partner's own number and name are what they are for.
Code, links and comments are not read (as for respectful language), and a line that says
`navn: tillad` or `telefon: tillad` in a comment is left alone — for a public person quoted as
a source. Messages never repeat the name or the number: the output ends up in CI logs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import phonenumbers

from rummelig.models.types import parse_phone
from rummelig.names import find_names
from rummelig.privacy import find_phone_numbers
from rummelig.wordlist import mask

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # a partner's or a library's own number is public (rules/__init__.py)
READS = {"partner": ("contact.phone",), "library": ("contact.phone",)}

NAME_MARKER = "navn: tillad"
PHONE_MARKER = "telefon: tillad"
_SERVICE_PREFIXES = ("70", "80")  # Danish non-geographic service numbers
_KEY = re.compile(r"^\s*(?:-\s+)?[a-z_]+:\s")
_PHONE_KEY = re.compile(r"\s*phone:")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _checked(rel: str) -> bool:
    return rel.startswith(("strategies/", "libraries/", "docs/"))


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def known_numbers(repo: Repository) -> set[str]:
    """E.164 of every partner's and library's own number."""
    found = set()
    for record in repo.partners.values():
        phone = record.model.contact.phone
        number = parse_phone(phone) if phone else None
        if number is not None:
            found.add(_e164(number))
    for library in repo.libraries.values():
        phone = library.model.contact.phone if library.model.contact else None
        number = parse_phone(phone) if phone else None
        if number is not None:
            found.add(_e164(number))
    return found


def _is_public(written: str, known: set[str]) -> bool:
    try:
        number = phonenumbers.parse(written.replace(".", " "), "DK")
    except phonenumbers.NumberParseException:
        return False
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 45 and (len(national) < 8 or national.startswith(_SERVICE_PREFIXES)):
        return True
    return _e164(number) in known


def _comment(marker: str, kind: str) -> str:
    return f"'<!-- {marker} -->'" if kind == "markdown" else f"'# {marker}'"


def _word_number(text: str, start: int) -> int:
    """The word's place on its line, counted from 1 (after a YAML key: 'summary: Spørg Mette' → 2)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _KEY.sub("", text[line_start:start], count=1)
    return len(_WORD.findall(before)) + 1


def check(repo: Repository, problems: Problems) -> None:
    known: set[str] | None = None
    # A role field with a name in it (approved_by: Mette Hansen) has the model's message already.
    explained = {(p.path, p.line) for p in problems.errors if p.code.startswith("model.")}
    for rel, text in sorted(repo.texts.items()):
        if not _checked(rel):
            continue
        kind = "markdown" if rel.endswith(".md") else "yaml"
        prose = mask(text, kind, NAME_MARKER)
        for finding in find_names(prose):
            line = prose.count("\n", 0, finding.start) + 1
            if (rel, line) in explained:
                continue
            problems.error(rel, line, f"linjen ser ud til at nævne en person ved navn (ord nr. "
                           f"{_word_number(prose, finding.start)} på linjen)",
                           "skriv en rolle i stedet, fx 'koordinatoren', 'en kollega' eller 'gadesygeplejersken'; "
                           f"er det en offentlig person, I citerer som kilde, så skriv {_comment(NAME_MARKER, kind)} "
                           "sidst på linjen", "privacy.staff-name")
        prose = mask(text, kind, PHONE_MARKER)
        lines = prose.split("\n")
        for start, written in find_phone_numbers(prose):
            line = prose.count("\n", 0, start) + 1
            if kind == "yaml" and _PHONE_KEY.match(lines[line - 1]):
                continue  # a library's own number, in the field for it
            if known is None:
                known = known_numbers(repo)
            if _is_public(written, known):
                continue
            problems.error(rel, line, "linjen indeholder et telefonnummer, som ikke er en partners, et biblioteks "
                           "eller et offentligt servicenummer",
                           "skriv rollen i stedet for nummeret (fx 'ring til koordinatoren'); skal kolleger kunne "
                           "ringe til en partner, så opret partneren i partners/ med nummeret dér",
                           "privacy.personal-phone")

