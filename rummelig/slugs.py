"""Ids are lowercase ASCII slugs: a-z, 0-9 and '-', with æ→ae, ø→oe, å→aa (contract §5.0)."""

from __future__ import annotations

import re
import unicodedata

# What an id (a file or folder name) must look like.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    text = str(text).translate(_DANISH).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "id"
