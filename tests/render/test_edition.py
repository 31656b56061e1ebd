"""Each library's own edition, whom to call where it is needed, and honest provenance on the
pages (issue 12). Pages are rendered from real repositories through the core, as the build does."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from rummelig.contact_card import MAX_ROWS, card
from rummelig.edition import unknown_library
from rummelig.pipeline import check_repository
from rummelig.site import build_site
from tests.support import LIBRARY, PARTNER, PROJECT, STRATEGY, write

TODAY = date(2026, 11, 30)

PSYCHIATRY = """\
name: Psykiatrisk akutmodtagelse i Aarhus
type: psychiatric-emergency
description: Psykiatrisk skadestue for voksne i akut psykisk krise.
helps_with: [akut psykisk krise]
when_to_contact:
  - En gæst er i akut psykisk krise.
contact:
  phone: "78 47 00 00"
last_verified: 2026-11-20
verified_by: {library}
status: godkendt
approved_by: Bibliotekets leder
approved_on: 2026-11-20
"""


def _library(name: str, municipality: str, street: str) -> str:
    return (LIBRARY.replace("Testbiblioteket", name).replace("municipality: aarhus", f"municipality: {municipality}")
            .replace("Testvej 1", street).replace("+45 89 40 92 00", "+45 33 11 22 33"))


@pytest.fixture
def two_towns(repo: Path) -> Path:
    """testbib in Aarhus (with a verified psychiatric emergency), aalbib in Aalborg (with its own),
    a region's line for each region, and the two nationwide akut numbers."""
    write(repo, "libraries/aalbib.yml", _library("Aalborgbiblioteket", "aalborg", "Aalborgvej 1"))
    write(repo, "partners/aarhus/psykiatrien-aarhus.yml", PSYCHIATRY.format(library="testbib"))
    write(repo, "partners/aalborg/psykiatrien-aalborg.yml",
          PSYCHIATRY.format(library="aalbib").replace("Aarhus", "Aalborg").replace("78 47 00 00", "97 64 30 00"))
    for region, name, phone in (("region-midtjylland", "Lægevagten i Region Midtjylland", "70 11 31 31"),
                                ("region-nordjylland", "Lægevagten i Region Nordjylland", "70 15 03 00"),
                                ("region-hovedstaden", "Akuttelefonen 1813", "1813")):
        write(repo, f"partners/{region}/{region}-linje.yml",
              f"name: {name}\ntype: helpline\ndescription: Akut sygdom, der ikke er livstruende.\n"
              f"helps_with: [akut sygdom]\nwhen_to_contact:\n  - En gæst er syg, og det er ikke livstruende.\n"
              f"contact:\n  phone: \"{phone}\"\nstatus: udkast\n")
    for name, phone in (("Alarm 112", "112"), ("Politiet 114", "114")):
        write(repo, f"partners/hele-landet/{phone}.yml",
              f"name: {name}\ntype: other\ndescription: Alarm.\nhelps_with: [hjælp]\nwhen_to_contact:\n"
              f"  - Fare.\ncontact:\n  phone: \"{phone}\"\nstatus: udkast\n")
    write(repo, "strategies/en-gaest-sover.md",
          STRATEGY.replace("partner_types: [drop-in-centre, night-shelter]",
                           "partner_types: [psychiatric-emergency, helpline]")
          .replace("tags: [hjemløshed]", "tags: [hjemløshed]\nfirst_steps:\n  - Gå roligt hen til gæsten.\n"
                   "  - Ring 112, hvis gæsten ikke kan vækkes."))
    checked = check_repository(repo, TODAY)
    assert [p.format() for p in checked.problems] == []
    return repo


def _pages(root: Path, library: str | None = None) -> dict[str, str]:
    result = build_site(root, TODAY, library)
    assert not result.problems.has_errors(), [p.format() for p in result.problems.errors]
    return {page.uri: page.content for page in result.pages}


def test_an_edition_has_its_own_municipality_and_nothing_of_others(two_towns):
    pages = _pages(two_towns, "testbib")
    assert "partnere/aarhus/index.md" in pages and "partnere/region-midtjylland/index.md" in pages
    assert not [uri for uri in pages if "aalborg" in uri or "aalbib" in uri or "nordjylland" in uri
                or "hovedstaden" in uri]
    everything = "\n".join(pages.values())
    assert "97 64 30 00" not in everything and "Aalborgbiblioteket" not in everything
    assert "70 15 03 00" not in everything and "1813" not in everything
    national = _pages(two_towns)
    assert "partnere/aalborg/index.md" in national and "biblioteker/aalbib/index.md" in national


