"""What a library's edition holds by editorial status (contract §5.7): what the library has
approved, what is still a draft, and what is still a sample from the editors — the answer
`rummelig review --status` gives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rummelig.edition import edition
from rummelig.kinds import DOCUMENT_KINDS
from rummelig.models.reference import STATUSES
from rummelig.repository import Record, Repository


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    rel: str
    title: str
    status: str


def state(record: Record[Any]) -> str:
    """A record's editorial status (a partner's old `example: true` counts as `eksempel`)."""
    return str(getattr(record.model, "state", None) or record.model.status)


def by_status(repo: Repository, library_id: str) -> dict[str, list[Entry]]:
    """Everything the library's edition shows, grouped by status: approved, drafts, samples."""
    shown = edition(repo, library_id)
    groups: dict[str, list[Entry]] = {key: [] for key in reversed(STATUSES)}  # approved first
    for key, kind in DOCUMENT_KINDS.items():
        for record in sorted(shown.records[key].values(), key=lambda r: r.rel):
            groups[state(record)].append(Entry(key, record.id, record.rel,
                                               str(getattr(record.model, kind.title_key)), state(record)))
    return groups
