"""Dates in Danish and month arithmetic, in one place (review dates, good-encounter months,
every date shown on a page).

The standard library has no month arithmetic; dateutil is not worth a dependency for these
few lines.
"""

from __future__ import annotations

import calendar
from datetime import date

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december"]

Month = tuple[int, int]  # (year, month)


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
