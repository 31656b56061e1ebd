"""Random encounter rows for two libraries, and the pages rendered from them."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

from rummelig.encounters.model import CATEGORIES
from rummelig.pipeline import check_repository
from rummelig.render.all_pages import render_pages
from tests.support import LIBRARY, write

HEADER = "date,category,count,note\n"
TODAY = date(2026, 6, 30)        # the build day in these tests; the 12 months are 2025-07-01 … 2026-06-30
OTHER = LIBRARY.replace("Testbiblioteket", "Andetbiblioteket")


def pages(root: Path, today: date = TODAY) -> dict[str, str]:
    checked = check_repository(root)
    assert not checked.problems.has_errors(), [p.format() for p in checked.problems]
    return {p.uri: p.content for p in render_pages(checked.repo, today)}


# -- exact sums on the pages and in the export -------------------------------------------------------

def generated(repo: Path, seed: int = 7) -> list[tuple[str, date, str, int]]:
    """Write random rows for two libraries over three years; return (library, date, category, count)."""
    write(repo, "libraries/andetbib.yml", OTHER)
    rng = random.Random(seed)
    rows: list[tuple[str, date, str, int]] = []
    boundaries = [date(2025, 6, 30), date(2025, 7, 1), date(2025, 12, 31), date(2026, 1, 1), TODAY]
    for library in ("testbib", "andetbib"):
        by_year: dict[int, list[str]] = {}
        days = boundaries + [date(2024, 11, 1) + timedelta(days=rng.randrange(606)) for _ in range(300)]
        for day in days:
            category = rng.choice(list(CATEGORIES))
            written = "" if rng.random() < 0.3 else str(rng.randint(1, 9))
            count = int(written or 1)
            note = rng.choice(["", "", "En gæst sagde tak.", "Hjalp med printeren, og det gik fint."])
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerow([day.isoformat(), category, written, note])
            by_year.setdefault(day.year, []).append(out.getvalue())
            rows.append((library, day, category, count))
        for year, lines in by_year.items():
            write(repo, f"encounters/{library}/{year}.csv", HEADER + "".join(lines))
    return rows


def in_window(day: date) -> bool:
    return date(2025, 7, 1) <= day <= TODAY
