"""`rummelig review`: what is past its review date, grouped by the library that owns it —
as text, as Markdown (for an issue or an e-mail) or as JSON."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from rummelig.commands import Subcommands
from rummelig.dates import danish_date
from rummelig.freshness import Due, overdue
from rummelig.kinds import DOCUMENT_KINDS, KINDS
from rummelig.models.reference import EDITORS_ID
from rummelig.pipeline import check_repository
from rummelig.problems import plural
from rummelig.repository import Repository
from rummelig.status import by_status


def _owner_name(repo: Repository, owner: str) -> str:
    record = repo.libraries.get(owner)
    return f"{record.model.name} ({owner})" if record else owner


def _verb(item: Due) -> str:
    return "kontrolleret" if item.kind == "partner" else "gennemgået"


def as_text(repo: Repository, groups: dict[str, list[Due]], today: date) -> str:
    total = sum(len(items) for items in groups.values())
    if not total:
        return f"Intet er forfaldent til gennemgang pr. {danish_date(today)}.\n"
    lines = [f"Forfaldent til gennemgang pr. {danish_date(today)}: {total}.", ""]
    kinds = set()
    for owner, items in groups.items():
        lines.append(f"{_owner_name(repo, owner)}: {len(items)}")
        for item in items:
            kinds.add(item.kind)
            lines.append(f"  {item.rel}: {KINDS[item.kind].label} '{item.title}', sidst {_verb(item)} "
                         f"{danish_date(item.last)} ({plural(item.days_over(today), 'dag', 'dage')} over tid)")
        lines.append("")
    lines.append("Sådan gør I:")
    lines += [f"  {kind.label}: {kind.review_action}" for key, kind in DOCUMENT_KINDS.items() if key in kinds]
    return "\n".join(lines) + "\n"


def md(text: object) -> str:
    """Text safe in Markdown (rummelig/render/format.py, which imports the models: only when asked)."""
    from rummelig.render.format import md as escape

    return escape(text)


def as_markdown(repo: Repository, groups: dict[str, list[Due]], today: date) -> str:
    total = sum(len(items) for items in groups.values())
    lines = [f"# Forfaldent til gennemgang pr. {danish_date(today)}", ""]
    if not total:
        return "\n".join(lines + ["Intet er forfaldent. Tak for det!", ""])
    lines += [f"{plural(total, 'punkt', 'punkter')} skal gennemgås. Sæt kryds, når I er færdige med et punkt, "
              "og husk at opdatere datoen i filen.", ""]
    for owner, items in groups.items():
        lines += [f"## {md(_owner_name(repo, owner))}", ""]
        for item in items:
            lines.append(f"- [ ] **{md(item.title)}** ({KINDS[item.kind].label}, `{item.rel}`): sidst {_verb(item)} "
                         f"{danish_date(item.last)}, {plural(item.days_over(today), 'dag', 'dage')} over tid. "
                         f"Sådan: {KINDS[item.kind].review_action} (`{KINDS[item.kind].date_key}`).")
        lines.append("")
    return "\n".join(lines)


def as_json(repo: Repository, groups: dict[str, list[Due]], today: date) -> str:
    data = {"today": today.isoformat(), "total": sum(len(v) for v in groups.values()), "libraries": [
        {"library": owner, "name": repo.libraries[owner].model.name if owner in repo.libraries else None,
         "items": [{"kind": i.kind, "id": i.id, "path": i.rel, "title": i.title, "date_key": KINDS[i.kind].date_key,
                    "last": i.last.isoformat(), "due": i.due.isoformat(), "days_overdue": i.days_over(today)}
                   for i in items]}
        for owner, items in groups.items()]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}

_STATUS_WORDS = {"godkendt": "Godkendt af biblioteket", "udkast": "Udkast (ikke godkendt endnu)",
                 "eksempel": "Eksempler fra redaktionen (ikke bibliotekets egne)"}
_HOW_TO_APPROVE = ("Sådan godkender I en side: læs den, ret den til, så den passer til jeres bibliotek, og skriv "
                   "status: godkendt, approved_by (en rolle, aldrig et navn) og approved_on (dagens dato).")


def status_report(repo: Repository, library: str, fmt: str, today: date) -> str:
    """What the library's edition holds by status: approved, drafts, samples."""
    groups = by_status(repo, library)
    name = _owner_name(repo, library)
    if fmt == "json":
        data = {"today": today.isoformat(), "library": library,
                "statuses": {key: [{"kind": e.kind, "id": e.id, "path": e.rel, "title": e.title} for e in entries]
                             for key, entries in groups.items()}}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    markdown = fmt == "markdown"
    lines = [f"{'# ' if markdown else ''}Status for {md(name) if markdown else name} pr. {danish_date(today)}", ""]
    for key, entries in groups.items():
        lines.append(f"{'## ' if markdown else ''}{_STATUS_WORDS[key]}: {len(entries)}")
        if markdown:
            lines.append("")
        for e in entries:
            label = KINDS[e.kind].label
            lines.append(f"- {label} **{md(e.title)}** (`{e.rel}`)" if markdown else f"  {e.rel}: {label} '{e.title}'")
        lines.append("")
    lines.append(_HOW_TO_APPROVE)
    return "\n".join(lines) + "\n"


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def run(root: Path, fmt: str = "text", today: date | None = None, library: str | None = None,
        out: TextIO = sys.stdout, err: TextIO = sys.stderr, status: bool = False) -> int:
    today = today or date.today()
    checked = check_repository(root, today)
    repo = checked.repo
    # The shared pages are listed under `redaktionen` (gennemgang.md), so the editors can ask for
    # theirs too; a status report is about one library's edition.
    if library == EDITORS_ID and status:
        print(f"rummelig review: --status gælder ét biblioteks udgave, og {EDITORS_ID} har ingen — brug id'et på "
              "en fil i libraries/", file=err)
        return 2
    if library is not None and library not in repo.libraries and library != EDITORS_ID:
        from rummelig.suggest import did_you_mean

        print(f"rummelig review: biblioteket '{library}' findes ikke"
              f"{did_you_mean(library, [*repo.libraries, EDITORS_ID])} — brug id'et på en fil i libraries/, eller "
              f"{EDITORS_ID} for de fælles sider", file=err)
        return 2
    if checked.problems.has_errors():
        print(f"Bemærk: {plural(len(checked.problems.errors), 'fejl', 'fejl')} i indholdet — filer med fejl er ikke "
              "med i listen. Kør 'rummelig check' for at se dem.", file=err)
    if status:
        if library is None:
            print("rummelig review: --status kræver --library <bibliotek-id> — status gælder ét biblioteks udgave",
                  file=err)
            return 2
        out.write(status_report(repo, library, fmt, today))
        return 0
    out.write(FORMATS[fmt](repo, overdue(repo, today, library), today))
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("review", help="vis det, der er forfaldent til gennemgang, pr. bibliotek")
    parser.add_argument("--format", choices=list(FORMATS), default="text", metavar="format",
                        help="text (standard), markdown (til et issue eller en e-mail) eller json")
    parser.add_argument("--library", metavar="bibliotek-id",
                        help="kun det, som ét bibliotek har ansvaret for (eller redaktionen: de fælles sider)")
    parser.add_argument("--today", metavar="ÅÅÅÅ-MM-DD", help="regn som om det er denne dato (til test)")
    parser.add_argument("--status", action="store_true",
                        help="vis i stedet, hvad biblioteket har godkendt, hvad der er udkast, og hvad der stadig er "
                             "eksempler (kræver --library)")

    def dispatch(args: argparse.Namespace) -> int:
        today = None
        if args.today is not None:
            today = parse_day(args.today)
            if today is None:
                print(f"rummelig review: --today '{args.today}' er ikke en dato — skriv ÅÅÅÅ-MM-DD, fx 2026-11-20",
                      file=sys.stderr)
                return 2
        return run(args.root, args.format, today, args.library, status=args.status)

    parser.set_defaults(run=dispatch)
