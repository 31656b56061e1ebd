"""A discreet notice on generated pages whose review date has passed (see rummelig.freshness)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rummelig.freshness import due_date, is_overdue
from rummelig.render.format import danish_date

if TYPE_CHECKING:
    from rummelig.repository import Record


def notice(record: Record, today: date) -> str:
    """Inline Markdown (with a leading space) to put after the 'sidst gennemgået' text, or ''."""
    if not is_overdue(record, today):
        return ""
    kind = record.source.kind
    if kind == "partner":
        return " *Det er mere end et år siden – tjek oplysningerne, før du bruger dem.*"
    if kind == "library":
        return (f" *Profilen skulle have været gennemgået igen senest {danish_date(due_date(record))} – "
                "tjek oplysningerne, før du bruger dem.*")
    return f" · *Trænger til gennemgang (senest {danish_date(due_date(record))})*"
