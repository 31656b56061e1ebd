"""Stage 2: typed entries (pydantic v2). The one schema everything else derives from.

The models are imported when first named (`from rummelig.models import Partner`), not with the
package: `rummelig.models.reference` (the reference lists) is read by code that never builds a
model, and a check whose files all come from its cache needs no model at all (issue 18).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rummelig.models.library import Library
    from rummelig.models.partner import Partner
    from rummelig.models.strategy import Strategy

_HOMES = {"Library": "rummelig.models.library", "Partner": "rummelig.models.partner",
          "Strategy": "rummelig.models.strategy"}

__all__ = ["Library", "Partner", "Strategy"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        found = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
