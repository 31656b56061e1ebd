"""What is due for review: playbooks by last_reviewed + review_every_months, partners whose
last_verified is more than 12 months old, libraries by last_reviewed (contract §5.1–§5.3)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.repository import Record, Repository

PARTNER_MONTHS = 12
LIBRARY_MONTHS = 12
KIND_LABEL = {"strategy": "strategi", "partner": "partner", "library": "bibliotek"}
DATE_KEY = {"strategy": "last_reviewed", "partner": "last_verified", "library": "last_reviewed"}


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb).
    The standard library has no month arithmetic; dateutil is not worth a dependency for this."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    kind: str          # strategy | partner | library
    id: str
    rel: str
    title: str
    owner: str         # the library responsible
    last: date         # last reviewed / verified
    due: date

    def days_over(self, today: date) -> int:
        return (today - self.due).days


def due_date(record: Record) -> date | None:
    """When the entry must be looked at again; None for a partner nobody has checked with the
    partner itself yet (sample or unconfirmed data has no review date to keep)."""
    kind = record.source.kind
    model = record.model
    if kind == "strategy":
        return add_months(model.last_reviewed, model.review_every_months)
    if kind == "partner":
        return None if model.last_verified is None else add_months(model.last_verified, PARTNER_MONTHS)
    return add_months(model.last_reviewed, LIBRARY_MONTHS)


def is_overdue(record: Record, today: date) -> bool:
    due = due_date(record)
    return due is not None and today > due


def _entry(record: Record, due: date) -> Due:
    kind, model = record.source.kind, record.model
    if kind == "strategy":
        return Due(kind, record.id, record.rel, model.title, model.owner, model.last_reviewed, due)
    if kind == "partner":
        return Due(kind, record.id, record.rel, model.name, model.verified_by, model.last_verified, due)
    return Due(kind, record.id, record.rel, model.name, record.id, model.last_reviewed, due)


def overdue(repo: Repository, today: date, library: str | None = None) -> dict[str, list[Due]]:
    """Overdue entries grouped by the owning library id (sorted; most overdue first)."""
    groups: dict[str, list[Due]] = {}
    for records in (repo.strategies, repo.partners, repo.libraries):
        for record in records.values():
            due = due_date(record)
            if due is None or today <= due:
                continue
            entry = _entry(record, due)
            if library is None or entry.owner == library:
                groups.setdefault(entry.owner, []).append(entry)
    return {owner: sorted(items, key=lambda d: (d.due, d.rel)) for owner, items in sorted(groups.items())}
