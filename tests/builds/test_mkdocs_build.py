"""A real MkDocs build of a small fixture repository (issue 2, item 8)."""

from __future__ import annotations

import os
import re

import pytest

from rummelig.commands import check as check_command
from tests.support import PARTNER, call, html, run_build, write


def test_build_generates_the_pages_at_their_addresses(site_repo):
    result = run_build(site_repo)
    assert result.returncode == 0, result.stderr
    playbook = html(site_repo, "strategier/en-gaest-sover")
    assert '<h1 id="en-gæst-sover">En gæst sover</h1>' in playbook  # anchors keep æ, ø, å (mkdocs.yml's toc)
    assert "Siden er sidst gennemgået 1. november 2026." in playbook
    assert 'href="../../biblioteker/testbib/"' in playbook
    assert 'href="../../partnere/type/night-shelter/"' in playbook
    library = html(site_repo, "biblioteker/testbib")
    assert library.index("Kontaktkort") < library.index("Husregler")
    assert "Bibliotekets koordinator" in library
    assert 'href="tel:+4589409200"' in library
    assert 'href="../../partnere/aarhus/"' in library  # every partner in the municipality, one click away
    card = html(site_repo, "biblioteker/testbib/kontaktkort")
    assert "Hvem ringer jeg til?" in card and "Værestedet" not in card  # a sample is never a card row
    assert "Ingen lokale partnere på kortet endnu" in card
    poster = html(site_repo, "biblioteker/testbib/husregler")
    assert "Alle er velkomne, og reglerne er de samme for alle." in poster
    municipality = html(site_repo, "partnere/aarhus")
    assert "Eksempel — ikke verificeret" in municipality
    assert "Værestedet i Testby" in html(site_repo, "partnere/type/drop-in-centre")
    assert "Der er endnu ingen partnere af typen" in html(site_repo, "partnere/type/shelter")
    onboarding = html(site_repo, "ny-medarbejder")
    assert 'href="../strategier/en-gaest-sover/"' in onboarding
    # Without JavaScript the week form says where to read instead: a link MkDocs must rewrite (it
    # went to "../vejledning.md", a file the site does not have, while it stood in raw HTML).
    week = html(site_repo, "gode-moeder/testbib/skriv-ugen-ind")
    assert '<a href="../../vejledning/">Sådan registrerer I gode møder</a>.</p>' in week
    unrewritten = sorted({f"{page.relative_to(site_repo / 'site')}: {href}"
                          for page in (site_repo / "site").rglob("*.html")
                          for href in re.findall(r'href="([^"]*\.md(?:#[^"]*)?)"', page.read_text(encoding="utf-8"))})
    assert unrewritten == []


def test_one_bad_partner_stops_the_build_with_its_message(site_repo):
    path = site_repo / "partners/aarhus/vaerestedet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr"),
                    encoding="utf-8")
    result = run_build(site_repo)
    assert result.returncode == 1
    assert "partners/aarhus/vaerestedet.yml:2: 'type' er 'shelterr' — brug en af:" in result.stderr
    assert "(mente du 'shelter'?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site_repo / "site" / "partnere").exists()


@pytest.mark.parametrize("breakage", ["unknown-type", "bad-phone", "duplicate-key", "unknown-folder", "feb-30"])
def test_done_when_breakages_fail_check_and_build(site_repo, breakage):

    path = site_repo / "partners/aarhus/vaerestedet.yml"
    text = path.read_text(encoding="utf-8")
    expected = {
        "unknown-type": "partners/aarhus/vaerestedet.yml:2: 'type' er 'shelterr'",
        "bad-phone": "partners/aarhus/vaerestedet.yml:8: 'contact.phone' er '1234'",
        "duplicate-key": "partners/aarhus/vaerestedet.yml:18: nøglen 'type' står to gange",
        "unknown-folder": "partners/aarhuss/vaerestedet.yml: mappen 'aarhuss' er ikke en kommune",
        "feb-30": "partners/aarhus/vaerestedet.yml:15: 'last_verified' er '2026-02-30'",
    }[breakage]
    if breakage == "unknown-type":
        path.write_text(text.replace("type: drop-in-centre", "type: shelterr"), encoding="utf-8")
    elif breakage == "bad-phone":
        path.write_text(text.replace('"70 20 12 01"', '"1234"'), encoding="utf-8")
    elif breakage == "duplicate-key":
        path.write_text(text + "type: shelter\n", encoding="utf-8")
    elif breakage == "unknown-folder":
        (site_repo / "partners/aarhuss").mkdir()
        os.rename(path, site_repo / "partners/aarhuss/vaerestedet.yml")
    else:
        path.write_text(text.replace("last_verified: 2026-11-01", "last_verified: 2026-02-30"), encoding="utf-8")
    check = call(check_command.run, site_repo)
    build = run_build(site_repo)
    assert check.returncode == 1 and build.returncode == 1
    assert expected in check.stdout
    assert expected in build.stderr
    assert "Traceback" not in check.stderr + build.stderr


def test_contact_card_lists_one_verified_partner_per_type_in_the_contracts_order(site_repo):

    def partner(name: str, kind: str, phone: str, sample: bool = False) -> str:
        return (PARTNER.replace("name: Værestedet i Testby", f"name: {name}").replace("type: drop-in-centre",
                f"type: {kind}").replace('"70 20 12 01"', f'"{phone}"')
                .replace("example: true", f"example: {'true' if sample else 'false'}"))

    write(site_repo, "partners/aarhus/gadesygeplejersken.yml", partner("Gadesygeplejersken", "street-nurse",
                                                                       "70 20 12 03"))
    write(site_repo, "partners/aarhus/politiet.yml", partner("Politiet i Testby", "police", "70 20 12 04"))
    write(site_repo, "partners/aarhus/politi-114.yml", partner("Politiets døgnnummer", "police", "114"))
    write(site_repo, "partners/aarhus/anden-gadesygeplejerske.yml", partner("Anden gadesygeplejerske",
                                                                            "street-nurse", "70 20 12 05"))
    assert run_build(site_repo).returncode == 0
    card = html(site_repo, "biblioteker/testbib/kontaktkort")
    # street-nurse comes before police in the contract's type order; one per type; samples and 114 are no rows
    assert card.index("Anden gadesygeplejerske") < card.index("Politiet i Testby")
    assert "Gadesygeplejersken<" not in card and "Værestedet i Testby" not in card
    assert "Politiets døgnnummer" not in card
