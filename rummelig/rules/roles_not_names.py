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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    import phonenumbers

    from rummelig.problems import Problem, Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # a partner's or a library's own number is public (rules/__init__.py)
READS: dict[str, tuple[str, ...]] = {}  # the texts; the rest in per_file

NAME_MARKER = "navn: tillad"
PHONE_MARKER = "telefon: tillad"
_SERVICE_PREFIXES = ("70", "80")  # Danish non-geographic service numbers
_KEY = re.compile(r"^\s*(?:-\s+)?[a-z_]+:\s")
_PHONE_KEY = re.compile(r"\s*phone:")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _checked(rel: str) -> bool:
    return rel.startswith(("strategies/", "libraries/", "docs/"))


def _e164(number: phonenumbers.PhoneNumber) -> str:
    import phonenumbers

    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _own_number(record: Any) -> str | None:
    """E.164 of a partner's or a library's own number (None: it has none)."""
    contact = record.model.contact if record is not None else None
    phone = contact.phone if contact is not None else None
    from rummelig.phones import parse_phone

    number = parse_phone(phone) if phone else None
    return _e164(number) if number is not None else None


def _public_alone(written: str) -> tuple[bool, str | None]:
    """(public whatever the repository holds, E.164 when it can be parsed)."""
    import phonenumbers

    try:
        number = phonenumbers.parse(written.replace(".", " "), "DK")
    except phonenumbers.NumberParseException:
        return False, None
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 45 and (len(national) < 8 or national.startswith(_SERVICE_PREFIXES)):
        return True, None
    return False, _e164(number)


def _comment(marker: str, kind: str) -> str:
    return f"'<!-- {marker} -->'" if kind == "markdown" else f"'# {marker}'"


def _word_number(text: str, start: int) -> int:
    """The word's place on its line, counted from 1 (after a YAML key: 'summary: Spørg Mette' → 2)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _KEY.sub("", text[line_start:start], count=1)
    return len(_WORD.findall(before)) + 1


def per_file(rel: str, text: str | None, record: Any, problems: list[Problem],
             root: Path | None = None) -> dict[str, Any] | None:  # noqa: ARG001 - the rules' common signature
    """What this rule finds in one file alone (rules/__init__.py): the names ([line, word
    number]), the numbers that are not public by themselves ([line, E.164 or None]), and a
    partner's or a library's own number. `problems`: what loading found in the file."""
    # Imported here: the check itself reads only what this found, kept with each file (issue 18).
    from rummelig.names import find_names
    from rummelig.privacy import find_phone_numbers
    from rummelig.wordlist import mask

    own = _own_number(record) if rel.startswith(("partners/", "libraries/")) else None
    if text is None or not _checked(rel):
        return {"own": own} if own else None
    # A role field with a name in it (approved_by: Mette Hansen) has the model's message already.
    explained = {p.line for p in problems if p.is_error and p.code.startswith("model.")}
    kind = "markdown" if rel.endswith(".md") else "yaml"
    names = []
    prose = mask(text, kind, NAME_MARKER)
    for finding in find_names(prose):
        line = prose.count("\n", 0, finding.start) + 1
        if line not in explained:
            names.append([line, _word_number(prose, finding.start)])
    phones: list[list[Any]] = []
    if NAME_MARKER in text or PHONE_MARKER in text:
        prose = mask(text, kind, PHONE_MARKER)
    # else: the text masked for names is the text masked for phone numbers (a marker only blanks
    # the lines it is on), so it is not masked twice (issue 18)
    lines = prose.split("\n")
    for start, written in find_phone_numbers(prose):
        line = prose.count("\n", 0, start) + 1
        if kind == "yaml" and _PHONE_KEY.match(lines[line - 1]):
            continue  # a library's own number, in the field for it
        public, e164 = _public_alone(written)
        if not public:
            phones.append([line, e164])
    return {"own": own, "names": names, "phones": phones}


def _findings(repo: Repository, problems: Problems) -> dict[str, Any]:
    """Every file's findings: kept by the pipeline, or worked out now."""
    found: dict[str, Any] = {}
    records: dict[str, Any] | None = None
    loaded: dict[str, list[Problem]] = {}
    for rel in repo.texts:  # a text is read only when its findings are not kept (pipeline.UNREAD)
        if rel in repo.findings:
            found[rel] = repo.findings[rel].get(__name__.rsplit(".", 1)[1])
            continue
        text = repo.texts[rel]
        if records is None:
            records = {r.rel: r for bucket in repo.records.values() for r in bucket.values()}
            for problem in problems.errors:
                loaded.setdefault(problem.path, []).append(problem)
        found[rel] = per_file(rel, text, records.get(rel), loaded.get(rel, []))
    return found


def check(repo: Repository, problems: Problems) -> None:
    findings = _findings(repo, problems)
    # Only the numbers of the partners and libraries the repository holds (a second file with the
    # same id is not one of them).
    holders = {record.rel for key in ("partner", "library") for record in repo.records[key].values()}
    known = {data["own"] for rel, data in findings.items() if data and data.get("own") and rel in holders}
    for rel in sorted(findings):
        data = findings[rel]
        if not data or "names" not in data:
            continue
        kind = "markdown" if rel.endswith(".md") else "yaml"
        for line, number in data["names"]:
            problems.error(rel, line, f"linjen ser ud til at nævne en person ved navn (ord nr. {number} på linjen)",
                           "skriv en rolle i stedet, fx 'koordinatoren', 'en kollega' eller 'gadesygeplejersken'; "
                           f"er det en offentlig person, I citerer som kilde, så skriv {_comment(NAME_MARKER, kind)} "
                           "sidst på linjen", "privacy.staff-name")
        for line, e164 in data["phones"]:
            if e164 is not None and e164 in known:
                continue
            problems.error(rel, line, "linjen indeholder et telefonnummer, som ikke er en partners, et biblioteks "
                           "eller et offentligt servicenummer",
                           "skriv rollen i stedet for nummeret (fx 'ring til koordinatoren'); skal kolleger kunne "
                           "ringe til en partner, så opret partneren i partners/ med nummeret dér",
                           "privacy.personal-phone")
