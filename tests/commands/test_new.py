"""`rummelig new`: scaffolds with every key, placeholders named line by line, refusals in Danish."""

from __future__ import annotations

import re

import pytest

from rummelig.commands import check as check_command
from rummelig.commands import new
from rummelig.models import Library, Partner, Strategy
from rummelig.models.base import current_fields
from tests.support import call, fill, messages

# -- scaffolds and placeholders ----------------------------------------------------------------

def test_new_partner_unchanged_names_every_placeholder_line_and_nothing_else(repo):
    result = call(new.run, repo, "partner", "aarhus/vaerestedet-i-mejlgade", library="testbib")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Oprettet partners/aarhus/vaerestedet-i-mejlgade.yml.\n")
    text = (repo / "partners/aarhus/vaerestedet-i-mejlgade.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/partner.schema.json\n")
    # The library says it checked the partner; it writes the day it did (never a date we invent).
    assert "last_verified: UDFYLD\n" in text and "verified_by: testbib\n" in text
    for key in current_fields(Partner):  # every current key of the contract is in the template
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    found = messages(repo)
    line = text.split("\n").index("type: UDFYLD") + 1
    assert found[1] == (
        f"partners/aarhus/vaerestedet-i-mejlgade.yml:{line}: 'type' (Type) er ikke udfyldt endnu (der står stadig "
        "UDFYLD fra skabelonen) — skriv en af: street-nurse (Gadesygeplejerske), drop-in-centre (Værested), "
        "shelter (Herberg/forsorgshjem), night-shelter (Natvarmestue/natcafé), outreach-worker (Gadeteam/opsøgende "
        "medarbejder (SKP)), police (Politi/nærpoliti), council-for-vulnerable (Udsatteråd), addiction-treatment "
        "(Rusmiddelcenter), psychiatric-emergency (Psykiatrisk akutmodtagelse), helpline (Telefonrådgivning), "
        "health-clinic (Sundhedsklinik for socialt udsatte), municipal-services (Kommunens borgerservice/"
        "socialrådgivning), legal-aid (Gratis retshjælp), volunteer-organisation (Frivillig organisation), "
        "other (Andet)")
    assert len(found) == 10 and all("er ikke udfyldt endnu" in m for m in found)  # no model errors besides
    assert any(m.endswith("'contact.email' (E-mail) er ikke udfyldt endnu (der står stadig UDFYLD fra skabelonen) "
                          "— skriv e-mail, fx 'kontakt@vaerestedet.dk', eller slet linjen, hvis I ikke bruger den")
               for m in found)
    check = call(check_command.run, repo)
    assert check.returncode == 1 and check.stdout.endswith(
        "10 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet.\n")


def test_new_strategy_placeholders_in_front_matter_and_sections(repo):
    assert call(new.run, repo, "strategy", "gaest-med-hund", library="testbib").returncode == 0
    text = (repo / "strategies/gaest-med-hund.md").read_text(encoding="utf-8")
    for key in current_fields(Strategy):
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    found = messages(repo)
    lines = text.split("\n")
    situation = next(i for i, line in enumerate(lines, 1) if line.startswith("UDFYLD: Beskriv situationen"))
    assert (f"strategies/gaest-med-hund.md:{situation}: teksten under '## Situationen' er ikke skrevet endnu (der "
            "står stadig UDFYLD fra skabelonen) — skriv jeres egen tekst i stedet for UDFYLD og hjælpeteksten") in found
    first_step = lines.index("first_steps:") + 2
    assert (f"strategies/gaest-med-hund.md:{first_step}: 'first_steps punkt 1' (Gør dette nu) er ikke udfyldt endnu "
            "(der står stadig UDFYLD fra skabelonen) — skriv et første skridt som en kort opfordring, fx 'Ring 112, "
            "hvis personen ikke kan vækkes.', eller slet linjen, hvis I ikke bruger den") in found
    assert len(found) == 11


