"""encounters/pages.py: exact sums on the pages, the sample marker, charts and the tally sheet
(issue 7)."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

from rummelig.encounters.charts import ALLOWED_ELEMENTS
from rummelig.encounters.model import CATEGORIES, NOTE_MAX
from rummelig.encounters.pages import number
from tests.encounters.sample import HEADER, OTHER, generated, in_window, pages
from tests.support import messages, write

# -- the sample marker -----------------------------------------------------------------------------

def test_sample_marker_marks_the_pages(repo):
    write(repo, "encounters/testbib/2026.csv", HEADER + "2026-01-05,samtale,2,\n")
    write(repo, "encounters/testbib/eksempel.yml", "example: true\n")
    site = pages(repo)
    assert '!!! warning "Eksempeldata"' in site["gode-moeder/testbib/index.md"]
    assert '!!! warning "Eksempeldata"' in site["gode-moeder/testbib/opsummering.md"]
    assert "Tallene for Testbiblioteket er eksempeldata" in site["gode-moeder/index.md"]
    assert "*eksempeldata*" in site["biblioteker/testbib/index.md"]
    write(repo, "encounters/testbib/eksempel.yml", "example: false\n")
    assert "Eksempeldata" not in pages(repo)["gode-moeder/testbib/index.md"]
    write(repo, "encounters/testbib/eksempel.yml", "example: ja\n")
    assert messages(repo) == ["encounters/testbib/eksempel.yml:1: 'example' er 'ja' — skriv true eller false"]


def test_a_librarys_first_registration_is_one_good_encounter_on_one_library(repo):
    # A library that joins writes its first row: every page said "1 gode møder", and the overview
    # of a library's own edition (always one library) "på 1 biblioteker".
    write(repo, "encounters/testbib/2026.csv", HEADER + "2026-06-29,samtale,1,\n")
    site = pages(repo)
    assert ("**I alt 1 godt møde** er registreret på 1 bibliotek fra 29. juni 2026 til 29. juni 2026"
            in site["gode-moeder/index.md"])
    assert "**I alt 1 godt møde** er registreret fra 29. juni 2026" in site["gode-moeder/testbib/index.md"]
    assert ("**1 godt møde de seneste 12 måneder** (1. juli 2025 – 30. juni 2026). I alt 1 godt møde siden"
            in site["gode-moeder/testbib/opsummering.md"])
    assert "**1 godt møde de seneste 12 måneder** (1. juli 2025 – 30. juni 2026) · 1 i alt" in site[
        "biblioteker/testbib/index.md"]
    assert "I alt 1 godt møde fra 1. juli 2025 til 30. juni 2026." in site["gode-moeder/testbib/index.md"]
    assert not re.search(r"(?<![\d.])1 gode møder", "\n".join(site.values()))
    write(repo, "libraries/andetbib.yml", OTHER)
    write(repo, "encounters/andetbib/2026.csv", HEADER + "2026-06-29,hjaelp,2,\n")
    assert "**I alt 3 gode møder** er registreret på 2 biblioteker" in pages(repo)["gode-moeder/index.md"]


def test_page_totals_equal_the_sums_of_the_rows(repo):
    rows = generated(repo)
    site = pages(repo)
    total = sum(r[3] for r in rows)
    total_12 = sum(r[3] for r in rows if in_window(r[1]))
    overview = site["gode-moeder/index.md"]
    assert f"**I alt {number(total)} gode møder**" in overview
    assert f"**{number(total_12)} de seneste 12 måneder** (1. juli 2025 – 30. juni 2026)" in overview
    assert f"| **Alle biblioteker** | **{number(total_12)}** | **{number(total)}** | |" in overview
    for library in ("testbib", "andetbib"):
        mine = [r for r in rows if r[0] == library]
        page = site[f"gode-moeder/{library}/index.md"]
        assert f"**I alt {number(sum(r[3] for r in mine))} gode møder**" in page
        for key, label in CATEGORIES.items():
            last12 = sum(r[3] for r in mine if r[2] == key and in_window(r[1]))
            everything = sum(r[3] for r in mine if r[2] == key)
            row = rf"^\| {label} \| [^|]+ \| {re.escape(number(last12))} \| {re.escape(number(everything))} \|$"
            assert re.search(row, page, re.M), (library, key)
        months = Counter()
        for r in mine:
            months[(r[1].year, r[1].month)] += r[3]
        assert re.search(r"^\| juli 2025 \| " + re.escape(number(months[(2025, 7)])) + r" \|$", page, re.M)
        assert f"| juni 2026 (til og med 30. juni 2026) | {number(months[(2026, 6)])} |" in page
        assert f"| **I alt** | **{number(sum(r[3] for r in mine if in_window(r[1])))}** |" in page
        for year in (2024, 2025, 2026):
            year_total = number(sum(r[3] for r in mine if r[1].year == year))
            assert f"**{year_total}** |\n" in page.split(f"| **I alt {year}** |")[1]
        summary = site[f"gode-moeder/{library}/opsummering.md"]
        assert f"**{number(sum(r[3] for r in mine if in_window(r[1])))} gode møder de seneste 12 måneder**" in summary
        assert f"I alt {number(sum(r[3] for r in mine))} gode møder" in summary
        assert f"{number(sum(r[3] for r in mine))} i alt" in site[f"biblioteker/{library}/index.md"]


# -- pages and charts ----------------------------------------------------------------------------------

def test_pages_charts_and_tally_sheet(repo):
    generated(repo)
    site = pages(repo)
    assert {"gode-moeder/index.md", "gode-moeder/vejledning.md", "gode-moeder/testbib/index.md",
            "gode-moeder/testbib/optaellingsark.md", "gode-moeder/testbib/opsummering.md"} <= set(site)
    page = site["gode-moeder/testbib/index.md"]
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 2
    for svg in svgs:
        tree = ET.fromstring(svg)
        tags = {element.tag.split("}")[1] for element in tree.iter()}
        assert tags <= ALLOWED_ELEMENTS
        assert tree.get("role") == "img"
        ids = {e.get("id") for e in tree.iter() if e.get("id")}
        assert set(tree.get("aria-labelledby").split()) == ids and len(ids) == 2
        assert "script" not in svg and "style=" not in svg and "http://" not in svg.replace(
            'xmlns="http://www.w3.org/2000/svg"', "")
    sheet = site["gode-moeder/testbib/optaellingsark.md"]
    assert sheet.count("<th scope=\"row\">") == len(CATEGORIES)
    assert "<th scope=\"col\">Man</th>" in sheet and "<th scope=\"col\">Søn</th>" in sheet
    guide = site["gode-moeder/vejledning.md"]
    assert "date,category,count,note" in guide and "1. juli 2025 – 30. juni 2026" in guide
    # The front desk types the sheet into the site, not into a command line (issue 17).
    assert "rummelig encounters add" not in sheet
    assert "[Skriv ugen ind](../skriv-ugen-ind/)" in sheet or "[Skriv ugen ind](skriv-ugen-ind.md)" in sheet
    assert "- [Skriv ugen ind for Testbiblioteket](testbib/skriv-ugen-ind.md)" in guide
    entry = site["gode-moeder/testbib/skriv-ugen-ind.md"]
    found = re.search(r'<div class="gode-moeder-entry" id="gode-moeder-entry" data-entry="([^"]*)" markdown>', entry)
    assert found
    data = json.loads(html.unescape(found.group(1)))
    assert data == {"library": "testbib", "header": "date,category,count,note", "noteMax": NOTE_MAX,
                    "file": "encounters/testbib/{year}.csv",
                    "categories": [{"key": key, "label": label} for key, label in CATEGORIES.items()]}
    assert "Intet bliver sendt nogen steder hen" in entry and "Skemaet kræver JavaScript" in entry


def test_pages_without_any_registrations(repo):
    site = pages(repo)
    assert "Der er endnu ikke registreret gode møder på Testbiblioteket." in site["gode-moeder/testbib/index.md"]
    assert "Biblioteket har endnu ikke registreret gode møder." in site["biblioteker/testbib/index.md"]
    assert "<svg" not in site["gode-moeder/index.md"]


def test_a_librarys_edition_never_calls_its_own_numbers_all_libraries(repo):
    """The overview of a library's edition holds that library's rows only, yet its table ended
    with "Alle biblioteker" (the same numbers again) and its charts said "alle biblioteker": a
    manager showing the edition to the municipality presented one library's count as everyone's."""
    from datetime import date

    from rummelig.site import build_site

    rows = generated(repo)
    result = build_site(repo, date(2026, 12, 1), "testbib")  # a build checks the fixtures' review dates
    assert not result.problems.has_errors(), [p.format() for p in result.problems.errors]
    site = {page.uri: page.content for page in result.pages}
    overview, own = site["gode-moeder/index.md"], site["gode-moeder/testbib/index.md"]
    mine = [r for r in rows if r[0] == "testbib"]
    assert f"**I alt {number(sum(r[3] for r in mine))} gode møder** er registreret på 1 bibliotek" in overview
    assert "alle biblioteker" not in overview.lower() and "Alle biblioteker" not in own
    assert "Gode møder pr. måned de seneste 12 måneder – Testbiblioteket" in overview
    assert "[Oversigten](../index.md)" in own
    national = pages(repo)["gode-moeder/index.md"]
    assert "| **Alle biblioteker** |" in national and "– alle biblioteker" in national
