"""The "Ring til" box of a playbook shows the lines its own text tells staff to call, and only
those: a partner of one of the playbook's types is shown unless it names other situations
(`situations`, contract §5.3). All helplines share one type, so without it the psychiatric-crisis
page offered the poison line (found in the QA pass); and the three playbooks that tell staff to call
Giftlinjen (akut-sygdom also the lægevagt) showed neither until "helpline" was one of their types."""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from pathlib import Path

import pytest

from rummelig.pipeline import check_repository
from rummelig.site import build_site
from tests.support import PROJECT, STRATEGY, write

TODAY = date(2026, 12, 1)
POISON_LINE_PAGES = ["strategier/akut-sygdom-og-overdosis.md", "strategier/paavirket-af-rusmidler.md",
                     "strategier/stoffer-paa-biblioteket-og-naloxon.md"]


def _call_box(page: str) -> str:
    """The rows of the page's "Ring til" box (the indented lines after its header); "" without one."""
    lines = page.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith('!!! rb-call "Ring til')), None)
    if start is None:
        return ""
    box = []
    for line in lines[start + 1:]:
        if line and not line.startswith("    "):
            break
        box.append(line)
    return "\n".join(box)


def _boxes(root: Path, library: str | None = None) -> dict[str, str]:
    result = build_site(root, TODAY, library)
    assert not result.problems.has_errors(), [p.format() for p in result.problems.errors]
    return {page.uri: _call_box(page.content) for page in result.pages if page.uri.startswith("strategier/")}



@functools.cache
def _project_boxes(library: str | None) -> dict[str, str]:
    """The project's boxes, one build per edition for every test here."""
    return _boxes(PROJECT, library)

def _line(name: str, phone: str, situations: str | None) -> str:
    listed = f"situations: {situations}\n" if situations else ""
    return (f"name: {name}\ntype: helpline\ndescription: En telefonlinje.\nhelps_with: [en samtale]\n"
            f"when_to_contact:\n  - En gæst har brug for at tale med nogen.\ncontact:\n  phone: \"{phone}\"\n"
            f"{listed}status: udkast\n")


def test_a_line_shows_only_on_the_situations_it_names_and_one_without_on_all(repo):
    write(repo, "strategies/en-gaest-sover.md", STRATEGY.replace("[drop-in-centre, night-shelter]", "[helpline]"))
    write(repo, "strategies/en-gaest-er-ked-af-det.md",
          STRATEGY.replace("title: En gæst sover", "title: En gæst er ked af det")
          .replace("[drop-in-centre, night-shelter]", "[helpline]").replace("onboarding: 1\n", ""))
    write(repo, "partners/hele-landet/sovelinjen.yml", _line("Sovelinjen", "70 11 22 33", "[en-gaest-sover]"))
    write(repo, "partners/hele-landet/snakkelinjen.yml", _line("Snakkelinjen", "70 11 22 44", None))
    boxes = _boxes(repo)
    sleeping, sad = boxes["strategier/en-gaest-sover.md"], boxes["strategier/en-gaest-er-ked-af-det.md"]
    assert "Sovelinjen" in sleeping and "Snakkelinjen" in sleeping
    assert "Sovelinjen" not in sad and "Snakkelinjen" in sad


def test_the_api_gives_each_partners_situations_and_null_for_every_situation(repo):
    """Another intranet tool that shows whom to call on a situation needs the same choice the box
    makes (api/partners.json had no `situations`; an added field keeps the version, docs-dev/api.md)."""
    write(repo, "partners/hele-landet/sovelinjen.yml", _line("Sovelinjen", "70 11 22 33", "[en-gaest-sover]"))
    write(repo, "partners/hele-landet/snakkelinjen.yml", _line("Snakkelinjen", "70 11 22 44", None))
    result = build_site(repo, TODAY)
    api = json.loads(next(page.content for page in result.pages if page.uri == "api/partners.json"))
    assert api["version"] == 2
    assert {item["id"]: item["situations"] for item in api["items"]} == {
        "sovelinjen": ["en-gaest-sover"], "snakkelinjen": None, "vaerestedet": None}


