"""Where a command may write a folder of output (`rummelig materialize`, `rummelig export`).

Never into the project itself or its `docs/` (MkDocs would publish the files, and replacing
the folder would delete the content), never over a file, and never into a folder that holds
something else: only a new or empty folder, or — with --replace — one the same command wrote
before (it leaves a marker file there).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def refusal(root: Path, docs_dir: Path, out: Path, marker: str, replace: bool) -> str:
    """A Danish reason not to write to `out`, or "" when it may be (re)written."""
    root, docs_dir, out = root.resolve(), docs_dir.resolve(), out.resolve()
    if out == root or out in root.parents or out == docs_dir or docs_dir in out.parents:
        return f"{out}: må ikke være projektets mappe eller ligge i docs/ — vælg en ny mappe, fx uden for projektet"
    if out.exists() and not out.is_dir():
        return f"{out}: findes og er ikke en mappe — vælg en ny mappe"
    try:
        full = out.exists() and any(out.iterdir())
    except OSError as exc:
        return f"{out}: mappen kan ikke læses ({exc.strerror or exc}) — vælg en mappe, du kan skrive i"
    if full:
        if not (out / marker).is_file():
            return f"{out}: mappen er ikke tom — vælg en ny eller tom mappe"
        if not replace:
            return f"{out}: indeholder en tidligere udgave — brug --replace for at skrive den forfra"
    return ""


def start(out: Path, marker: str, text: str) -> None:
    """Empty `out` (after `refusal` said yes) and mark it as this command's output."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / marker).write_text(text, encoding="utf-8")
