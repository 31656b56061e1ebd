"""Gode møder in a real browser (issue 7), on the project's own site (built once per session by
conftest.py): the SVG charts are visible in light and dark scheme and in print, the totals match
the rows of the CSV files, and the tally sheet and the summary print on one A4 page each."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import Browser, Page

from tests.browser.site import PROJECT, Served

LIBRARY = "dokk1"


def total_of_rows(library: str) -> int:
    """The sum of `count` over every row of the library's files (an empty count is 1)."""
    total = 0
    for path in sorted((PROJECT / "encounters" / library).glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            total += sum(int(row["count"] or 1) for row in csv.DictReader(handle))
    return total


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def rgb(text: str) -> tuple[int, int, int]:
    red, green, blue = (int(v) for v in re.findall(r"\d+", text)[:3])
    return red, green, blue


def test_charts_are_visible_in_light_dark_and_print(page: Page, site: Served):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site.origin) else None)
    page.goto(site.root + f"gode-moeder/{LIBRARY}/")
    charts = page.locator("svg[role=img]")
    assert charts.count() == 2
    for index in range(2):
        box = charts.nth(index).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 60
    assert charts.first.locator("polyline").count() == 1
    assert charts.first.get_attribute("aria-labelledby") == f"gm-{LIBRARY}-trend-title gm-{LIBRARY}-trend-desc"
    total = f"{total_of_rows(LIBRARY):,}".replace(",", ".")
    assert f"I alt {total} gode møder" in page.inner_text("article")

    fill = "getComputedStyle(document.querySelector('.gode-moeder-chart svg text')).fill"
    assert max(rgb(page.evaluate(fill))) < 80          # dark text on the light scheme
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert min(rgb(page.evaluate(fill))) > 180         # light text on Material's dark scheme
    page.emulate_media(media="print")
    assert charts.first.bounding_box()["width"] > 300
    assert outside == []


def test_tally_sheet_and_summary_print_on_one_a4_page(browser: Browser, site: Served):
    printer = browser.new_page()  # no media emulation: pdf() uses the print style sheet
    counts = {}
    for uri in (f"gode-moeder/{LIBRARY}/optaellingsark/", f"gode-moeder/{LIBRARY}/opsummering/"):
        printer.goto(site.root + uri)
        counts[uri] = pdf_pages(printer.pdf(format="A4"))
    printer.close()
    assert counts == {f"gode-moeder/{LIBRARY}/optaellingsark/": 1, f"gode-moeder/{LIBRARY}/opsummering/": 1}
