"""The content keeps the corrections of issue 15 and the honest provenance of issue 12:

- wordings the social-work review found wrong never come back ("Socialt KontaktPerson",
  "skammer ud", a needle-stick injury seen by a doctor only "samme dag"), and wherever SKP is
  explained, serviceloven § 99 is named;
- every situation says what to do first, and when to call 112;
- no file claims a real library as owner, contributor or verifier unless that library approved
  it (status godkendt), and no review, approval or verification date is earlier than the day
  the file entered the repository.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from rummelig.pipeline import check_repository
from tests.support import PROJECT

CONTENT_GLOBS = ("strategies/*.md", "docs/**/*.md", "libraries/*.yml", "partners/*/*.yml",
                 "encounters/*/*.csv", "CONTRIBUTING.md")

WRONG_SKP = re.compile(r"socialt\s+kontaktperson", re.IGNORECASE)
INTRANSITIVE_SHAME = re.compile(r"\bskammer\s+ud\b", re.IGNORECASE)
NEEDLE_STICK = re.compile(r"stikker (?:du|man) dig|stikker sig|stikuheld|stikskade|kanylestik|stukket af en",
                          re.IGNORECASE)
SAME_DAY = re.compile(r"\bsamme dag\b", re.IGNORECASE)
SKP_EXPLAINED = re.compile(r"støtte- og kontaktperson|\bSKP er\b|\bSKP står for\b|\bSKP \(|Socialt KontaktPerson",
                           re.IGNORECASE)


def content_files() -> list[Path]:
    files = sorted({path for pattern in CONTENT_GLOBS for path in PROJECT.glob(pattern)})
    assert len(files) > 100  # the globs match the repository's content, not nothing
    return files


def corrected_wording_problems(text: str) -> list[str]:
    """The wordings issue 15 corrected, one message per line where one is found."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if WRONG_SKP.search(line):
            found.append(f"{number}: 'Socialt KontaktPerson' – SKP er støtte- og kontaktperson (servicelovens § 99)")
        if INTRANSITIVE_SHAME.search(line):
            found.append(f"{number}: 'skammer ud' – verbet kræver et objekt (skamme nogen ud), eller skriv 'udstiller'")
        if NEEDLE_STICK.search(line) and SAME_DAY.search(line):
            found.append(f"{number}: stikuheld 'samme dag' – til læge eller akutmodtagelse straks")
    return found


@pytest.mark.parametrize(("text", "expected"), [
    ("SKP-medarbejdere (Socialt KontaktPerson) er opsøgende.", 1),
    ('"Er du fuld?" foran andre – det skammer ud.', 1),
    ("Stikker du dig, så vask og kontakt læge samme dag.", 1),
    ("Ved et stikuheld: akutmodtagelse samme dag.", 1),
    ("Det skammer personen ud.", 0),              # transitive, correct
    ("Tal med lederen samme dag.", 0),            # "samme dag" without a needle-stick is fine
    ("Stikker du dig, så tag straks til læge.", 0),
    ("SKP er støtte- og kontaktpersoner efter servicelovens § 99.", 0),
])
def test_the_wording_check_finds_what_it_should(text, expected):
    assert len(corrected_wording_problems(text)) == expected


def test_corrected_wordings_never_return():
    problems = [f"{path.relative_to(PROJECT)}:{message}" for path in content_files()
                for message in corrected_wording_problems(path.read_text(encoding="utf-8"))]
    assert problems == []


def test_wherever_skp_is_explained_paragraph_99_is_named():
    explaining = [path for path in content_files() if SKP_EXPLAINED.search(path.read_text(encoding="utf-8"))]
    assert PROJECT / "docs/ordliste.md" in explaining  # the glossary explains SKP
    assert len(explaining) >= 4  # and so do the SKP partner entries
    assert [str(p.relative_to(PROJECT)) for p in explaining if "§ 99" not in p.read_text(encoding="utf-8")] == []
    glossary = (PROJECT / "docs/ordliste.md").read_text(encoding="utf-8")
    entry = re.search(r"^### SKP.*?(?=^### |\Z)", glossary, re.MULTILINE | re.DOTALL)
    assert entry is not None and "servicelovens § 99" in entry.group(0)


# -- first steps ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def repo():
    checked = check_repository(PROJECT)
    assert not checked.problems.has_errors(), [p.format() for p in checked.problems.errors]
    return checked.repo


def hent_hjaelp(body: str) -> str:
    match = re.search(r"^## Hent hjælp\n(.*?)(?=^## |\Z)", body, re.MULTILINE | re.DOTALL)
    assert match, "no '## Hent hjælp' section"
    return match.group(1)


