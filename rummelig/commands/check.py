"""`rummelig check`: the same messages the build gives, in a second."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from rummelig.problems import Problems, plural, summary
from rummelig.repository import load_repository


def report(problems: Problems, out: TextIO) -> None:
    for problem in problems:
        print(problem.format(), file=out)


def run(root: Path, out: TextIO = sys.stdout) -> int:
    repo = load_repository(root)
    report(repo.problems, out)
    if repo.problems.has_errors():
        print(summary(repo.problems), file=out)
        return 1
    counted = (f"{plural(len(repo.strategies), 'strategi', 'strategier')}, "
               f"{plural(len(repo.libraries), 'bibliotek', 'biblioteker')} og "
               f"{plural(len(repo.partners), 'partner', 'partnere')}")
    tail = f" ({plural(len(repo.problems.warnings), 'advarsel', 'advarsler')})" if len(repo.problems) else ""
    print(f"Alt i orden: {counted} kontrolleret{tail}.", file=out)
    return 0


def register(commands) -> None:
    parser = commands.add_parser("check", help="kontrollér alt indhold og vis alle problemer")
    parser.set_defaults(run=lambda args: run(args.root))
