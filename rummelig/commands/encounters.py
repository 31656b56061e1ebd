"""`rummelig encounters add|export`: register a good encounter, and export the sums.

- `add <library> <category> [--count N] [--date YYYY-MM-DD] [--note "…"]` appends one valid
  row to encounters/<library>/<year>.csv (creating the file with its header). Invalid input
  is refused with a Danish message and exit 1; nothing is written then.
- `export --format csv|json [--library ID] [--from YYYY-MM] [--to YYYY-MM]` prints the sums
  per library, month and category (both months included) — the same sums as the pages.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from rummelig.commands import Subcommands
from rummelig.encounters.categories import CATEGORIES
from rummelig.kinds import ENCOUNTERS_SAMPLE_MARKER
from rummelig.problems import Problems
from rummelig.slugs import SLUG
from rummelig.suggest import did_you_mean
from rummelig.wholefile import write_whole

_MONTH = re.compile(r"(\d{4})-(\d{2})")
FIRST_YEAR = 2000
_OPTION = {"date": "--date", "count": "--count", "note": "--note", "category": "kategorien"}


def _known_libraries(root: Path) -> list[str]:
    folder = root / "libraries"
    return sorted(p.stem for p in folder.glob("*.yml") if SLUG.fullmatch(p.stem)) if folder.is_dir() else []


def _library_problem(library: str, known: list[str]) -> str | None:
    if library in known:
        return None
    if not known:
        return f"biblioteket '{library}' findes ikke — der er ingen biblioteker i libraries/; opret biblioteket først"
    return (f"biblioteket '{library}' findes ikke{did_you_mean(library, known)} — brug id'et på en fil i "
            f"libraries/ (filnavnet uden .yml), fx {known[0]}")


def _say(lines: list[str], out: TextIO) -> int:
    for line in lines:
        print(f"rummelig: {line}", file=out)
    return 1


# -- add ---------------------------------------------------------------------------------------

def _write_whole(path: Path, text: str) -> None:
    """A crash or a full disk leaves the old file as it was, never half a row."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, text)


def _category_key(typed: str) -> str:
    """The key for a category typed as staff would: 'hjælp', 'Samtale' → 'hjaelp', 'samtale'. In
    the file the key is what counts (the check and the pages read it); on the command line the
    Danish spelling is as good. Anything else is kept, so the check names it."""
    from rummelig.models.reference import alias_form, from_alias

    folded = alias_form(typed)
    return folded if folded in CATEGORIES else from_alias(CATEGORIES, typed) or typed


