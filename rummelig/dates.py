"""Dates in Danish and month arithmetic, in one place (review dates, good-encounter months,
every date shown on a page).

The standard library has no month arithmetic; dateutil is not worth a dependency for these
few lines.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Any

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december"]

Month = tuple[int, int]  # (year, month)

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=8192)  # encounter files repeat the same few hundred dates (20,000 rows; issue 8)
def read_iso_date(text: str) -> date | tuple[str, dict[str, Any]]:
    """`text` (ÅÅÅÅ-MM-DD) as a date, or the problem with it as (message, its values): the one
    reading of a date, for the models' date type (rummelig/models/types.py, which raises the
    problem as the model's error) and for an encounter row checked without the model
    (rummelig/encounters/csvfile.py, which needs no pydantic for a valid row; issue 18)."""
    match = ISO_DATE.fullmatch(text)
    if not match:
        return "er '{value}', som ikke er en dato på formen ÅÅÅÅ-MM-DD — skriv fx 2026-11-20", {"value": text}
    year, month, day = (int(g) for g in match.groups())
    if year == 0:
        return "er '{value}', men der er intet år 0000 — skriv hele årstallet, fx 2026-11-20", {"value": text}
    if not 1 <= month <= 12:
        return ("er '{value}', men der er ingen måned {month} — måneden skal være 01-12",
                {"value": text, "month": month})
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return ("er '{value}', som ikke er en rigtig dato — {name} {year} har {last} dage",
                {"value": text, "name": MONTHS[month - 1], "year": year, "last": last})
    return date(year, month, day)


def danish_date(value: date) -> str:
    """2026-11-30 → '30. november 2026'."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def shift_month(month: Month, delta: int) -> Month:
    """(2026, 11) + 2 → (2027, 1)."""
    index = month[0] * 12 + (month[1] - 1) + delta
    return (index // 12, index % 12 + 1)


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    year, month = shift_month((day.year, day.month), months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
