"""`rummelig export <kind> <dir>`: the content in a format other systems read.

Each kind is one entry in EXPORTS: a function that adds the kind's own arguments to its
subparser and sets `run`. To add a kind (e.g. the counts of good encounters as CSV), write
the exporter under rummelig/export/ and add one function and one line here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from rummelig.commands import Subcommands
from rummelig.commands.check import report
from rummelig.outdir import refusal, start
from rummelig.pipeline import check_repository
from rummelig.problems import plural, summary

MARKER = ".rummelig-export"


def run_hsds(root: Path, out_dir: Path, include_examples: bool = False, out: TextIO = sys.stdout,
             replace: bool = False) -> int:
    from rummelig.export.hsds import export_hsds

    checked = check_repository(root)
    repo = checked.repo
    if checked.problems.has_errors():
        report(checked.problems, out)
        print(summary(checked.problems), file=out)
        print("Der er ikke eksporteret noget — ret fejlene først (samme beskeder som 'rummelig check').", file=out)
        return 1
    if out_dir.exists() and not out_dir.is_dir():
        print(f"{out_dir}: findes allerede og er ikke en mappe — vælg en anden mappe til eksporten.", file=out)
        return 1
    refused = refusal(root, root / "docs", out_dir, MARKER, replace)
    if refused:
        print(f"rummelig export: {refused}", file=out)
        return 1
    try:
        start(out_dir, MARKER, "Skrevet af 'rummelig export'. Ret ikke her: ret kildefilerne og eksportér igen.\n")
        result = export_hsds(repo, out_dir, include_examples)
    except OSError as exc:  # a full disk, a folder without write access: say so, no traceback
        print(f"{out_dir}: kunne ikke skrive eksporten ({exc.strerror or exc}) — vælg en mappe, du kan skrive i, "
              "og prøv igen.", file=out)
        return 1
    report(result.problems, out)
    print(f"HSDS 3.0-eksport skrevet til {out_dir}: "
          f"{plural(result.count('organization'), 'organisation', 'organisationer')}, "
          f"{plural(result.count('service'), 'tilbud', 'tilbud')}, "
          f"{plural(result.count('schedule'), 'åbningstid', 'åbningstider')} og "
          f"{plural(result.count('phone'), 'telefonnummer', 'telefonnumre')} "
          f"(JSON i json/, CSV med datapackage.json i csv/).", file=out)
    skipped = result.tables.skipped_examples
    if skipped:
        print(f"{plural(skipped, 'eksempel', 'eksempler')} (status: eksempel) er ikke med, fordi oplysningerne ikke er "
              "kontrolleret — brug --include-examples for at tage dem med, fx til en test.", file=out)
    return 0


def _hsds(kinds: Subcommands) -> None:
    parser = kinds.add_parser("hsds", help="partnerkataloget som Open Referral HSDS 3.0 (JSON og CSV)",
                              description="Skriv partnerkataloget som et Open Referral HSDS 3.0-datasæt: "
                                          "JSON i <mappe>/json/ og CSV med datapackage.json i <mappe>/csv/.")
    parser.add_argument("dir", type=Path, metavar="mappe", help="mappen, eksporten skrives til")
    parser.add_argument("--include-examples", action="store_true",
                        help="tag også eksemplerne med (status: eksempel); deres oplysninger er ikke kontrolleret")
    parser.add_argument("--replace", action="store_true", help="skriv en tidligere eksport (til samme mappe) forfra")
    parser.set_defaults(run=lambda args: run_hsds(args.root, args.dir.resolve(), args.include_examples,
                                                  replace=args.replace))


# kind → adds its subparser. Keep the kinds' names short and lowercase.
EXPORTS: dict[str, Callable[[Subcommands], None]] = {"hsds": _hsds}


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("export", help="eksportér indholdet til andre systemer (fx hsds)",
                                 description="Eksportér indholdet i et format, som andre systemer kan læse.")
    kinds = parser.add_subparsers(dest="export_kind", metavar="slags", parser_class=type(parser))
    for add in EXPORTS.values():
        add(kinds)
    parser.set_defaults(run=lambda args: _missing_kind(parser))


def _missing_kind(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    print(f"rummelig export: vælg, hvad der skal eksporteres: {', '.join(EXPORTS)} — fx 'rummelig export hsds "
          "eksport/'", file=sys.stderr)
    return 2
