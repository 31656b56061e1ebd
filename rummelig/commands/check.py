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
from rummelig.cache import CheckCache
from rummelig.commands import Subcommands
from rummelig.edition import unknown_library
from rummelig.kinds import DOCUMENT_KINDS
from rummelig.loading.sources import discover
from rummelig.pipeline import check_content
from rummelig.problems import Problems, plural, summary, warnings_note
from rummelig.site_url import site_url_problems

FORMATS = ("text", "github", "gitlab")


def report(problems: Problems, out: TextIO) -> None:
    for problem in problems:
        print(problem.format(), file=out)


def selected_paths(root: Path, paths: list[str], err: TextIO) -> list[str] | None:
    """The named paths relative to the root (posix) that exist, or None when one is outside the
    root or none of them exists (a mistyped path: nothing would be checked)."""
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
            print(f"rummelig check: '{name}' findes ikke — tjek stavningen (stien regnes fra mappen, du står i); "
                  f"'rummelig check' uden filnavne kontrollerer alt", file=err)
            continue
        chosen.append("" if rel == "." else rel)
    return chosen or None


def _within(path: str, chosen: list[str]) -> bool:
    return any(c == "" or path == c or path.startswith(c + "/") for c in chosen)


def _only(problems: Problems, chosen: list[str]) -> Problems:
    kept = Problems()
    kept.extend(p for p in problems.sorted() if _within(p.path, chosen))
    return kept


def fix(root: Path, chosen: list[str] | None, out: TextIO) -> None:
    """Write the accepted Danish words as their keys, and say which (`--fix`)."""
    from rummelig.fixes import apply_fixes, find_fixes  # the models' introspection: only with --fix

    found = find_fixes(root, chosen)
    apply_fixes(root, found)
    for item in found:
        print(item.format(), file=out)
    if found:
        files = len({item.rel for item in found})
        print(f"Rettet: {plural(len(found), 'dansk ord', 'danske ord')} i {plural(files, 'fil', 'filer')} er nu "
              "skrevet som nøgler.", file=out)


def edition_problems(root: Path, library: str | None) -> Problems:
    """The problem the build reports when LIBRARY names no library (`make site LIBRARY=…` runs
    this check first, so it stops here, in the same words, before the build starts)."""
    if not library:
        return Problems()
    ids = [source.id for source in discover(root, Problems()) if source.kind == "library"]
    return unknown_library(ids, library)


def run(root: Path, out: TextIO = sys.stdout, paths: list[str] | None = None, fmt: str = "text",
        err: TextIO = sys.stderr, fix_words: bool = False, library: str | None = None,
        site_url: str | None = None) -> int:
    chosen = selected_paths(root, paths, err) if paths else None
    if paths and chosen is None:
        return 2
    if fix_words:
        fix(root, chosen, out if fmt == "text" else err)
    checked = check_content(root, cache=CheckCache.for_project(root))
    problems = checked.problems if chosen is None else _only(checked.problems, chosen)
    elsewhere = len(checked.problems.errors) - len(problems.errors)
    problems.extend(edition_problems(root, library))  # about the command, not a file: always shown
    problems.extend(site_url_problems(site_url))       # so is the address the build is for
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
    warnings = len(problems.warnings)
    tail = f" ({plural(warnings, 'advarsel', 'advarsler')}; {warnings_note(warnings)})" if warnings else ""
    if chosen is not None:  # the content files read in what was named (a folder has several; a README none)
        files = sum(1 for path in checked.files if _within(path, chosen))
        print(f"Alt i orden i {plural(files, 'valgt fil', 'valgte filer')}{tail}.", file=out)
        return 0
    counts = [plural(checked.counts[key], kind.label, kind.plural) for key, kind in DOCUMENT_KINDS.items()]
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
    parser.add_argument("--fix", action="store_true",
                        help="skriv danske ord som nøglerne, fx 'type: værested' som 'type: drop-in-centre' og "
                             "'days: [man, tir]' som 'days: [mon, tue]' (resten af filen røres ikke)")
    parser.add_argument("--library", metavar="bibliotek-id", default=os.environ.get("RUMMELIG_LIBRARY") or None,
                        help="kontrollér også, at dette biblioteks udgave kan bygges (standard: miljøvariablen "
                             "RUMMELIG_LIBRARY, som 'make site LIBRARY=…' sætter)")
    parser.set_defaults(run=lambda args: run(args.root, paths=args.paths, fmt=args.format, fix_words=args.fix,
                                             library=args.library, site_url=os.environ.get("RUMMELIG_SITE_URL")))