def test_the_playbook_shows_the_verified_local_number_right_after_the_first_steps(two_towns):
    page = _pages(two_towns, "testbib")["strategier/en-gaest-sover.md"]
    body = page.split("---\n", 2)[2]
    steps, help_box = body.index('!!! rb-now "Gør dette nu"'), body.index('!!! rb-call "Ring til – Testbiblioteket"')
    assert steps < help_box < body.index("## Situationen")
    assert "[78 47 00 00](tel:+4578470000){ .rb-phone } [**Psykiatrisk akutmodtagelse i Aarhus**]" in body
    assert body.index("78 47 00 00") < body.index("## Situationen")
    assert "97 64 30 00" not in body  # Aalborg's number is never shown in Aarhus


def test_without_an_edition_no_local_number_is_shown_on_a_playbook(two_towns):
    page = _pages(two_towns)["strategier/en-gaest-sover.md"]
    assert "78 47 00 00" not in page and "97 64 30 00" not in page and "Gør dette nu" in page


@pytest.mark.parametrize(("library", "line", "absent"), [
    ("testbib", "70 11 31 31", ("1813", "70 15 03 00")),
    ("aalbib", "70 15 03 00", ("1813", "70 11 31 31")),
])
def test_each_card_shows_its_own_regions_line_and_never_1813_elsewhere(two_towns, library, line, absent):
    page = _pages(two_towns)[f"biblioteker/{library}/kontaktkort.md"]
    assert page.count(line) == 1
    for other in absent:
        assert other not in page


def test_112_and_114_are_the_akut_box_not_rows(two_towns):
    page = _pages(two_towns)["biblioteker/testbib/kontaktkort.md"]
    assert "Alarm 112" not in page and "Politiet 114" not in page
    assert "ring [112](tel:112)" in page and "[114](tel:114)" in page


def test_a_copenhagen_library_shows_1813_once(two_towns):
    write(two_towns, "libraries/kbhbib.yml", _library("Københavnerbiblioteket", "koebenhavn", "Kbhvej 1"))
    page = _pages(two_towns)["biblioteker/kbhbib/kontaktkort.md"]
    assert len(re.findall(r"\[1813\]\(tel:1813\)", page)) == 1 and "70 11 31 31" not in page


def test_the_card_is_bounded_whatever_the_municipality_holds(two_towns):
    for number in range(40):
        write(two_towns, f"partners/aarhus/partner-{number:02d}.yml",
              PARTNER.replace("Værestedet i Testby", f"Partner nummer {number}")
              .replace("70 20 12 01", f"70 20 {12 + number // 100:02d} {10 + number:02d}")
              .replace("example: true", "status: udkast").replace("type: drop-in-centre", "type: other"))
    repo = check_repository(two_towns, TODAY).repo
    the_card = card(repo, "testbib")
    assert len(the_card.rows) <= MAX_ROWS
    # the default is one verified partner per type: 40 more of one type add one row
    assert [r.id for r in the_card.local] == ["psykiatrien-aarhus", "partner-00"]


def test_a_chosen_card_that_is_too_long_is_cut_with_a_warning_naming_the_rows(two_towns):
    ids = []
    for number in range(MAX_ROWS):
        ids.append(f"p{number:02d}")
        write(two_towns, f"partners/aarhus/p{number:02d}.yml",
              PARTNER.replace("Værestedet i Testby", f"Partner {number}").replace("example: true", "status: udkast")
              .replace("70 20 12 01", f"70 20 30 {10 + number:02d}"))
    path = two_towns / "libraries/testbib.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"contact_card: [{', '.join(ids)}]\n", encoding="utf-8")
    checked = check_repository(two_towns, TODAY)
    the_card = card(checked.repo, "testbib")
    assert len(the_card.rows) == MAX_ROWS
    dropped = [r.id for r in the_card.dropped]
    assert dropped == ["region-midtjylland-linje"]  # the chosen rows come first
    warnings = [p.format() for p in checked.problems.warnings if p.code == "rules.card-too-long"]
    assert warnings == [f"libraries/testbib.yml:18: advarsel: kontaktkortet har {MAX_ROWS + 1} rækker, men kun "
                        f"{MAX_ROWS} kan stå på én A4-side — skriv færre partnere i contact_card; nu står disse ikke "
                        f"på kortet: {', '.join(dropped)}"]


def test_an_unknown_edition_stops_with_a_danish_message(two_towns):
    result = build_site(two_towns, TODAY, "testbibb")
    assert result.pages == []
    assert [p.format() for p in result.problems.errors] == [
        "mkdocs.yml: LIBRARY er sat til 'testbibb', men der er intet bibliotek med det id (mente du 'testbib'?) — "
        "brug et af id'erne i libraries/: aalbib, testbib, fx 'make site LIBRARY=testbib', eller byg uden LIBRARY "
        "for den nationale udgave"]


