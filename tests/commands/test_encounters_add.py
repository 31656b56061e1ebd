"""`rummelig encounters add`: appends valid rows, refuses the rest and writes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from rummelig.cli import build_parser
from rummelig.commands import encounters
from tests.encounters.sample import HEADER
from tests.support import Ran, call, messages, write


def add(repo: Path, *argv: str) -> Ran:
    """`rummelig encounters add …` in this process: the real parser, then the command."""
    a = build_parser().parse_args(["encounters", "add", *argv])
    return call(encounters.add, repo, a.library, a.category, a.count, a.date, a.note)

# -- `rummelig encounters add` ---------------------------------------------------------------------

def test_add_creates_the_file_and_appends_valid_rows(repo):
    first = add(repo, "testbib", "samtale", "--date", "2025-12-31")
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Registreret i encounters/testbib/2025.csv, linje 2: 1 × samtale den 2025-12-31.\n"
    second = add(repo, "testbib", "hjaelp", "--count", "4", "--date", "2025-03-02",
                 "--note", "Hjalp med en blanket, og gæsten sagde tak.")
    assert second.returncode == 0, second.stderr
    assert (repo / "encounters/testbib/2025.csv").read_text(encoding="utf-8") == (
        HEADER + "2025-12-31,samtale,1,\n2025-03-02,hjaelp,4,\"Hjalp med en blanket, og gæsten sagde tak.\"\n")
    today = add(repo, "testbib", "andet")
    assert today.returncode == 0
    assert (repo / f"encounters/testbib/{date.today().year}.csv").exists()
    assert messages(repo) == []


def test_add_takes_the_category_as_staff_spell_it_and_writes_the_key(repo):
    for typed in ("hjælp", "Samtale", "HENVISNING"):
        assert add(repo, "testbib", typed, "--date", "2025-05-01").returncode == 0
    assert (repo / "encounters/testbib/2025.csv").read_text(encoding="utf-8") == (
        HEADER + "2025-05-01,hjaelp,1,\n2025-05-01,samtale,1,\n2025-05-01,henvisning,1,\n")
    assert messages(repo) == []


@pytest.mark.parametrize(("args", "expected"), [
    (["testbibb", "samtale"], "rummelig: biblioteket 'testbibb' findes ikke (mente du 'testbib'?)"),
    (["testbib", "snak"], "rummelig: kategorien er 'snak' — brug en af: samtale, hjaelp, deeskalering, henvisning, "
                          "arrangement, andet"),
    (["testbib", "samtale", "--count", "0"], "rummelig: --count er 0 — antallet skal være 1 eller større"),
    (["testbib", "samtale", "--count", "to"], "rummelig: --count er 'to', som ikke er et helt tal"),
    (["testbib", "samtale", "--date", "2026-02-29"], "rummelig: --date er '2026-02-29', som ikke er en rigtig dato"),
    (["testbib", "samtale", "--date", "<i morgen>"], "ligger i fremtiden"),  # tomorrow when the test runs
    (["testbib", "samtale", "--note", "Hun hedder Lone"], "rummelig: --note: noten ser ud til at indeholde et navn"),
    (["testbib", "samtale", "--note", "Ring 20304050"], "rummelig: --note: noten indeholder et telefonnummer"),
    (["testbib", "samtale", "--note", "y" * 201], "rummelig: --note er 201 tegn lang"),
])
def test_add_refuses_invalid_input_and_writes_nothing(repo, args, expected):
    # "Tomorrow" is worked out as the test runs, not when it is collected: a run that crossed
    # midnight between the two found 'tomorrow' accepted as today.
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = add(repo, *[tomorrow if arg == "<i morgen>" else arg for arg in args])
    assert result.returncode == 1
    assert expected in result.stderr
    assert result.stderr.endswith("rummelig: intet er skrevet\n")
    assert "Traceback" not in result.stderr
    assert not list((repo / "encounters").rglob("*.csv"))


def test_add_refuses_to_append_to_a_broken_file(repo):
    write(repo, "encounters/testbib/2025.csv", HEADER + "2025-01-05,samtale\n")
    result = add(repo, "testbib", "samtale", "--date", "2025-01-06")
    assert result.returncode == 1
    assert "encounters/testbib/2025.csv:2: rækken har 2 felter" in result.stderr
    assert (repo / "encounters/testbib/2025.csv").read_text(encoding="utf-8") == HEADER + "2025-01-05,samtale\n"


@pytest.mark.parametrize(("note", "message"), [
    ("God snak\rmed kaffe", "rummelig: --note har et linjeskift — skriv noten på én linje"),
    ("God snak\r\nmed kaffe", "rummelig: --note har et linjeskift — skriv noten på én linje"),
    ("God snak\u2028med kaffe", "rummelig: --note har et linjeskift — skriv noten på én linje"),
    ("God\tsnak", "rummelig: --note indeholder et usynligt styretegn (fx en tabulator) — skriv noten som almindelig "
                  "tekst"),
])
def test_add_refuses_a_note_that_would_break_the_file(repo, note, message):
    """Issue 13 item 6: a carriage return used to give a CSV that check refused, blocking every later add."""
    result = add(repo, "testbib", "samtale", "--note", note)
    assert (result.returncode, result.stderr.splitlines()) == (1, [message, "rummelig: intet er skrevet"])
    assert not (repo / f"encounters/testbib/{date.today().year}.csv").exists()
    assert add(repo, "testbib", "samtale", "--note", "God snak").returncode == 0
    assert messages(repo) == []
