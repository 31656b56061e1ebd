"""What is due for review: every content kind with a review date (`Kind.date_key` in
rummelig.kinds) is due `Kind.review_months` after it — playbooks by `last_reviewed` +
`review_every_months`, partners 12 months after `last_verified`, library profiles 12 months
after `last_reviewed` (contract §5.1–§5.3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rummelig.dates import add_months
from rummelig.kinds import DOCUMENT_KINDS, KINDS

if TYPE_CHECKING:
    from rummelig.repository import Record, Repository


@dataclass(frozen=True)
class Due:
    kind: str          # a key of rummelig.kinds.KINDS
    id: str
    rel: str
    title: str
    owner: str         # the library responsible (or redaktionen)
    last: date         # last reviewed / verified
    due: date

    def days_over(self, today: date) -> int:
        return (today - self.due).days


def due_date(record: Record[Any]) -> date | None:
    """When the entry must be looked at again; None when it has no date to keep (a partner
    nobody has checked with the partner itself yet)."""
    kind = KINDS[record.source.kind]
    last = getattr(record.model, kind.date_key) if kind.date_key else None
    if last is None:
        return None
    months = getattr(record.model, kind.review_months) if isinstance(kind.review_months, str) else kind.review_months
    return add_months(last, int(months or 12))


def is_overdue(record: Record[Any], today: date) -> bool:
    due = due_date(record)
    return due is not None and today > due


def responsible(record: Record[Any]) -> str:
    """The library (or redaktionen) that keeps the entry current: its `owner_key`, else its own id."""
    kind = KINDS[record.source.kind]
    owner = getattr(record.model, kind.owner_key) if kind.owner_key else None
    return str(owner) if owner else record.id


def overdue(repo: Repository, today: date, library: str | None = None) -> dict[str, list[Due]]:
    """Overdue entries grouped by the responsible library id (sorted; most overdue first)."""
    groups: dict[str, list[Due]] = {}
    for key, kind in DOCUMENT_KINDS.items():
        for record in repo.records[key].values():
            due = due_date(record)
            if due is None or today <= due:
                continue
            entry = Due(key, record.id, record.rel, str(getattr(record.model, kind.title_key)), responsible(record),
                        getattr(record.model, str(kind.date_key)), due)
            if library is None or entry.owner == library:
                groups.setdefault(entry.owner, []).append(entry)
    return {owner: sorted(items, key=lambda d: (d.due, d.rel)) for owner, items in sorted(groups.items())}
