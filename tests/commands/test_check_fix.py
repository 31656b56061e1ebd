"""`rummelig check --fix` (issue 17): the Danish words the check accepts are written as their
keys, in place; every other byte of the file stays as it was."""

from __future__ import annotations

import io
from pathlib import Path

from rummelig.commands import check
from rummelig.pipeline import check_repository
from tests.support import PARTNER, STRATEGY, write

DANISH_PARTNER = PARTNER.replace("type: drop-in-centre", 'type: "Værested"  # fra skabelonen').replace(
    "days: [mon, tue, wed, thu, fri]", "days: [man, tir, ons, Torsdag, fre]")


def test_fix_writes_the_keys_and_leaves_every_other_byte(repo: Path):
    partner = repo / "partners/aarhus/vaerestedet.yml"
    # Windows line ends and a byte-order mark must survive the rewrite.
    partner.write_bytes(b"\xef\xbb\xbf" + DANISH_PARTNER.replace("\n", "\r\n").encode("utf-8"))
    write(repo, "strategies/en-gaest-sover.md", STRATEGY.replace(
        "partner_types: [drop-in-centre, night-shelter]", "partner_types:\n  - gadeteam\n  - natcafé"))
    before = check_repository(repo).repo.partners["vaerestedet"].model
    out = io.StringIO()
    assert check.run(repo, out, fix_words=True) == 0
    assert out.getvalue().splitlines() == [
        "partners/aarhus/vaerestedet.yml:2: 'Værested' er rettet til 'drop-in-centre'",
        "partners/aarhus/vaerestedet.yml:11: 'man' er rettet til 'mon'",
        "partners/aarhus/vaerestedet.yml:11: 'tir' er rettet til 'tue'",
        "partners/aarhus/vaerestedet.yml:11: 'ons' er rettet til 'wed'",
        "partners/aarhus/vaerestedet.yml:11: 'Torsdag' er rettet til 'thu'",
        "partners/aarhus/vaerestedet.yml:11: 'fre' er rettet til 'fri'",
        "strategies/en-gaest-sover.md:8: 'gadeteam' er rettet til 'outreach-worker'",
        "strategies/en-gaest-sover.md:9: 'natcafé' er rettet til 'night-shelter'",
        "Rettet: 8 danske ord i 2 filer er nu skrevet som nøgler.",
        "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret."]
    expected = PARTNER.replace("type: drop-in-centre", "type: drop-in-centre  # fra skabelonen")
    assert partner.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")
    assert (repo / "strategies/en-gaest-sover.md").read_text(encoding="utf-8") == STRATEGY.replace(
        "partner_types: [drop-in-centre, night-shelter]", "partner_types:\n  - outreach-worker\n  - night-shelter")
    assert check_repository(repo).repo.partners["vaerestedet"].model == before  # the same entry, as keys
    again = io.StringIO()
    assert check.run(repo, again, fix_words=True) == 0
    assert again.getvalue() == "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret.\n"


def test_fix_with_file_names_touches_only_those_files(repo: Path):
    write(repo, "partners/aarhus/vaerestedet.yml", DANISH_PARTNER)
    write(repo, "strategies/en-gaest-sover.md", STRATEGY.replace("kind: situation", "kind: situation\n"
                                                                  "partner_types: [gadeteam]").replace(
        "partner_types: [drop-in-centre, night-shelter]\n", ""))
    out = io.StringIO()
    assert check.run(repo, out, ["strategies/en-gaest-sover.md"], fix_words=True) == 0
    first = out.getvalue().splitlines()[0]
    assert first == "strategies/en-gaest-sover.md:4: 'gadeteam' er rettet til 'outreach-worker'"
    assert (repo / "partners/aarhus/vaerestedet.yml").read_text(encoding="utf-8") == DANISH_PARTNER


def test_fix_leaves_what_is_not_a_danish_word_and_files_it_cannot_read(repo: Path):
    broken = PARTNER.replace("type: drop-in-centre", "type: shelterr").replace("name: Værestedet i Testby",
                                                                              "name: Værested")
    write(repo, "partners/aarhus/vaerestedet.yml", broken)
    write(repo, "libraries/ødelagt.yml", "name: [")
    out = io.StringIO()
    assert check.run(repo, out, fix_words=True) == 1
    assert "rettet til" not in out.getvalue()
    assert (repo / "partners/aarhus/vaerestedet.yml").read_text(encoding="utf-8") == broken