def test_an_unknown_edition_among_many_libraries_points_to_the_folder():
    ids = [f"b{n:03d}" for n in range(100)]
    assert [p.format() for p in unknown_library(ids, "hovedbiblioteket")] == [
        "mkdocs.yml: LIBRARY er sat til 'hovedbiblioteket', men der er intet bibliotek med det id — brug id'et på "
        "en af de 100 filer i libraries/ (filnavnet uden .yml), fx 'make site LIBRARY=b000', eller byg "
        "uden LIBRARY for den nationale udgave"]
    assert not unknown_library(ids, "b042")


def test_the_front_page_leads_with_situations_and_in_an_edition_with_the_card(two_towns):
    national = _pages(two_towns)["index.md"]
    assert national.index("## Står du i en situation lige nu?") < national.index("## Ny her?") \
        < national.index("## Hvem ringer jeg til?") < national.index("## Om Det rummelige bibliotek")
    assert "[**En gæst sover**](strategier/en-gaest-sover.md)" in national
    edition = _pages(two_towns, "testbib")["index.md"]
    assert edition.index("70 11 31 31") < edition.index("## Står du i en situation lige nu?")
    assert "[Hele kontaktkortet](biblioteker/testbib/kontaktkort.md)" in edition


def test_only_the_national_edition_offers_to_remember_my_library(two_towns):
    national = _pages(two_towns)
    assert '<div class="rb-mine" data-library="testbib" data-name="Testbiblioteket"></div>' \
        in national["biblioteker/testbib/kontaktkort.md"]
    assert '<div class="rb-mine-home" data-lines="4"></div>' in national["index.md"]
    edition = _pages(two_towns, "testbib")
    assert "rb-mine" not in edition["biblioteker/testbib/kontaktkort.md"] and "rb-mine" not in edition["index.md"]


def test_a_sample_librarys_house_rules_never_print_as_its_own(two_towns):
    path = two_towns / "libraries/testbib.yml"
    path.write_text(path.read_text(encoding="utf-8") + "status: eksempel\n", encoding="utf-8")
    pages = _pages(two_towns)
    poster = pages["biblioteker/testbib/husregler.md"].split("---\n", 2)[2].lstrip()
    assert poster.startswith("# Eksempel på husregler\n\nEt eksempel fra redaktionen bag Det rummelige bibliotek – "
                             "ikke bibliotekets egne regler (Testbiblioteket).")
    assert "# Husregler på Testbiblioteket" not in poster
    assert "## Eksempel på husregler" in pages["biblioteker/testbib/index.md"]


def test_a_sample_library_that_joins_is_not_said_to_be_in_the_article(two_towns):
    """Every sample profile said its way of working "bygger på artiklen … Danmarks Biblioteker nr.
    5/6 2024" – true of the three libraries the article is about (their own `approach_note` says so),
    false of a library that joins with a sample profile (found in the QA pass)."""
    path = two_towns / "libraries/testbib.yml"
    path.write_text(path.read_text(encoding="utf-8") + "status: eksempel\n", encoding="utf-8")
    profile = _pages(two_towns, "testbib")["biblioteker/testbib/index.md"]
    assert ("*Profilen er et eksempel fra redaktionen: husreglerne og kortet er ikke bibliotekets egne.*\n"
            in profile)
    assert "Danmarks Biblioteker" not in profile


def test_a_sample_librarys_contact_card_says_it_is_a_sample_on_screen_and_in_print(two_towns):
    """The card is what hangs at the desk: a sample profile's card said nothing of being a sample
    and printed "Kortet er sidst gennemgået …" under the library's name (found in the QA pass)."""
    path = two_towns / "libraries/testbib.yml"
    own = _pages(two_towns)["biblioteker/testbib/kontaktkort.md"]
    assert "eksempel" not in own.lower()
    assert "Udskrevet fra Det rummelige bibliotek. Kortet er sidst gennemgået 1. november 2026." in own
    path.write_text(path.read_text(encoding="utf-8") + "status: eksempel\n", encoding="utf-8")
    sample = _pages(two_towns)["biblioteker/testbib/kontaktkort.md"].split("---\n", 2)[2].lstrip()
    assert sample.startswith("# Hvem ringer jeg til? – Testbiblioteket\n\n*Et eksempel fra redaktionen bag Det "
                             "rummelige bibliotek – ikke bibliotekets eget kort.*\n")
    assert "Udskrevet fra Det rummelige bibliotek. Eksemplet er sidst gennemgået 1. november 2026." in sample
    # The edition's front page leads with the card: it says so there too.
    note = "*Bibliotekets profil, kort og husregler er et eksempel fra redaktionen – ikke bibliotekets egne.*"
    assert note in _pages(two_towns, "testbib")["index.md"]
    assert note not in _pages(two_towns, "aalbib")["index.md"]


