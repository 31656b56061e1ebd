"""Stage 2: typed entries (pydantic v2). The one schema everything else derives from."""

from rummelig.models.library import Library
from rummelig.models.partner import Partner
from rummelig.models.strategy import Strategy

__all__ = ["Library", "Partner", "Strategy"]