@pytest.mark.parametrize("library", [None, "aalborg-bibliotekerne", "dokk1", "vesterbro-bibliotek"])
def test_the_psychiatric_crisis_box_has_livslinien_and_not_the_poison_or_violence_lines(library):
    boxes = _project_boxes(library)
    crisis = boxes["strategier/psykisk-krise.md"]
    assert "Livslinien" in crisis, crisis
    assert "Giftlinjen" not in crisis and "Lev Uden Vold" not in crisis and "Alkolinjen" not in crisis, crisis
    # Each nationwide line is offered only where it helps.
    for uri, box in boxes.items():
        if "Giftlinjen" in box:
            assert uri in {"strategier/akut-sygdom-og-overdosis.md", "strategier/paavirket-af-rusmidler.md",
                           "strategier/stoffer-paa-biblioteket-og-naloxon.md"}, uri
        if "Lev Uden Vold" in box or "BørneTelefonen" in box:
            assert uri in {"strategier/bekymring-for-boern-og-unge.md",
                           "strategier/boern-alene-paa-biblioteket.md"}, uri


@pytest.mark.parametrize("library", [None, "aalborg-bibliotekerne", "dokk1", "vesterbro-bibliotek"])
def test_the_playbooks_that_say_call_the_poison_line_show_it_in_their_box(library):
    boxes = _project_boxes(library)
    for uri in POISON_LINE_PAGES:
        assert "Giftlinjen" in boxes[uri] and "82 12 12 12" in boxes[uri], (uri, boxes[uri])
    if library:  # a library's edition also shows its region's medical helpline on the acute page
        box = boxes["strategier/akut-sygdom-og-overdosis.md"]
        assert "Lægevagten i Region" in box or "Akuttelefonen 1813" in box, box


REGIONAL = ("Lægevagten i Region", "Akuttelefonen 1813", "Akuttelefonen 1818")
REGIONAL_LINE_PAGES = {"strategier/akut-sygdom-og-overdosis.md", "strategier/psykisk-krise.md",
                       "strategier/ensomhed-og-aeldre.md", "strategier/kulde-vinter-og-lukkedage.md",
                       "strategier/henvisning-til-partnere.md", "strategier/sprogbarrierer-og-hjemloese-migranter.md"}
NAMES_THE_REGIONAL_LINE = re.compile(r"lægevagt|akuttelefon", re.IGNORECASE)


def test_the_pages_with_the_regional_line_are_those_whose_text_says_to_call_it():
    """The cold-weather page said "ring til … regionens lægevagt" under "Hent hjælp", and its box
    never showed the line: no regional line listed it in `situations`, and the page did not name
    `helpline` among its types. The set above is the one the pages' own text gives."""
    repo = check_repository(PROJECT).repo
    naming = set()
    for record in repo.strategies.values():
        get_help = re.split(r"^## ", record.body.split("\n## Hent hjælp\n", 1)[-1], maxsplit=1, flags=re.M)[0]
        if record.model.kind == "situation" and NAMES_THE_REGIONAL_LINE.search(get_help):
            naming.add(f"strategier/{record.id}.md")
    assert naming == REGIONAL_LINE_PAGES


def test_the_cold_weather_page_shows_its_regions_lægevagt_in_its_box():
    box = _project_boxes("dokk1")["strategier/kulde-vinter-og-lukkedage.md"]
    assert ("[70 11 31 31](tel:+4570113131){ .rb-phone } [**Lægevagten i Region Midtjylland**]"
            "(../partnere/region-midtjylland/index.md#laegevagten-region-midtjylland)") in box
    assert "1813" not in box  # Copenhagen's number is not Aarhus'
    assert "Akuttelefonen 1813" in _project_boxes("vesterbro-bibliotek")["strategier/kulde-vinter-og-lukkedage.md"]


@pytest.mark.parametrize("library", ["aalborg-bibliotekerne", "dokk1", "vesterbro-bibliotek"])
def test_the_regions_line_shows_where_the_playbook_says_to_call_it_and_nowhere_else(library):
    """The lægevagt lines named no situations, so an edition offered the lægevagt in every box that
    asks for helplines: on the children's, the sexual-harassment and the drug-finding pages, which
    never mention it. Now only the pages whose "Hent hjælp" says to call it (docs-dev/content-sources.md)."""
    boxes = _project_boxes(library)
    showing = {uri for uri, box in boxes.items() if any(name in box for name in REGIONAL)}
    assert showing == REGIONAL_LINE_PAGES
