"""The package's own data files (package data, installed as files beside this module)."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def read_text(name: str) -> str:
    """Data file `name`'s text. Read from this folder rather than by `importlib.resources`: its
    readers import zipfile and threading, ~25 M instructions of a check after one edit that reads
    the first names (issue 18); the package is installed as files (pip, also editable)."""
    return (FOLDER / name).read_text(encoding="utf-8")
