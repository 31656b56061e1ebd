"""Gode møder (issue 7): strict CSV rows, exact sums on the pages and in the export, the CLI,
the sample marker, the privacy checks on notes, and charts that the sanitiser can allow."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import LIBRARY, run_cli, write
from rummelig.encounters.charts import ALLOWED_ELEMENTS
from rummelig.encounters.model import CATEGORIES
from rummelig.encounters.pages import number
from rummelig.names import find_names
from rummelig.pipeline import check_repository
from rummelig.render.all_pages import render_pages

HEADER = "date,category,count,note\n"
TODAY = date(2026, 6, 30)        # the build day in these tests; the 12 months are 2025-07-01 … 2026-06-30
OTHER = LIBRARY.replace("Testbiblioteket", "Andetbiblioteket")


def messages(root: Path) -> list[str]:
    return [p.format() for p in check_repository(root).problems]


def pages(root: Path, today: date = TODAY) -> dict[str, str]:
    checked = check_repository(root)
    assert not checked.problems.has_errors(), [p.format() for p in checked.problems]
    return {p.uri: p.content for p in render_pages(checked.repo, today)}


# -- strict rows with line numbers ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2026-01-05,samtale,1,\n",
     "encounters/testbib/2026.csv:1: filen mangler overskriftslinjen — første linje skal være præcis: "
     "date,category,count,note"),
    ("Date,Category,Count,Note\n",
     "encounters/testbib/2026.csv:1: overskriften er 'Date,Category,Count,Note' — første linje skal være præcis: "
     "date,category,count,note"),
    ("date,category,count\n2026-01-05,samtale,1\n",
     "encounters/testbib/2026.csv:1: overskriften er 'date,category,count' — første linje skal være præcis: "
     "date,category,count,note"),
    (HEADER + "2026-01-05,samtale\n",
     "encounters/testbib/2026.csv:2: rækken har 2 felter, men skal have 4 (date,category,count,note) — skriv fire "
     "felter adskilt af komma, fx 2026-11-20,samtale,1, og sæt noten i anførselstegn, hvis den indeholder et komma"),
    (HEADER + "\n2026-01-05,samtal,1,\n",
     "encounters/testbib/2026.csv:3: 'category' er 'samtal' — brug en af: samtale, hjaelp, deeskalering, henvisning, "
     "arrangement, andet (mente du 'samtale'?)"),
    (HEADER + "2026-01-05,samtale,0,\n",
     "encounters/testbib/2026.csv:2: 'count' er 0 — antallet skal være 1 eller større; slet rækken, hvis der ikke "
     "var nogen møder"),
    (HEADER + "2026-01-05,samtale,1.5,\n",
     "encounters/testbib/2026.csv:2: 'count' er '1.5', som ikke er et helt tal — skriv antallet som et helt tal uden "
     "mellemrum, fx 3, eller lad feltet stå tomt for 1"),
    (HEADER + "2026-01-05,samtale,-2,\n", "encounters/testbib/2026.csv:2: 'count' er '-2', som ikke er et helt tal"),
    (HEADER + "2026-02-30,samtale,1,\n",
     "encounters/testbib/2026.csv:2: 'date' er '2026-02-30', som ikke er en rigtig dato — februar 2026 har 28 dage"),
    (HEADER + "5/1/2026,samtale,1,\n",
     "encounters/testbib/2026.csv:2: 'date' er '5/1/2026', som ikke er en dato på formen ÅÅÅÅ-MM-DD"),
    (HEADER + ",samtale,1,\n", "encounters/testbib/2026.csv:2: 'date' mangler — skriv datoen, fx 2026-11-20"),
    (HEADER + "2025-12-31,samtale,1,\n",
     "encounters/testbib/2026.csv:2: datoen 2025-12-31 ligger ikke i 2026 — flyt rækken til "
     "encounters/testbib/2025.csv, eller ret datoen"),
    (HEADER + "2026-01-05,samtale,1,\"" + "x" * 201 + "\"\n",
     "encounters/testbib/2026.csv:2: 'note' er 201 tegn lang — en note må højst være 200 tegn; skriv kortere"),
    (HEADER + "2026-01-05,samtale,1,Han hedder Bent og kom igen\n",
     "encounters/testbib/2026.csv:2: noten ser ud til at indeholde et navn (efter et ord som 'hedder', ord nr. 3) — "
     "skriv en rolle i stedet for et navn, fx 'en gæst', 'en ung mand' eller 'en fast bruger'"),
    (HEADER + "2026-01-05,samtale,1,Ring til ham på 20 30 40 50\n",
     "encounters/testbib/2026.csv:2: noten indeholder et telefonnummer"),
    (HEADER + "2026-01-05,samtale,1,skriv til gaest@example.dk\n",
     "encounters/testbib/2026.csv:2: noten indeholder en e-mailadresse"),
    (HEADER + "2026-01-05,samtale,1,cpr 010190-1234\n",
     "encounters/testbib/2026.csv:2: linjen indeholder noget, der ligner et CPR-nummer"),
    (HEADER + '2026-01-05,samtale,1,"ikke lukket\n',
     "encounters/testbib/2026.csv:2: linjen kan ikke læses som CSV"),
])
def test_bad_rows_are_reported_with_file_and_line(repo, text, expected):
    write(repo, "encounters/testbib/2026.csv", text)
    found = messages(repo)
    assert any(m.startswith(expected) for m in found), found
    assert check_repository(repo).problems.has_errors()


def test_future_dates_are_refused(repo):
    tomorrow = date.today() + timedelta(days=1)
    write(repo, f"encounters/testbib/{tomorrow.year}.csv", HEADER + f"{tomorrow.isoformat()},samtale,1,\n")
    assert messages(repo) == [f"encounters/testbib/{tomorrow.year}.csv:2: datoen {tomorrow.isoformat()} ligger i "
                              "fremtiden — registrér kun møder, der har fundet sted; ret datoen"]


def test_unknown_library_folder(repo):
    write(repo, "encounters/testbibb/2026.csv", HEADER + "2026-01-05,samtale,1,\n")
    assert messages(repo) == ["encounters/testbibb/2026.csv: mappen 'testbibb' er ikke et bibliotek (mente du "
                              "'testbib'?) — læg filen i encounters/<bibliotek-id>/, hvor <bibliotek-id> er navnet på "
                              "en fil i libraries/ uden .yml"]


def test_valid_file_defaults_and_quoting(repo):
    write(repo, "encounters/testbib/2026.csv",
          HEADER + "2026-01-05,samtale,,\n\n2026-01-05,hjaelp,3,\"Hjalp med en blanket, og det gik godt.\"\n"
                   "2026-01-06,arrangement,12,\"Læsekreds med \"\"kaffe\"\"\"\n")
    checked = check_repository(repo)
    assert [p.format() for p in checked.problems] == []
    rows = checked.repo.encounters.rows("testbib")
    assert [(r.line, r.count, r.note) for r in rows] == [
        (2, 1, None), (4, 3, "Hjalp med en blanket, og det gik godt."), (5, 12, 'Læsekreds med "kaffe"')]


def test_privacy_names_heuristic_and_its_limits():
    def kinds(text: str) -> list[str]:
        return [f.problem for f in find_names(text)]

    assert kinds("Per dag kom der mange gæster.") == []                  # 'Per' at a sentence start is a word
    assert kinds("Vi hjalp Per med printeren.") != []                    # … and a name mid-sentence
    assert kinds("Peter kom og sagde tak.") != []
    assert kinds("Hun kaldes Lillemor af de andre.") != []               # after a trigger word, any name
    assert kinds("En gæst fra Aarhus fik hjælp til MitID hos SKP.") == []
    assert kinds("en gæst ved navn lillemor") == []                      # a limit: names in lower case pass


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


def test_export_equals_the_sums_of_the_rows(repo):
    rows = generated(repo)
    expected = Counter()
    for library, day, category, count in rows:
        expected[(library, f"{day:%Y-%m}", category)] += count
    result = run_cli("encounters", "export", "--format", "csv", cwd=repo)
    assert result.returncode == 0, result.stderr
    exported = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["library"], r["month"], r["category"]): int(r["count"]) for r in exported} == dict(expected)
    assert len(exported) == len(expected)

    result = run_cli("encounters", "export", "--format", "json", "--library", "andetbib",
                     "--from", "2025-12", "--to", "2026-01", cwd=repo)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    chosen = {k: v for k, v in expected.items() if k[0] == "andetbib" and "2025-12" <= k[1] <= "2026-01"}
    assert document["total"] == sum(chosen.values())
    assert {(r["library"], r["month"], r["category"]): r["count"] for r in document["rows"]} == chosen
    assert (document["from"], document["to"], document["library"]) == ("2025-12", "2026-01", "andetbib")


@pytest.mark.parametrize(("args", "expected"), [
    (["--format", "xml"], "rummelig: --format er 'xml' — brug csv eller json\n"),
    (["--from", "2026-13"], "rummelig: --from er '2026-13', som ikke er en måned — skriv ÅÅÅÅ-MM, fx 2026-01\n"),
    (["--from", "2026-05", "--to", "2026-01"], "rummelig: --from 2026-05 ligger efter --to 2026-01 — byt om på dem\n"),
    (["--library", "testbi"], "rummelig: biblioteket 'testbi' findes ikke (mente du 'testbib'?) — brug id'et på en "
                              "fil i libraries/ (filnavnet uden .yml), fx testbib\n"),
])
def test_export_refuses_bad_options(repo, args, expected):
    result = run_cli("encounters", "export", *args, cwd=repo)
    assert (result.returncode, result.stderr, result.stdout) == (1, expected, "")


def test_export_refuses_when_the_rows_have_errors(repo):
    write(repo, "encounters/testbib/2026.csv", HEADER + "2026-01-05,samtale,0,\n")
    result = run_cli("encounters", "export", cwd=repo)
    assert result.returncode == 1 and result.stdout == ""
    assert "encounters/testbib/2026.csv:2: 'count' er 0" in result.stderr
    assert "Traceback" not in result.stderr


# -- `rummelig encounters add` ---------------------------------------------------------------------

def test_add_creates_the_file_and_appends_valid_rows(repo):
    first = run_cli("encounters", "add", "testbib", "samtale", "--date", "2025-12-31", cwd=repo)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Registreret i encounters/testbib/2025.csv, linje 2: 1 × samtale den 2025-12-31.\n"
    second = run_cli("encounters", "add", "testbib", "hjaelp", "--count", "4", "--date", "2025-03-02",
                     "--note", "Hjalp med en blanket, og gæsten sagde tak.", cwd=repo)
    assert second.returncode == 0, second.stderr
    assert (repo / "encounters/testbib/2025.csv").read_text(encoding="utf-8") == (
        HEADER + "2025-12-31,samtale,1,\n2025-03-02,hjaelp,4,\"Hjalp med en blanket, og gæsten sagde tak.\"\n")
    today = run_cli("encounters", "add", "testbib", "andet", cwd=repo)
    assert today.returncode == 0
    assert (repo / f"encounters/testbib/{date.today().year}.csv").exists()
    assert messages(repo) == []


@pytest.mark.parametrize(("args", "expected"), [
    (["testbibb", "samtale"], "rummelig: biblioteket 'testbibb' findes ikke (mente du 'testbib'?)"),
    (["testbib", "snak"], "rummelig: kategorien er 'snak' — brug en af: samtale, hjaelp, deeskalering, henvisning, "
                          "arrangement, andet"),
    (["testbib", "samtale", "--count", "0"], "rummelig: --count er 0 — antallet skal være 1 eller større"),
    (["testbib", "samtale", "--count", "to"], "rummelig: --count er 'to', som ikke er et helt tal"),
    (["testbib", "samtale", "--date", "2026-02-29"], "rummelig: --date er '2026-02-29', som ikke er en rigtig dato"),
    (["testbib", "samtale", "--date", (date.today() + timedelta(days=1)).isoformat()], "ligger i fremtiden"),
    (["testbib", "samtale", "--note", "Hun hedder Lone"], "rummelig: --note: noten ser ud til at indeholde et navn"),
    (["testbib", "samtale", "--note", "Ring 20304050"], "rummelig: --note: noten indeholder et telefonnummer"),
    (["testbib", "samtale", "--note", "y" * 201], "rummelig: --note er 201 tegn lang"),
])
def test_add_refuses_invalid_input_and_writes_nothing(repo, args, expected):
    result = run_cli("encounters", "add", *args, cwd=repo)
    assert result.returncode == 1
    assert expected in result.stderr
    assert result.stderr.endswith("rummelig: intet er skrevet\n")
    assert "Traceback" not in result.stderr
    assert not list((repo / "encounters").rglob("*.csv"))


def test_add_refuses_to_append_to_a_broken_file(repo):
    write(repo, "encounters/testbib/2025.csv", HEADER + "2025-01-05,samtale\n")
    result = run_cli("encounters", "add", "testbib", "samtale", "--date", "2025-01-06", cwd=repo)
    assert result.returncode == 1
    assert "encounters/testbib/2025.csv:2: rækken har 2 felter" in result.stderr
    assert (repo / "encounters/testbib/2025.csv").read_text(encoding="utf-8") == HEADER + "2025-01-05,samtale\n"


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


def test_pages_without_any_registrations(repo):
    site = pages(repo)
    assert "Der er endnu ikke registreret gode møder på Testbiblioteket." in site["gode-moeder/testbib/index.md"]
    assert "Biblioteket har endnu ikke registreret gode møder." in site["biblioteker/testbib/index.md"]
    assert "<svg" not in site["gode-moeder/index.md"]
