"""Stable HSDS ids: uuid5 of our own ids under one fixed namespace.

The same partner file gives the same UUIDs in every run and on every machine, so a system
that imports the export can update its records instead of duplicating them. Never change
NAMESPACE: every id in every earlier export would change with it.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6f0c5a8e-3d1b-5b7e-9a43-2f1e8c7d4b10")


def hsds_id(table: str, *parts: str) -> str:
    """'service', 'alarm-112' → the UUID of that row, e.g. for `service/alarm-112`."""
    return str(uuid.uuid5(NAMESPACE, "/".join((table, *parts))))