def test_new_library_template_has_every_key_and_checks_once_filled(repo):
    assert call(new.run, repo, "library", "odense-bib", municipality="odense").returncode == 0
    path = repo / "libraries/odense-bib.yml"
    text = path.read_text(encoding="utf-8")
    for key in current_fields(Library):
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    assert "municipality: odense\n" in text
    fill(path, [("name: UDFYLD", "name: Odense Bibliotek"),
                ("organisation: UDFYLD", "organisation: Odense Bibliotekerne"),
                ("street: UDFYLD", "street: Østre Stationsvej 15"), ("postal_code: UDFYLD", 'postal_code: "5000"'),
                ("city: UDFYLD", "city: Odense C"), ("url: UDFYLD", "url: https://www.odensebib.dk"),
                ("approach: [UDFYLD]", "approach: [coordinators]"),
                ("contact_role: UDFYLD", "contact_role: Koordinatoren"),
                ("rule: UDFYLD", "rule: Alle er velkomne."), ("why: UDFYLD", "why: Biblioteket er for alle."),
                ("if_broken: UDFYLD", "if_broken: Vi taler sammen om det.")])
    assert messages(repo) == []


@pytest.mark.parametrize(("args", "options", "expected"), [
    (["partner", "aarhs/x"], {},
     "rummelig new: 'aarhs' er ikke en kommune (mente du 'aarhus'?) — brug kommunens id, fx aarhus, koebenhavn, "
     "aalborg, en region som region-midtjylland, eller hele-landet for landsdækkende tilbud\n"),
    (["partner", "aarhus/Værested"], {},
     "rummelig new: 'Værested' kan ikke bruges som id — brug kun små bogstaver a-z, tal og bindestreg, fx "
     "'vaerested'\n"),
    (["strategy", "x"], {"library": "testbi"},
     "rummelig new: biblioteket 'testbi' findes ikke (mente du 'testbib'?) — brug id'et på en fil i libraries/ "
     "(filnavnet uden .yml), eller opret biblioteket først med 'rummelig new library <id>'\n"),
    (["strategy", "en-gaest-sover"], {},
     "rummelig new: strategies/en-gaest-sover.md findes allerede — vælg et andet id, eller ret den eksisterende "
     "fil\n"),
])
def test_new_refuses_with_a_danish_message(repo, args, options, expected):
    result = call(new.run, repo, *args, **options)
    assert (result.returncode, result.stderr, result.stdout) == (1, expected, "")


@pytest.mark.parametrize(("word", "key"), [
    ("varmestue", "drop-in-centre"),       # a daytime drop-in, not the night shelter
    ("Natvarmestue", "night-shelter"),
    ("misbrugscenter", "addiction-treatment"),
    ("psykiatrisk skadestue", "psychiatric-emergency"),
    ("politiet", "police"),
])
def test_new_partner_takes_the_everyday_danish_word_for_its_type(repo, word, key):
    assert call(new.run, repo, "partner", "aarhus/nyt-sted", partner_type=word, library="testbib").returncode == 0
    assert f"\ntype: {key}\n" in (repo / "partners/aarhus/nyt-sted.yml").read_text(encoding="utf-8")


def test_the_partner_templates_example_phone_is_no_ones_number(repo):
    """The example used to be "70 201 201", Livslinien's real line: a contributor who copied it gave
    a partner a crisis line's number, and the check accepted it. The example now cannot be dialled,
    and copying it is an error."""
    assert call(new.run, repo, "partner", "aarhus/nyt-sted", library="testbib").returncode == 0
    path = repo / "partners/aarhus/nyt-sted.yml"
    text = path.read_text(encoding="utf-8")
    example = re.search(r'# Telefon .*\n(?:#.*\n)*?.*Eksempel: "([^"]+)"\n  phone: UDFYLD\n', text)
    assert example and example[1] == "12 34 56 78"
    line = text.split("\n").index("  phone: UDFYLD") + 1
    assert (f"partners/aarhus/nyt-sted.yml:{line}: 'contact.phone' (Telefon) er ikke udfyldt endnu (der står stadig "
            "UDFYLD fra skabelonen) — skriv telefon, fx '12 34 56 78', eller slet linjen, hvis I ikke bruger den"
            ) in messages(repo)
    path.write_text(text.replace("  phone: UDFYLD", f'  phone: "{example[1]}"'), encoding="utf-8")
    assert (f"partners/aarhus/nyt-sted.yml:{line}: 'contact.phone' er '12 34 56 78', men et dansk nummer med 8 cifre "
            "starter aldrig med 1 — tjek cifrene; kun korte numre som 112 og 1813 starter med 1") in messages(repo)
