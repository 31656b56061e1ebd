"""'Mente du …?' hints for near-misses, from the standard library's difflib."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " (mente du 'x'?)" or an empty string."""
    match = closest(word, choices)
    return f" (mente du '{match}'?)" if match else ""
