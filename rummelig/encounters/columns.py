"""The columns of an encounter file and the limits of a row's values (contract §5.4): plain data,
without the row model (pydantic), so a valid row is read without importing it (issue 18). The row
model (rummelig/encounters/model.py) is built from these."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

COLUMNS = ("date", "category", "count", "note")
NOTE_MAX = 200
# One row is one day's tally of one category at one library: more than this is a typing error,
# and an unbounded number would overflow the charts' arithmetic later (issue 13 item 8).
COUNT_MAX = 10_000
# Control characters, tabs and the Unicode line separators: a note is one line of plain text.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
WHOLE = re.compile(r"-?[0-9]+")  # a minus is read, to say that the count must be 1 or more


@dataclass(frozen=True, slots=True)
class Registration:
    """One valid row's values, as the row model (`Encounter`) validated them: what the counts, the
    pages and `rummelig encounters add` read of a row. A plain object, so that reading a file whose
    rows are all plainly valid needs no pydantic (rummelig/encounters/csvfile.py)."""

    date: date
    category: str
    count: int = 1
    note: str | None = None
