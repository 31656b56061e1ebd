"""`rummelig materialize <dir>`: the site source as plain files, for an engine without our hooks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from rummelig.commands import Subcommands
from rummelig.commands.check import report
from rummelig.problems import plural, summary


def run(root: Path, out_dir: Path, replace: bool = False, out: TextIO = sys.stdout,
        library: str | None = None) -> int:
    from rummelig.materialize import materialize

    try:
        result = materialize(root, out_dir, replace, library)
    except OSError as exc:  # a full disk, a folder without write access: say so, no traceback
        print(f"rummelig materialize: kunne ikke skrive til {out_dir} ({exc.strerror or exc}) — "
              "vælg en mappe, du kan skrive i, og prøv igen", file=out)
        return 1
    report(result.problems, out)
    if result.problems.has_errors():
        print(summary(result.problems), file=out)
        print("Der er ikke skrevet noget — ret fejlene først.", file=out)
        return 1
    if result.refused:
        print(f"rummelig materialize: {result.refused}", file=out)
        return 1
    print(f"Skrevet til {out_dir}: {plural(result.pages, 'genereret fil', 'genererede filer')} og "
          f"{plural(result.copied, 'fil', 'filer')} fra docs/, plus mkdocs.yml uden hooks. "
          f"Byg med 'cd {out_dir} && mkdocs build' (eller properdocs/zensical). Kontrollen af indholdet sker nu "
          "kun med 'rummelig check'.", file=out)
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("materialize",
                                 help="skriv alle sider som almindelige filer (til andre byggeværktøjer)",
                                 description="Skriv de genererede sider som Markdown sammen med docs/ og en "
                                             "mkdocs.yml uden hooks, så et byggeværktøj uden vores hooks kan "
                                             "bygge siden.")
    parser.add_argument("dir", type=Path, metavar="mappe", help="en ny eller tom mappe")
    parser.add_argument("--replace", action="store_true",
                        help="skriv en tidligere udgave (lavet af materialize) forfra")
    parser.add_argument("--library", metavar="bibliotek-id",
                        help="ét biblioteks udgave (standard: den nationale udgave)")
    parser.set_defaults(run=lambda args: run(args.root, args.dir.resolve(), args.replace, library=args.library))