def test_a_library_in_a_municipality_without_partners_is_not_sent_to_its_partners(repo):
    """A library joins from a municipality nobody has added partners for: "Se alle partnere i
    Vejle" went to the list of all partners, where Vejle has none (found in the QA pass)."""
    write(repo, "libraries/vejlebib.yml", _library("Vejlebiblioteket", "vejle", "Vejlevej 1"))
    pages = _pages(repo, "vejlebib")
    card, profile = pages["biblioteker/vejlebib/kontaktkort.md"], pages["biblioteker/vejlebib/index.md"]
    assert ("*Ingen lokale partnere på kortet endnu: der er ingen partnere i Vejle i vidensbasen endnu.* Se "
            "[alle partnere](../../partnere/index.md).") in card
    assert ("Biblioteket har endnu ingen partnere registreret. Der er ingen partnere i Vejle i vidensbasen endnu – "
            "sådan tilføjer I en, står under **Bidrag**. Se også [alle partnere](../../partnere/index.md).") in profile
    assert "alle partnere i Vejle" not in card + profile
    # Where the municipality has partners, the link still goes to them.
    aarhus = _pages(repo, "testbib")["biblioteker/testbib/index.md"]
    assert "Se også [alle partnere i Aarhus](../../partnere/aarhus/index.md)." in aarhus


def test_the_front_page_counts_the_cards_rows_as_contacts_not_numbers():
    """Every card has SAND, a web address: "Hele kontaktkortet (8 numre)" promised a number too many
    (found in the QA pass)."""
    pages = _pages(PROJECT, "dokk1")
    card = pages["biblioteker/dokk1/kontaktkort.md"]
    rows = [line for line in card.splitlines() if line.startswith("- ")]
    phones = [line for line in rows if "(tel:" in line]
    assert len(phones) < len(rows)
    assert f"[Hele kontaktkortet](biblioteker/dokk1/kontaktkort.md) ({len(rows)} kontakter)" in pages["index.md"]


def test_the_project_sample_pages_say_they_are_samples_and_claim_no_library():
    pages = _pages(PROJECT)
    libraries = ("Aalborg Bibliotekerne", "Dokk1", "Vesterbro Bibliotek")
    for uri, text in pages.items():
        if uri.startswith("strategier/") and not uri.endswith("index.md"):
            assert "Eksempel fra redaktionen – endnu ikke gennemgået og godkendt af et bibliotek." in text, uri
            assert not re.search(r"(Godkendt af|Udkast fra|Bidraget af:) \[?(" + "|".join(libraries) + ")", text), uri
        if uri.endswith("/husregler.md"):
            assert "# Eksempel på husregler" in text, uri
        if uri.endswith("/kontaktkort.md"):
            assert "*Et eksempel fra redaktionen bag Det rummelige bibliotek – ikke bibliotekets eget kort.*" \
                in text, uri


@pytest.mark.parametrize(("written", "shown"), [
    ("+45 70 201 201", "70 201 201"), ("80 200 500", "80 200 500"), ("70201201", "70 20 12 01"),
    ("+4582121212", "82 12 12 12"), ("116 111", "116 111"), ("1813", "1813"), ("70 2012 01", "70 2012 01"),
])
def test_a_number_is_shown_as_the_service_writes_it(written, shown):
    from rummelig.render.format import phone_display

    assert phone_display(written) == shown


def test_a_default_card_is_bounded_by_itself_and_links_to_the_rest(two_towns):
    for number in range(MAX_ROWS + 3):
        write(two_towns, f"partners/hele-landet/linje-{number:02d}.yml",
              f"name: Landsdækkende linje {number:02d}\ntype: helpline\ndescription: En linje.\n"
              f"helps_with: [en samtale]\nwhen_to_contact:\n  - En gæst har brug for at tale med nogen.\n"
              f"contact:\n  phone: \"70 40 50 {10 + number:02d}\"\nstatus: udkast\n")
    checked = check_repository(two_towns, TODAY)
    assert [p.format() for p in checked.problems] == []  # the library chose nothing: no warning to act on
    the_card = card(checked.repo, "testbib")
    assert len(the_card.rows) == MAX_ROWS and the_card.local and the_card.regional
    page = _pages(two_towns)["biblioteker/testbib/kontaktkort.md"]
    assert "Flere numre: [hele landet](../../partnere/hele-landet/index.md) · [alle partnere i Aarhus]" in page