def add(root: Path, library: str, category: str, count: str | None, when: str | None, note: str | None,
        today: date | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    # The CSV reader and the model (pydantic): here, not at the top (cli.py imports every command).
    from rummelig.encounters.csvfile import HEADER, check_row, parse_encounters

    today = today or date.today()
    errors: list[str] = []
    problem = _library_problem(library, _known_libraries(root))
    if problem:
        errors.append(problem)
    if note is not None and any("\udc80" <= char <= "\udcff" for char in note):
        # bytes that are not UTF-8 on the command line (Python keeps them as surrogates)
        return _say(["--note indeholder tegn, der ikke er gyldig tekst (UTF-8) — skriv noten igen", "intet er skrevet"],
                    err)
    cells = [when if when is not None else today.isoformat(), _category_key(category), count or "", note or ""]

    def report(column: str, problem: str, fix: str, code: str) -> None:
        # The file rules' own messages, with the option the value came from instead of the column.
        option = _OPTION.get(column, column)
        text = problem.replace(repr(column), option, 1) if repr(column) in problem else f"{option}: {problem}"
        errors.append(f"{text} — {fix}")

    # The same check as a row in the file (so `check` accepts what `add` writes), but any year.
    encounter = check_row(cells, None, today, report, f"encounters/{library}/")
    if note is not None and note == "":
        errors.append("--note er tom — skriv noten, eller lad --note være væk")
    if encounter is not None and encounter.date.year < FIRST_YEAR:
        # A typo in the year (1026 for 2026) would otherwise start a new file for that year.
        # The example is the fixed one of every other date message: a run's output never depends on the day.
        errors.append(f"--date er '{encounter.date.isoformat()}', som ligger før år {FIRST_YEAR} — tjek årstallet, "
                      "fx 2026-11-20")
    if errors or encounter is None:
        return _say(errors + ["intet er skrevet"], err)

    rel = f"encounters/{library}/{encounter.date.year}.csv"
    path = root / rel
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return _say([f"{rel} er ikke en almindelig fil — ret det, og prøv igen", "intet er skrevet"], err)
    existing = ""
    if path.exists():
        try:
            existing = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            return _say([f"{rel} kan ikke læses som UTF-8 — ret filen (kør 'rummelig check'), og prøv igen",
                         "intet er skrevet"], err)
        found = Problems()
        parse_encounters(existing, rel, library, encounter.date.year, today, found)
        if found.has_errors():
            lines = [p.format() for p in found.errors]
            return _say(lines + [f"ret fejlene i {rel}, før du tilføjer en række — intet er skrevet"], err)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not existing.strip():
        buffer.write(HEADER + "\n")
    elif not existing.endswith("\n"):
        buffer.write("\n")
    writer.writerow([encounter.date.isoformat(), encounter.category, encounter.count, encounter.note or ""])
    try:
        _write_whole(path, existing + buffer.getvalue())
    except OSError as exc:
        return _say([f"{rel} kan ikke skrives ({exc.strerror}) — tjek mappens rettigheder", "intet er skrevet"], err)
    line = (existing + buffer.getvalue()).count("\n")
    label = CATEGORIES[encounter.category].lower()
    print(f"Registreret i {rel}, linje {line}: {encounter.count} × {label} den {encounter.date.isoformat()}.",
          file=out)
    if (root / "encounters" / library / ENCOUNTERS_SAMPLE_MARKER).exists():
        print(f"Bemærk: encounters/{library}/{ENCOUNTERS_SAMPLE_MARKER} markerer bibliotekets tal som eksempeldata. "
              "Slet den og eksempelrækkerne, når I registrerer rigtige møder.", file=out)
    return 0


# -- export ------------------------------------------------------------------------------------

def _month(option: str, text: str | None, errors: list[str]) -> tuple[int, int] | None:
    if text is None:
        return None
    match = _MONTH.fullmatch(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        errors.append(f"{option} er '{text}', som ikke er en måned — skriv ÅÅÅÅ-MM, fx 2026-01")
        return None
    return int(match.group(1)), int(match.group(2))


def export(root: Path, fmt: str, library: str | None, first: str | None, last: str | None,
           out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from rummelig.encounters.stats import aggregate, month_key, month_of
    from rummelig.repository import load_repository

    errors: list[str] = []
    if fmt not in ("csv", "json"):
        errors.append(f"--format er '{fmt}' — brug csv eller json")
    start, end = _month("--from", first, errors), _month("--to", last, errors)
    if start and end and start > end:
        errors.append(f"--from {first} ligger efter --to {last} — byt om på dem")
    if library is not None:
        problem = _library_problem(library, _known_libraries(root))
        if problem:
            errors.append(problem)
    if errors:
        return _say(errors, err)
    repo, problems = load_repository(root)
    broken = [p for p in problems.errors if p.path.startswith(("encounters/", "libraries/"))]
    if broken:
        for p in broken:
            print(p.format(), file=err)
        return _say(["ret fejlene ovenfor, før du eksporterer — tallene ville ellers ikke passe"], err)
    rows = [r for r in repo.encounters.rows(library)
            if (start is None or month_of(r.date) >= start) and (end is None or month_of(r.date) <= end)]
    sums = aggregate(rows)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["library", "month", "category", "count"])
        for s in sums:
            writer.writerow([s.library, s.month, s.category, s.count])
        return 0
    samples = sorted({s.library for s in sums if repo.encounters.is_sample(s.library)})
    document = {
        "from": month_key(start) if start else None, "to": month_key(end) if end else None,
        "library": library, "total": sum(s.count for s in sums), "sample_libraries": samples,
        "rows": [{"library": s.library, "month": s.month, "category": s.category, "count": s.count} for s in sums],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("encounters", help="gode møder: registrér et møde, eller eksportér tallene")
    sub = parser.add_subparsers(dest="encounters_command", metavar="handling", parser_class=type(parser))
    adding = sub.add_parser("add", help="tilføj en række til encounters/<bibliotek>/<år>.csv")
    adding.add_argument("library", metavar="bibliotek", help="bibliotekets id, fx dokk1")
    adding.add_argument("category", metavar="kategori", help=f"en af: {', '.join(CATEGORIES)}")
    adding.add_argument("--count", metavar="antal", help="antal gode møder, et helt tal på 1 eller mere (standard: 1)")
    adding.add_argument("--date", metavar="dato", help="dagen, ÅÅÅÅ-MM-DD (standard: i dag)")
    adding.add_argument("--note", metavar="note", help="kort, anonym note (højst 200 tegn, ingen navne eller numre)")
    adding.set_defaults(run=lambda a: add(a.root, a.library, a.category, a.count, a.date, a.note))
    exporting = sub.add_parser("export", help="summen pr. bibliotek, måned og kategori som CSV eller JSON")
    exporting.add_argument("--format", default="csv", metavar="format", help="csv (standard) eller json")
    exporting.add_argument("--library", metavar="bibliotek-id", help="kun dette bibliotek")
    exporting.add_argument("--from", dest="first", metavar="måned", help="første måned, ÅÅÅÅ-MM (med)")
    exporting.add_argument("--to", dest="last", metavar="måned", help="sidste måned, ÅÅÅÅ-MM (med)")
    exporting.set_defaults(run=lambda a: export(a.root, a.format, a.library, a.first, a.last))

    def usage(args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(run=usage)

