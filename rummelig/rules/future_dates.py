"""`last_verified` and `last_reviewed` say when something was checked: never in the future."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.repository import Record, Repository

_FIELDS = ("last_verified", "last_reviewed")


def _check(repo: Repository, record: Record, today: date) -> None:
    for field in _FIELDS:
        value = getattr(record.model, field, None)
        if isinstance(value, date) and value > today:
            repo.problems.error(record.rel, record.line(field),
                                f"'{field}' er {value.isoformat()}, som ligger i fremtiden",
                                "skriv den dato, det faktisk blev kontrolleret (i dag eller tidligere)",
                                "rules.future-date")


def check(repo: Repository, today: date | None = None) -> None:
    today = today or date.today()
    for bucket in (repo.libraries, repo.partners, repo.strategies):
        for record in bucket.values():
            _check(repo, record, today)
