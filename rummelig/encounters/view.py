"""The sums of good encounters as the templates show them, computed once per build: the
template global `encounters` (a library page's small section) and the encounter pages use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rummelig.dates import MONTHS, Month, danish_date
from rummelig.encounters.stats import Summary, Trend, last_12_months, summarise, window_12
from rummelig.render.format import number

if TYPE_CHECKING:
    from rummelig.repository import Repository

SHORT_MONTHS = [m[:3] for m in MONTHS]


def meetings(value: int) -> str:
    """12 → '12 gode møder', 1 → '1 godt møde' (a library's first registration is one)."""
    return f"{number(value)} {'godt møde' if value == 1 else 'gode møder'}"


def month_name(month: Month, short: bool = False) -> str:
    name = (SHORT_MONTHS if short else MONTHS)[month[1] - 1]
    return f"{name} {month[0]}"


@dataclass(frozen=True)
class LibraryCounts:
    id: str
    name: str
    sample: bool
    summary: Summary
    trend: Trend


class EncounterView:
    """The sums the templates show, computed once per build."""

    def __init__(self, repo: Repository, today: date) -> None:
        self.repo = repo
        self.today = today
        self.window = window_12(today)
        self._cache: dict[str, LibraryCounts] = {}

    def library(self, library_id: str) -> LibraryCounts:
        if library_id not in self._cache:
            rows = self.repo.encounters.rows(library_id)
            record = self.repo.libraries.get(library_id)
            self._cache[library_id] = LibraryCounts(
                library_id, record.model.name if record else library_id,
                self.repo.encounters.is_sample(library_id), summarise(rows), last_12_months(rows, self.today))
        return self._cache[library_id]

    def libraries(self) -> list[LibraryCounts]:
        ids = sorted(set(self.repo.libraries) | set(self.repo.encounters.libraries()))
        return sorted((self.library(i) for i in ids), key=lambda c: c.name.lower())

    @staticmethod
    def number(value: int) -> str:
        return number(value)

    @staticmethod
    def meetings(value: int) -> str:
        return meetings(value)

    def window_text(self) -> str:
        return f"{danish_date(self.window[0])} – {danish_date(self.window[1])}"