def test_every_situation_has_first_steps_and_says_when_to_call_112(repo):
    situations = {id: record for id, record in repo.strategies.items() if record.model.kind == "situation"}
    assert len(situations) >= 20
    missing_steps = sorted(id for id, record in situations.items() if not record.model.first_steps)
    assert missing_steps == []
    no_112 = sorted(id for id, record in situations.items()
                    if not any("112" in step for step in record.model.first_steps)
                    and "112" not in hent_hjaelp(record.body))
    assert no_112 == []


# -- provenance -------------------------------------------------------------------------------------

def claims(repo) -> list[str]:
    """Every place a file names a real library (a file in libraries/) as the one that owns,
    contributed or verified it, while the file's status is not godkendt."""
    libraries = repo.library_ids()
    found = []
    for record in repo.strategies.values():
        s = record.model
        named = ({s.owner} | set(s.contributed_by)) & libraries
        if named and s.status != "godkendt":
            found.append(f"{record.rel}: {', '.join(sorted(named))} som ejer/bidragyder, men status er {s.status}")
    for record in repo.partners.values():
        p = record.model
        if p.verified_by is not None and p.state != "godkendt":
            found.append(f"{record.rel}: kontrolleret af {p.verified_by}, men status er {p.state}")
    for record in repo.libraries.values():
        if record.model.approved_by is not None and record.model.status != "godkendt":
            found.append(f"{record.rel}: godkendt af {record.model.approved_by}, men status er {record.model.status}")
    return found


def test_no_file_claims_a_real_library_did_what_it_did_not(repo):
    assert repo.library_ids() >= {"aalborg-bibliotekerne", "dokk1", "vesterbro-bibliotek"}
    assert claims(repo) == []


def test_the_claim_check_is_not_vacuous(repo):
    record = repo.strategies["sover-paa-biblioteket"]
    claimed = replace(record, model=record.model.model_copy(update={"owner": "dokk1", "contributed_by": ["dokk1"]}))
    changed = replace(repo, records={**repo.records, "strategy": {**repo.strategies, record.id: claimed}})
    assert claims(changed) == [
        "strategies/sover-paa-biblioteket.md: dokk1 som ejer/bidragyder, men status er eksempel"]


def dated_fields(repo) -> list[tuple[str, str, date]]:
    """(file, field, date) for every review, approval and verification date in the content."""
    found = []
    for record in repo.strategies.values():
        s = record.model
        found.append((record.rel, "last_reviewed", s.last_reviewed))
        found += [(record.rel, f"reviewed_with punkt {i} › on", r.on) for i, r in enumerate(s.reviewed_with, 1)]
        if s.approved_on:
            found.append((record.rel, "approved_on", s.approved_on))
    for record in repo.libraries.values():
        found.append((record.rel, "last_reviewed", record.model.last_reviewed))
        if record.model.approved_on:
            found.append((record.rel, "approved_on", record.model.approved_on))
    for record in repo.partners.values():
        for name in ("last_verified", "approved_on"):
            if getattr(record.model, name):
                found.append((record.rel, name, getattr(record.model, name)))
    return found


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True)


@cache
def full_history() -> bool:
    """True in a clone with its whole history; a shallow clone's first commit is not the day a
    file was added, and without git there is no history to compare with."""
    try:
        result = git("rev-parse", "--is-shallow-repository")
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "false"


def first_added(rel: str) -> date:
    """The day the file was first committed (following renames); today if it is not committed yet."""
    days = git("log", "--diff-filter=A", "--follow", "--format=%as", "--", rel).stdout.split()
    return date.fromisoformat(days[-1]) if days else date.today()


def test_no_date_is_earlier_than_the_day_the_file_entered_the_repository(repo):
    fields = dated_fields(repo)
    assert len(fields) >= len(repo.strategies) + len(repo.libraries)  # every playbook and profile has last_reviewed
    assert all(value <= date.today() for _, _, value in fields)  # the models also refuse a future date
    if not full_history():  # a shallow clone or an export without .git: nothing more to compare with
        return
    early = [f"{rel}: {name} er {value}, men filen kom ind i repositoriet {first_added(rel)}"
             for rel, name, value in fields if value < first_added(rel)]
    assert early == []


def test_first_added_follows_renames_and_knows_uncommitted_files():
    assert first_added("partners/region-hovedstaden/akuttelefonen-1813.yml") <= date(2026, 11, 30)
    assert first_added("strategies/findes-ikke-endnu.md") == date.today()
