"""`last_verified`, `last_reviewed`, `approved_on` and `reviewed_with[].on` say when something
was checked or approved: never in the future."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Record, Repository

SCOPE = "file"  # each file on its own (rules/__init__.py)

_FIELDS = ("last_verified", "last_reviewed", "approved_on")


def _check(problems: Problems, record: Record[Any], today: date) -> None:
    for field in _FIELDS:
        value = getattr(record.model, field, None)
        if isinstance(value, date) and value > today:
            problems.error(record.rel, record.line(field),
                                f"'{field}' er {value.isoformat()}, som ligger i fremtiden",
                                "skriv den dato, det faktisk blev kontrolleret (i dag eller tidligere)",
                                "rules.future-date")
    for index, review in enumerate(getattr(record.model, "reviewed_with", None) or []):
        if review.on > today:
            problems.error(record.rel, record.line("reviewed_with", index, "on"),
                                f"'reviewed_with punkt {index + 1} › on' er {review.on.isoformat()}, som ligger i "
                                "fremtiden", "skriv den dato, gennemgangen faktisk fandt sted", "rules.future-date")


def check(repo: Repository, problems: Problems) -> None:
    for bucket in repo.records.values():
        for record in bucket.values():
            _check(problems, record, repo.today)
