"""`rummelig check`: the same messages the build gives, in a second.

`rummelig check FILE…` reports only the problems in the named files (or folders) while every
rule still runs against the whole repository, so a pull request sees what it changed;
`--format github|gitlab` writes them as CI annotations (rummelig/annotations.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from rummelig import annotations as ci_annotations  # not the __future__ name
from rummelig.commands import Subcommands
from rummelig.kinds import DOCUMENT_KINDS
from rummelig.pipeline import check_repository
from rummelig.problems import Problems, plural, summary

FORMATS = ("text", "github", "gitlab")


def report(problems: Problems, out: TextIO) -> None:
    for problem in problems:
        print(problem.format(), file=out)


def selected_paths(root: Path, paths: list[str], err: TextIO) -> list[str] | None:
    """The named paths relative to the root (posix), or None when one is outside it."""
    chosen = []
    for name in paths:
        path = Path(name)
        # Relative to where the command runs; with --root from elsewhere, relative to the root.
        candidates = [path] if path.is_absolute() else [Path(os.getcwd()) / path, root / path]
        rel = None
        for candidate in candidates:
            try:
                rel = Path(os.path.normpath(candidate)).relative_to(root).as_posix()
                break
            except ValueError:
                continue
        if rel is None:
            print(f"rummelig check: '{name}' ligger ikke i projektet ({root}) — nævn filer i projektmappen", file=err)
            return None
        if not (root / rel).exists():
            print(f"rummelig check: '{name}' findes ikke (slettet?) — den springes over", file=err)
        chosen.append("" if rel == "." else rel)
    return chosen


def _only(problems: Problems, chosen: list[str]) -> Problems:
    def wanted(path: str) -> bool:
        return any(c == "" or path == c or path.startswith(c + "/") for c in chosen)

    kept = Problems()
    kept.extend(p for p in problems.sorted() if wanted(p.path))
    return kept


def run(root: Path, out: TextIO = sys.stdout, paths: list[str] | None = None, fmt: str = "text",
        err: TextIO = sys.stderr) -> int:
    chosen = selected_paths(root, paths, err) if paths else None
    if paths and chosen is None:
        return 2
    checked = check_repository(root)
    problems = checked.problems if chosen is None else _only(checked.problems, chosen)
    elsewhere = len(checked.problems.errors) - len(problems.errors)
    if fmt == "gitlab":
        out.write(ci_annotations.gitlab(problems))
        out = err  # the report is the JSON; the summary goes to the log
    elif fmt == "github":
        for line in ci_annotations.github(problems):  # the log shows each as "Error: …" too
            print(line, file=out)
    else:
        report(problems, out)
    if chosen is not None and elsewhere:
        print(f"(Der er også {plural(elsewhere, 'fejl', 'fejl')} i andre filer — kør 'rummelig check' uden "
              "filnavne for at se dem.)", file=out)
    if problems.has_errors():
        print(summary(problems), file=out)
        return 1
    tail = f" ({plural(len(problems.warnings), 'advarsel', 'advarsler')})" if len(problems) else ""
    if chosen is not None:
        print(f"Alt i orden i {plural(len(chosen), 'valgt fil', 'valgte filer')}{tail}.", file=out)
        return 0
    counts = [plural(len(checked.repo.records[key]), kind.label, kind.plural) for key, kind in DOCUMENT_KINDS.items()]
    counted = ", ".join(counts[:-1]) + " og " + counts[-1]
    print(f"Alt i orden: {counted} kontrolleret{tail}.", file=out)
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("check", help="kontrollér alt indhold og vis alle problemer")
    parser.add_argument("paths", nargs="*", metavar="fil",
                        help="vis kun problemerne i disse filer eller mapper (alt kontrolleres stadig)")
    parser.add_argument("--format", choices=FORMATS, default="text", metavar="format",
                        help="text (standard), github (annotationer i GitHub Actions) eller gitlab "
                             "(Code Quality-rapport som JSON)")
    parser.set_defaults(run=lambda args: run(args.root, paths=args.paths, fmt=args.format))
