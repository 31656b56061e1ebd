"""Read one `encounters/<library-id>/<yyyy>.csv` strictly, with the line of every row.

The standard library's `csv` module does the quoting; this module adds what the contract
asks for: the header row `date,category,count,note` exactly, four cells in every row, the
row model's checks, dates inside the file's year and not in the future. Every problem is
reported with its line; rows with problems are left out of the counts (and the build stops).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from rummelig.dates import ISO_DATE, read_iso_date
from rummelig.encounters.categories import CATEGORIES
from rummelig.encounters.columns import COLUMNS, CONTROL, COUNT_MAX, NOTE_MAX, WHOLE, Registration
from rummelig.encounters.privacy import check_note
from rummelig.problems import Problems

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails
# The row model (pydantic) is imported only for a row that is not plainly valid (`check_row`): a file
# whose rows all are is read without it, which was most of a check after one row was added (issue 18).

HEADER = ",".join(COLUMNS)
# (column, problem, fix, code): how a row check reports a problem to its caller.
Report = Callable[[str, str, str, str], None]


@dataclass(frozen=True)
class Row:
    """A valid registration and where it came from."""

    library: str
    rel: str
    line: int
    encounter: Registration

    @property
    def date(self) -> date:
        return self.encounter.date

    @property
    def category(self) -> str:
        return self.encounter.category

    @property
    def count(self) -> int:
        return self.encounter.count

    @property
    def note(self) -> str | None:
        return self.encounter.note


@dataclass
class EncounterFile:
    rel: str
    library: str
    year: int
    rows: list[Row] = field(default_factory=list)


def _records(text: str, rel: str, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) for every record; blank lines are skipped (they hold no data)."""
    reader = csv.reader(io.StringIO(text), strict=True)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.error(rel, previous + 1, f"linjen kan ikke læses som CSV ({exc})",
                           "tjek anførselstegnene: en note med komma skal stå i \"…\", og et \" inde i "
                           "noten skrives som \"\"", "encounters.csv")
            return
        start, previous = previous + 1, reader.line_num
        if cells:
            yield start, cells


def _header_problem(cells: list[str]) -> tuple[str, str]:
    fix = f"første linje skal være præcis: {HEADER}"
    if cells and ISO_DATE.fullmatch(cells[0].strip()[:10]):
        return "filen mangler overskriftslinjen", fix
    if len(cells) == 1 and ";" in cells[0]:
        fix += " (gem filen som CSV med komma mellem felterne, ikke semikolon)"
    return f"overskriften er '{','.join(cells)[:80]}'", fix


def _describe_error(error: ErrorDetails) -> tuple[str, str]:
    loc = error["loc"]
    column = str(loc[0]) if loc else "rækken"
    if error["type"] == "missing":
        example = {"date": "datoen, fx 2026-11-20", "category": "en kategori, fx samtale"}.get(column, "en værdi")
        return f"'{column}' mangler", f"skriv {example}"
    if error["type"] == "rummelig":
        problem, _, fix = error["msg"].partition(" — ")
        if column == "note" and problem == "er tom":
            fix = "skriv noten, eller lad feltet være helt tomt"
        return f"'{column}' {problem}", fix
    return f"'{column}' har en ugyldig værdi", f"ret værdien, så den passer til kolonnen {column}"


def _valid_row(cells: list[str]) -> Registration | None:
    """The row's values when every cell is plainly valid, else None (then the row model validates
    it and gives the messages). Hand-written because a pydantic validation per row was a quarter of
    a national `rummelig check` (20,000 rows; issue 8), and importing pydantic most of a check after
    one row was added (issue 18). It accepts only what the model accepts for these four text cells,
    with the values the model gives (an empty cell is left out, so the field keeps its default):
    `tests/encounters/test_csvfile.py` compares both on a grid of cells and on generated ones."""
    day, category, count, note = cells
    if category not in CATEGORIES or not day:
        return None
    try:
        parsed = read_iso_date(day)  # the model's own reading of a date (kept per text)
    except ValueError:
        return None
    if not isinstance(parsed, date):
        return None
    number = 1
    if count != "":
        if not WHOLE.fullmatch(count):
            return None
        number = int(count)
        if not 1 <= number <= COUNT_MAX:
            return None
    text: str | None = None
    if note != "":
        if not note.strip() or len(note) > NOTE_MAX or CONTROL.search(note):
            return None
        text = note
    return Registration(parsed, category, number, text)


def check_row(cells: list[str], year: int | None, today: date, report: Report,
              folder: str = "") -> Registration | None:
    """One row's four cells as the values the row model (`Encounter`) gives, or None after
    reporting each problem as `report(column, problem, fix, code)`. The one check of a row: the
    file reader and `rummelig encounters add` both use it, so what `add` writes `check` accepts."""
    encounter = _valid_row(cells)
    if encounter is None:
        from pydantic import ValidationError

        from rummelig.encounters.model import Encounter

        # An empty cell is a value not given: count then defaults to 1, note to none.
        values = {column: value for column, value in zip(COLUMNS, cells, strict=True) if value != ""}
        try:
            model = Encounter.model_validate(values)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                problem, fix = _describe_error(error)
                report(str(error["loc"][0]) if error["loc"] else "", problem, fix, "encounters.value")
            return None
        encounter = Registration(model.date, model.category, model.count, model.note)
    if year is not None and encounter.date.year != year:
        report("date", f"datoen {encounter.date.isoformat()} ligger ikke i {year}",
               f"flyt rækken til {folder}{encounter.date.year}.csv, eller ret datoen", "encounters.year")
        return None
    if encounter.date > today:
        report("date", f"datoen {encounter.date.isoformat()} ligger i fremtiden",
               "registrér kun møder, der har fundet sted; ret datoen", "encounters.future")
        return None
    if encounter.note is not None:
        found = Problems()
        if not check_note(found, "", None, encounter.note):
            for finding in found.sorted():
                report("note", finding.message, finding.fix, finding.code)
            return None
    return encounter


def parse_encounters(text: str, rel: str, library: str, year: int, today: date,
                     problems: Problems) -> EncounterFile:
    result = EncounterFile(rel, library, year)
    records = _records(text, rel, problems)
    first = next(records, None)
    if first is None:
        problems.error(rel, 1, "filen har ingen overskriftslinje", f"skriv {HEADER} som første linje",
                       "encounters.header")
        return result
    line, cells = first
    if tuple(cells) != COLUMNS:
        problem, fix = _header_problem(cells)
        problems.error(rel, line, problem, fix, "encounters.header")
        return result
    for line, cells in records:
        if len(cells) != len(COLUMNS):
            problems.error(rel, line, f"rækken har {len(cells)} felter, men skal have {len(COLUMNS)} ({HEADER})",
                           "skriv fire felter adskilt af komma, fx 2026-11-20,samtale,1, og sæt noten i "
                           "anførselstegn, hvis den indeholder et komma", "encounters.columns")
            continue
        def report(column: str, problem: str, fix: str, code: str, at: int = line) -> None:
            problems.error(rel, at, problem, fix, code)  # noqa: B023 - called before the loop moves on

        encounter = check_row(cells, year, today, report, f"encounters/{library}/")
        if encounter is None:
            continue
        result.rows.append(Row(library, rel, line, encounter))
    return result
