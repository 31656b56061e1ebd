"""A discreet notice on generated pages whose review date has passed (see rummelig.freshness)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rummelig.dates import danish_date
from rummelig.freshness import due_date
from rummelig.kinds import KINDS

if TYPE_CHECKING:
    from rummelig.repository import Record


def notice(record: Record[Any], today: date) -> str:
    """Inline Markdown (with a leading space) to put after the 'sidst gennemgået' text, or ''."""
    due = due_date(record)
    if due is None or today <= due:
        return ""
    return KINDS[record.source.kind].overdue_text.format(due=danish_date(due))
