"""`rummelig codeowners`: print a CODEOWNERS file made from the libraries and partners."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from rummelig.codeowners import DEFAULT_MAINTAINERS, DEFAULT_ORG, codeowners
from rummelig.commands import Subcommands
from rummelig.pipeline import check_repository

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def run(root: Path, org: str, maintainers: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    for value, option in ((org, "--org"), (maintainers, "--maintainers")):
        if not _NAME.fullmatch(value):
            print(f"rummelig codeowners: {option} '{value}' er ikke et gyldigt navn — brug bogstaver, tal, '-' "
                  "og '_', fx det-rummelige-bibliotek", file=err)
            return 2
    checked = check_repository(root)
    repo = checked.repo
    if checked.problems.has_errors():
        print("Bemærk: indholdet har fejl — filer med fejl er ikke med. Kør 'rummelig check'.", file=err)
    out.write(codeowners(repo, org, maintainers))
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("codeowners", help="skriv en CODEOWNERS-fil, hvor hvert bibliotek ejer sine filer")
    parser.add_argument("--org", default=DEFAULT_ORG, metavar="organisation",
                        help=f"organisation eller gruppe på GitHub/GitLab (standard: {DEFAULT_ORG})")
    parser.add_argument("--maintainers", default=DEFAULT_MAINTAINERS, metavar="team",
                        help=f"redaktionens team, der ejer resten (standard: {DEFAULT_MAINTAINERS})")
    parser.set_defaults(run=lambda args: run(args.root, args.org, args.maintainers))
