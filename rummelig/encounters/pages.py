"""The generated pages of good encounters (contract §7):

- gode-moeder/                          all libraries
- gode-moeder/vejledning/               how a week's tally sheet becomes rows
- gode-moeder/<library-id>/             one library: totals, months, categories, trend
- gode-moeder/<library-id>/optaellingsark/  a printable one-week A4 tally sheet
- gode-moeder/<library-id>/skriv-ugen-ind/  the filled-in sheet typed in, the CSV rows out (in the
                                            browser, nothing sent; issue 17)
- gode-moeder/<library-id>/opsummering/     a printable one-page summary for management

The free-text notes are never published (issue 15): even a note that follows the rules can
identify a regular guest in a small library; counts and sums are what managers need. The notes
stay in the library's own files.

`pages` is the producer for the kind "encounters" in `rummelig.render.all_pages`; the sums
come from `EncounterView` (`encounters/view.py`), also the template global `encounters`.
"""

from __future__ import annotations

import json
from typing import Any

from rummelig import addresses
from rummelig.dates import MONTHS, danish_date
from rummelig.encounters import charts
from rummelig.encounters.categories import CATEGORIES, CATEGORY_INFO
from rummelig.encounters.columns import COLUMNS, NOTE_MAX
from rummelig.encounters.stats import Summary, Trend, last_12_months, month_key, summarise
from rummelig.encounters.view import SHORT_MONTHS, EncounterView, LibraryCounts, meetings, month_name
from rummelig.render.environment import Page, Renderer
from rummelig.render.format import number

# Material's per-page search exclusion: tables of numbers would crowd the search index (and the
# staff's results); the overview and the guide stay searchable and link to these pages. The
# site search still knows each page by its title and description ("by_name",
# rummelig/search/documents.py): "optællingsark dokk1" finds the sheet to print.
NOT_SEARCHED = {"exclude": True, "by_name": True}


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


# -- charts with their descriptions in words ---------------------------------------------------

def trend_svg(chart_id: str, who: str, trend: Trend) -> str:
    points = []
    for index, (month, value) in enumerate(zip(trend.months, trend.values, strict=True)):
        year = str(month[0]) if index == 0 or month[1] == 1 else ""
        points.append((SHORT_MONTHS[month[1] - 1], year, value))
    words = "; ".join(f"{month_name(m)}: {number(v)}" for m, v in zip(trend.months, trend.values, strict=True))
    return charts.figure(charts.trend_chart(
        chart_id, f"Gode møder pr. måned de seneste 12 måneder – {who}",
        f"I alt {meetings(trend.total)} fra {danish_date(trend.start)} til {danish_date(trend.end)}. "
        f"{words}.", points))


def category_svg(chart_id: str, who: str, summary: Summary, period: str) -> str:
    items = [(CATEGORIES[k], v) for k, v in summary.by_category.items()]
    words = "; ".join(f"{label}: {number(v)}" for label, v in items)
    return charts.figure(charts.bar_chart(
        chart_id, f"Gode møder pr. kategori, {period} – {who}",
        f"I alt {meetings(summary.total)}. {words}.", items))


def library_svg(chart_id: str, counts: list[LibraryCounts], period: str, total: int) -> str:
    items = [(c.name, c.trend.total) for c in counts]
    words = "; ".join(f"{name}: {number(v)}" for name, v in items)
    return charts.figure(charts.bar_chart(
        chart_id, f"Gode møder pr. bibliotek, {period}", f"I alt {meetings(total)}. {words}.", items))


# -- the pages ---------------------------------------------------------------------------------

def week_entry_data(library_id: str) -> str:
    """What the week-entry page's script needs (docs/assets/javascripts/gode-moeder-uge.js), as
    JSON for a data- attribute: the library, the CSV header, the categories and the note limit."""
    return json.dumps({"library": library_id, "header": ",".join(COLUMNS), "noteMax": NOTE_MAX,
                       "file": f"encounters/{library_id}/{{year}}.csv",
                       "categories": [{"key": key, "label": label} for key, (label, _) in CATEGORY_INFO.items()]},
                      ensure_ascii=False, separators=(",", ":"))


def _context(view: EncounterView) -> dict[str, Any]:
    return dict(view=view, CATEGORIES=CATEGORIES, CATEGORY_INFO=CATEGORY_INFO, COLUMNS=COLUMNS,
                NOTE_MAX=NOTE_MAX, number=number, meetings=meetings, month_name=month_name, month_key=month_key,
                MONTH_NAMES=MONTHS, SHORT_MONTHS=SHORT_MONTHS)


