"""Gode møder in a real browser (issue 7), on the project's own site (built once per session by
conftest.py): the SVG charts are visible in light and dark scheme and in print, the totals match
the rows of the CSV files, and the tally sheet and the summary print on one A4 page each."""

from __future__ import annotations

import csv
import re
from datetime import date

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


def test_a_table_wider_than_the_page_can_be_scrolled_from_the_keyboard(page: Page, site: Served):
    """The month-by-category tables scroll sideways inside Material's wrapper; a keyboard user could
    not reach the columns out of view (axe: scrollable-region-focusable; found in the QA pass)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.root + f"gode-moeder/{LIBRARY}/")
    wrappers = page.locator(".md-typeset__scrollwrap")
    scrolling = [wrappers.nth(i) for i in range(wrappers.count())
                 if wrappers.nth(i).evaluate("e => e.scrollWidth > e.clientWidth + 1")]
    assert scrolling
    for wrapper in scrolling:
        assert wrapper.get_attribute("tabindex") == "0" and wrapper.get_attribute("role") == "region"
        assert re.fullmatch(r"\d{4}: tabel, der kan rulles til siden", wrapper.get_attribute("aria-label") or "")
    scrolling[0].focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=scrolling[0].element_handle())
    assert scrolling[0].evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


def test_tally_sheet_and_summary_print_on_one_a4_page(browser: Browser, site: Served):
    printer = browser.new_page()  # no media emulation: pdf() uses the print style sheet
    counts = {}
    for uri in (f"gode-moeder/{LIBRARY}/optaellingsark/", f"gode-moeder/{LIBRARY}/opsummering/"):
        printer.goto(site.root + uri)
        counts[uri] = pdf_pages(printer.pdf(format="A4"))
    printer.close()
    assert counts == {f"gode-moeder/{LIBRARY}/optaellingsark/": 1, f"gode-moeder/{LIBRARY}/opsummering/": 1}


# -- "Skriv ugen ind": the filled-in tally sheet becomes the CSV rows, in the browser (issue 17) ----

ENTRY = f"gode-moeder/{LIBRARY}/skriv-ugen-ind/"


def fill(page: Page, category: str, day: str, value: str) -> None:
    page.get_by_label(f"{category}, {day}", exact=True).fill(value)


def test_week_entry_turns_the_sheet_into_rows_the_check_accepts(browser: Browser, site: Served):
    from rummelig.encounters.csvfile import HEADER, parse_encounters
    from rummelig.problems import Problems

    context = browser.new_context(locale="da-DK")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site.origin) else None)
    page.goto(site.root + ENTRY)
    assert "Skemaet kræver JavaScript" not in page.inner_text("article")  # the script replaced the fallback
    page.fill("#gm-monday", "2026-11-16")
    assert page.locator("table.gode-moeder-entry__counts thead th").all_inner_texts() == [
        "Kategori", "man 16/11", "tir 17/11", "ons 18/11", "tor 19/11", "fre 20/11", "lør 21/11", "søn 22/11"]
    fill(page, "Samtale", "mandag", "4")
    fill(page, "Henvisning", "tirsdag", "2")
    fill(page, "Hjælp", "søndag", "1")
    page.get_by_label("Note 1: dag").select_option("1")
    page.get_by_label("Note 1: kategori").select_option("henvisning")
    page.get_by_label("Note 1: hvad gik godt?").fill('En gæst blev fulgt til værestedet, og "tak" sagde hun.')
    rows = page.locator("textarea.gode-moeder-entry__rows")
    assert rows.count() == 1 and rows.get_attribute("data-file") == f"encounters/{LIBRARY}/2026.csv"
    written = rows.input_value()
    assert written == ("2026-11-16,samtale,4,\n"
                       "2026-11-17,henvisning,2,\"En gæst blev fulgt til værestedet, og \"\"tak\"\" sagde hun.\"\n"
                       "2026-11-22,hjaelp,1,\n")
    problems = Problems()  # the rows are what the check accepts, and add up to the marks
    parsed = parse_encounters(HEADER + "\n" + written, "x.csv", LIBRARY, 2026, date(2026, 11, 30), problems)
    assert not problems.has_errors() and sum(row.count for row in parsed.rows) == 7
    page.get_by_role("button", name="Kopiér rækkerne").click()
    page.get_by_text("Kopieret – sæt rækkerne ind nederst i filen.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == written

    fill(page, "Samtale", "onsdag", "tre")
    assert page.locator(".gode-moeder-entry__problems li").all_inner_texts() == [
        "Samtale, onsdag: 'tre' er ikke et helt tal – skriv antallet af streger, fx 3."]
    assert rows.count() == 0
    fill(page, "Samtale", "onsdag", "")
    page.get_by_label("Note 2: hvad gik godt?").fill("Ring til hende på 20 30 40 50")
    assert page.locator(".gode-moeder-entry__problems li").all_inner_texts() == [
        "Note 2 ser ud til at indeholde et nummer eller en e-mailadresse – skriv den uden."]
    page.get_by_label("Note 2: hvad gik godt?").fill("")
    assert outside == []
    context.close()


def test_week_entry_headings_go_down_one_level_at_a_time(page: Page, site: Served):
    """A screen reader lists the headings: the form's own were h3 right under the page's h1 (found in
    the QA pass; every other page of the site steps one level at a time)."""
    page.goto(site.root + ENTRY)
    page.get_by_label("Samtale, mandag", exact=True).wait_for()
    levels = page.evaluate("[...document.querySelectorAll('article h1, article h2, article h3, article h4')]"
                           ".map(h => h.tagName + ' ' + h.textContent.trim())")
    assert levels == ["H1 Skriv ugen ind – Dokk1 – Aarhus Bibliotekerne", "H2 Korte noter (valgfrit)",
                      "H2 Rækkerne til filen", "H2 Sådan kommer rækkerne ind i filen"]


def test_week_entry_shows_keyboard_focus_on_its_lists_as_on_its_fields(page: Page, site: Served):
    """The notes' day and category lists got the browser's 1 px outline, not the site's 3 px amber
    one its fields and links have (rummelig.css named inputs, not select; found in the QA pass)."""
    page.goto(site.root + ENTRY)
    day = page.get_by_label("Note 1: dag")
    page.get_by_label("Andet, søndag", exact=True).focus()
    for _ in range(10):
        if page.evaluate("document.activeElement.tagName") == "SELECT":
            break
        page.keyboard.press("Tab")
    assert day.evaluate("e => e === document.activeElement")
    outline = day.evaluate("e => { const s = getComputedStyle(e); "
                           "return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
    assert outline == ["solid", "3px", "rgb(245, 183, 0)"]


def test_week_entry_splits_a_week_across_new_year_into_two_files(page: Page, site: Served):
    page.goto(site.root + ENTRY)
    page.fill("#gm-monday", "2025-12-29")
    fill(page, "Samtale", "mandag", "2")
    fill(page, "Deeskalering", "søndag", "1")
    rows = page.locator("textarea.gode-moeder-entry__rows")
    assert [rows.nth(i).get_attribute("data-file") for i in range(rows.count())] == [
        f"encounters/{LIBRARY}/2025.csv", f"encounters/{LIBRARY}/2026.csv"]
    assert [rows.nth(i).input_value() for i in range(2)] == ["2025-12-29,samtale,2,\n", "2026-01-04,deeskalering,1,\n"]
    page.fill("#gm-monday", "2025-12-30")
    assert "Tirsdag den 30. december er ikke en mandag – vælg mandagen i ugen på arket." in \
        page.locator(".gode-moeder-entry__problems").inner_text()


def test_week_entry_fits_a_phone_without_sideways_scrolling(browser: Browser, site: Served):
    """On a 390 px phone the week's table fits the screen: every day's field can be reached and
    the page never scrolls sideways (found in the QA pass: the page was 556 px wide)."""
    context = browser.new_context(locale="da-DK", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(site.root + ENTRY)
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    fields = page.locator("table.gode-moeder-entry__counts input")
    assert fields.count() == 6 * 7
    right_edges = fields.evaluate_all("inputs => inputs.map(i => i.getBoundingClientRect().right)")
    assert max(right_edges) <= 390
    fill(page, "Andet", "søndag", "2")  # the last field, typed into as on the desktop
    assert page.locator("textarea.gode-moeder-entry__rows").input_value().endswith(",andet,2,\n")
    context.close()
