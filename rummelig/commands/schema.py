"""`rummelig schema`: write the JSON Schemas (schemas/) and templates (skabeloner/) derived from the models."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from rummelig.commands import Subcommands


def generated_files() -> dict[str, str]:
    """The derived files (rummelig/editor_schemas.py), imported when asked: they build every
    model, which no other command run by cli.py should pay for."""
    from rummelig.editor_schemas import generated_files as derived

    return derived()


def stale(root: Path) -> list[str]:
    """Derived files that are missing or differ from what the models give."""
    out = []
    for rel, text in generated_files().items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(rel)
    return out


def run(root: Path, check_only: bool, out: TextIO = sys.stdout) -> int:
    if check_only:
        outdated = stale(root)
        for rel in outdated:
            print(f"{rel}: passer ikke til modellerne — kør 'rummelig schema', og commit filen", file=out)
        if not outdated:
            print("Skemaer og skabeloner passer til modellerne.", file=out)
        return 1 if outdated else 0
    for rel, text in generated_files().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Skrev {rel}", file=out)
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("schema", help="skriv JSON-skemaer (schemas/) og skabeloner (skabeloner/) ud fra "
                                                "modellerne")
    parser.add_argument("--check", action="store_true", help="skriv intet; fejl, hvis filerne ikke passer")
    parser.set_defaults(run=lambda args: run(args.root, args.check))
