"""encounters/csvfile.py: strict CSV rows with file and line, and a fast path that gives what
the row model gives."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from rummelig.encounters.csvfile import _valid_row
from rummelig.encounters.model import CATEGORIES, COLUMNS, COUNT_MAX, NOTE_MAX, Encounter
from rummelig.pipeline import check_repository
from tests.encounters.sample import HEADER
from tests.support import messages, write

# -- strict rows with line numbers ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2026-01-05,samtale,1,\n",
     "encounters/testbib/2026.csv:1: filen mangler overskriftslinjen — første linje skal være præcis: "
     "date,category,count,note"),
    ("Date,Category,Count,Note\n",
     "encounters/testbib/2026.csv:1: overskriften er 'Date,Category,Count,Note' — første linje skal være præcis: "
     "date,category,count,note"),
    ("date,category,count\n2026-01-05,samtale,1\n",
     "encounters/testbib/2026.csv:1: overskriften er 'date,category,count' — første linje skal være præcis: "
     "date,category,count,note"),
    (HEADER + "2026-01-05,samtale\n",
     "encounters/testbib/2026.csv:2: rækken har 2 felter, men skal have 4 (date,category,count,note) — skriv fire "
     "felter adskilt af komma, fx 2026-11-20,samtale,1, og sæt noten i anførselstegn, hvis den indeholder et komma"),
    (HEADER + "\n2026-01-05,samtal,1,\n",
     "encounters/testbib/2026.csv:3: 'category' er 'samtal' — brug en af: samtale, hjaelp, deeskalering, henvisning, "
     "arrangement, andet (mente du 'samtale'?)"),
    (HEADER + "2026-01-05,samtale,0,\n",
     "encounters/testbib/2026.csv:2: 'count' er 0 — antallet skal være 1 eller større; slet rækken, hvis der ikke "
     "var nogen møder"),
    (HEADER + "2026-01-05,samtale,1.5,\n",
     "encounters/testbib/2026.csv:2: 'count' er '1.5', som ikke er et helt tal — skriv antallet som et helt tal uden "
     "mellemrum, fx 3, eller lad feltet stå tomt for 1"),
    (HEADER + "2026-01-05,samtale,-2,\n",
     "encounters/testbib/2026.csv:2: 'count' er -2 — antallet skal være 1 eller større"),
    (HEADER + "2026-02-30,samtale,1,\n",
     "encounters/testbib/2026.csv:2: 'date' er '2026-02-30', som ikke er en rigtig dato — februar 2026 har 28 dage"),
    (HEADER + "5/1/2026,samtale,1,\n",
     "encounters/testbib/2026.csv:2: 'date' er '5/1/2026', som ikke er en dato på formen ÅÅÅÅ-MM-DD"),
    (HEADER + ",samtale,1,\n", "encounters/testbib/2026.csv:2: 'date' mangler — skriv datoen, fx 2026-11-20"),
    (HEADER + "2025-12-31,samtale,1,\n",
     "encounters/testbib/2026.csv:2: datoen 2025-12-31 ligger ikke i 2026 — flyt rækken til "
     "encounters/testbib/2025.csv, eller ret datoen"),
    (HEADER + "2026-01-05,samtale,1,\"" + "x" * 201 + "\"\n",
     "encounters/testbib/2026.csv:2: 'note' er 201 tegn lang — en note må højst være 200 tegn; skriv kortere"),
    (HEADER + "2026-01-05,samtale,1,Han hedder Bent og kom igen\n",
     "encounters/testbib/2026.csv:2: noten ser ud til at indeholde et navn (efter et ord som 'hedder', ord nr. 3) — "
     "skriv, hvad du gjorde – ikke hvem gæsten er, og aldrig et navn, fx 'hjalp med en ansøgning om bolig'"),
    (HEADER + "2026-01-05,samtale,1,Ring til ham på 20 30 40 50\n",
     "encounters/testbib/2026.csv:2: noten indeholder et telefonnummer"),
    (HEADER + "2026-01-05,samtale,1,skriv til gaest@example.dk\n",
     "encounters/testbib/2026.csv:2: noten indeholder en e-mailadresse"),
    (HEADER + "2026-01-05,samtale,1,cpr 010190-1234\n",
     "encounters/testbib/2026.csv:2: linjen indeholder noget, der ligner et CPR-nummer"),
    (HEADER + '2026-01-05,samtale,1,"ikke lukket\n',
     "encounters/testbib/2026.csv:2: linjen kan ikke læses som CSV"),
])
def test_bad_rows_are_reported_with_file_and_line(repo, text, expected):
    write(repo, "encounters/testbib/2026.csv", text)
    found = messages(repo)
    assert any(m.startswith(expected) for m in found), found
    assert check_repository(repo).problems.has_errors()


def test_future_dates_are_refused(repo):
    tomorrow = date.today() + timedelta(days=1)
    write(repo, f"encounters/testbib/{tomorrow.year}.csv", HEADER + f"{tomorrow.isoformat()},samtale,1,\n")
    assert messages(repo) == [f"encounters/testbib/{tomorrow.year}.csv:2: datoen {tomorrow.isoformat()} ligger i "
                              "fremtiden — registrér kun møder, der har fundet sted; ret datoen"]


def test_valid_file_defaults_and_quoting(repo):
    write(repo, "encounters/testbib/2026.csv",
          HEADER + "2026-01-05,samtale,,\n\n2026-01-05,hjaelp,3,\"Hjalp med en blanket, og det gik godt.\"\n"
                   "2026-01-06,arrangement,12,\"Læsekreds med \"\"kaffe\"\"\"\n")
    checked = check_repository(repo)
    assert [p.format() for p in checked.problems] == []
    rows = checked.repo.encounters.rows("testbib")
    assert [(r.line, r.count, r.note) for r in rows] == [
        (2, 1, None), (4, 3, "Hjalp med en blanket, og det gik godt."), (5, 12, 'Læsekreds med "kaffe"')]


CELLS = {
    "date": ["", "2026-01-05", "2024-02-29", "2026-02-29", "0000-01-01", "2026-1-5", " 2026-01-05", "x"],
    "category": ["", "samtale", "andet", "Samtale", "samtal"],
    "count": ["", "1", "3", "007", "0", "-1", " 1", "+1", "1.0", "\u0663", "99999999999999999999"],
    "note": ["", "En gæst fik hjælp", " ", "\u00a0", "x" * 200, "x" * 201, "\n", "a\tb", "a\u2028b", "a\x1bb"],
}


def _model_row(cells: tuple[str, ...]) -> Encounter | None:
    """What the row model makes of four cells (an empty cell left out, as the reader does)."""
    values = {column: value for column, value in zip(COLUMNS, cells, strict=True) if value != ""}
    try:
        return Encounter.model_validate(values)
    except ValidationError:
        return None


def _same_values(got: object, expected: Encounter) -> bool:
    fields = ("date", "category", "count", "note")
    return all(type(getattr(got, f)) is type(getattr(expected, f)) and getattr(got, f) == getattr(expected, f)
               for f in fields)


def test_encounter_rows_match_the_row_model():
    fast = 0
    for cells in itertools.product(*CELLS.values()):
        expected = _model_row(cells)
        got = _valid_row(list(cells))
        if got is None:
            continue
        fast += 1
        assert expected is not None, cells
        assert _same_values(got, expected), cells
    assert fast == 2 * 2 * 4 * 3  # the valid dates × categories × counts (≤ COUNT_MAX) × notes


_DAYS = st.one_of(st.dates().map(date.isoformat), st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
                  st.text(max_size=12))
_COUNTS = st.one_of(st.integers(-3, COUNT_MAX + 3).map(str), st.from_regex(r"\A[-+ 0-9.]{0,6}\Z"), st.just(""))
_NOTES = st.one_of(st.just(""), st.text(max_size=NOTE_MAX + 2), st.text(" \t\u00a0\u2028x", max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.tuples(_DAYS, st.sampled_from([*CATEGORIES, "Samtale", "", "andet "]), _COUNTS, _NOTES))
def test_a_row_read_without_the_model_is_what_the_model_gives(cells):
    # The fast path (no pydantic) never accepts what the row model refuses, nor gives other values;
    # and it reads every row the model accepts (the model is left only the messages).
    got = _valid_row(list(cells))
    expected = _model_row(cells)
    if got is not None:
        assert expected is not None and _same_values(got, expected), cells
    else:
        assert expected is None, cells