def pages(renderer: Renderer) -> list[Page]:
    view = renderer.encounters
    common = _context(view)
    everyone = renderer.wants(addresses.encounters_index(), addresses.encounters_guide())

    def wanted(library_id: str) -> bool:
        return renderer.wants(addresses.encounters_library(library_id), addresses.tally_sheet(library_id),
                              addresses.week_entry(library_id), addresses.encounters_summary(library_id))

    # Every library's sums only when the overview is made: one library's pages need its own.
    counts = view.libraries() if everyone else [view.library(i) for i in sorted(renderer.repo.libraries) if wanted(i)]
    found: list[Page] = []
    for lib in counts:
        if lib.id not in renderer.repo.libraries:
            continue  # an unknown folder is an error (rules/encounters.py); the build stops before this
        if not wanted(lib.id):
            continue
        record = renderer.repo.libraries[lib.id]
        context = dict(common, lib=lib, record=record,
                       trend_chart=trend_svg(f"gm-{lib.id}-trend", lib.name, lib.trend),
                       category_chart=category_svg(f"gm-{lib.id}-kategorier", lib.name, lib.trend.summary,
                                                   "de seneste 12 måneder"))
        made: list[Page] = []
        made.append(renderer.page(addresses.encounters_library(lib.id), "encounters_library.md.j2",
                                   {"title": f"Gode møder – {lib.name}",
                                    "description": f"Optællingen af gode møder på {lib.name}",
                                    "search": NOT_SEARCHED}, **context))
        made.append(renderer.page(addresses.tally_sheet(lib.id), "encounters_tally_sheet.md.j2",
                                   {"title": f"Optællingsark – {lib.name}",
                                    "description": "Et ugeskema til at tælle gode møder ved skranken",
                                    "search": NOT_SEARCHED}, **context))
        made.insert(0, renderer.page(addresses.week_entry(lib.id), "encounters_week_entry.md.j2",  # first, as before
                                   {"title": f"Skriv ugen ind – {lib.name}",
                                    "description": "Ugens optællingsark bliver til rækker til filen – i browseren, "
                                                   "uden at noget sendes",
                                    "search": NOT_SEARCHED},
                                   entry_data=week_entry_data(lib.id), **context))
        summary_context = dict(context,
                               trend_chart=trend_svg(f"gm-{lib.id}-opsummering", lib.name, lib.trend))
        made.append(renderer.page(addresses.encounters_summary(lib.id), "encounters_summary.md.j2",
                                  {"title": f"Gode møder på {lib.name} – opsummering",
                                   "description": "En side til ledelse og politikere, fx byrådet eller et udvalg",
                                   "search": NOT_SEARCHED}, **summary_context))
        found.extend(page for page in made if renderer.wants(page.uri))
    if not everyone:
        return found
    everything = summarise(renderer.repo.encounters.rows())
    trend = last_12_months(renderer.repo.encounters.rows(), renderer.today)
    known = [c for c in counts if c.id in renderer.repo.libraries]
    samples = [c.name for c in known if c.sample and c.summary.total]
    # A library's edition holds that library's counts only: its charts must not say "alle biblioteker"
    # (a manager shows them to the municipality as the library's own numbers).
    edition = renderer.repo.libraries.get(renderer.library) if renderer.library else None
    who = edition.model.name if edition is not None else "alle biblioteker"
    index = renderer.page(addresses.encounters_index(), "encounters_index.md.j2",
                               {"title": "Gode møder",
                                "description": "Optællingen af de møder med udsatte borgere, der gik godt"},
                               **dict(common, counts=known, everything=everything, trend=trend,
                                      sample_names=_join(samples) if samples else "",
                                      trend_chart=trend_svg("gm-alle-trend", who, trend),
                                      category_chart=category_svg("gm-alle-kategorier", who,
                                                                  trend.summary, "de seneste 12 måneder"),
                                      library_chart=library_svg("gm-alle-biblioteker", known,
                                                                "de seneste 12 måneder", trend.total)))
    guide = renderer.page(addresses.encounters_guide(), "encounters_guide.md.j2",
                          {"title": "Sådan registrerer I gode møder",
                           "description": "Fra ugens optællingsark til rækker i filen"},
                          **dict(common, counts=known))
    found.extend(page for page in (index, guide) if renderer.wants(page.uri))
    return found
