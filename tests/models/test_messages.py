"""The exact Danish messages for values the models refuse (rummelig/models/), and what they accept."""

from __future__ import annotations

import pytest

from rummelig.pipeline import check_repository
from tests.support import PARTNER, STRATEGY, break_partner, edit, messages, write


def test_valid_repository_has_no_problems(repo):
    assert messages(repo) == []



@pytest.mark.parametrize(("old", "new", "expected"), [
    ("type: drop-in-centre", "type: shelterr",
     "partners/aarhus/vaerestedet.yml:2: 'type' er 'shelterr' — brug en af: street-nurse, drop-in-centre, shelter, "
     "night-shelter, outreach-worker, police, council-for-vulnerable, addiction-treatment, psychiatric-emergency, "
     "helpline, health-clinic, municipal-services, legal-aid, volunteer-organisation, other (mente du 'shelter'?)"),
    ('phone: "70 20 12 01"', 'phone: "12 34"',
     "partners/aarhus/vaerestedet.yml:8: 'contact.phone' er '12 34', som har 4 cifre — et dansk nummer har 8 cifre, "
     "fx 70 20 12 01, eller er et kort nummer som 112 eller 1813; et udenlandsk nummer starter med + og landekoden"),
    ("last_verified: 2026-11-01", "last_verified: 2026-02-30",
     "partners/aarhus/vaerestedet.yml:15: 'last_verified' er '2026-02-30', som ikke er en rigtig dato — "
     "februar 2026 har 28 dage"),
    ('closes: "15:00"', 'closes: "25:00"',
     "partners/aarhus/vaerestedet.yml:13: 'opening_hours punkt 1 › closes' er '25:00', som ikke er et klokkeslæt — "
     "skriv \"HH:MM\" i anførselstegn, fx \"09:30\" (00:00-23:59, eller 24:00 som lukketid)"),
    ('closes: "15:00"', 'closes: "08:00"',
     "partners/aarhus/vaerestedet.yml:11: 'opening_hours punkt 1' lukker (08:00) før eller samtidig med, at den åbner "
     "(09:00) — ret tiderne, eller skriv overnight: true hvis der er åbent hen over midnat"),
    ("example: true", "example: yes",
     "partners/aarhus/vaerestedet.yml:17: 'example' er 'yes' — skriv true eller false"),
    ("name: Værestedet i Testby", "nmae: Værestedet i Testby",
     "partners/aarhus/vaerestedet.yml:1: 'name' (Navn) mangler — tilføj 'name: …'\n"
     "partners/aarhus/vaerestedet.yml:1: ukendt nøgle 'nmae' (mente du 'name'?) — brug en af: name, type, description, "
     "helps_with, when_to_contact, contact, opening_hours, opening_note, languages, libraries, situations, "
     "last_verified, verified_by, source, status, approved_by, approved_on"),
    ("languages: [da, en]", "languages: [da, xx]",
     "partners/aarhus/vaerestedet.yml:14: 'languages punkt 2' er 'xx', som ikke er en sprogkode — brug to bogstaver "
     "efter ISO 639-1, fx da, en, ar, pl"),
    ("verified_by: testbib", "verified_by: testbibb",
     "partners/aarhus/vaerestedet.yml:16: biblioteket 'testbibb' findes ikke (mente du 'testbib'?) — brug id'et på en "
     "fil i libraries/ (filnavnet uden .yml), eller opret biblioteket med 'rummelig new library <id>'"),
    ("name: Værestedet i Testby\nname: X", None, None),
])
def test_broken_partner_gives_exact_message(repo, old, new, expected):
    if new is None:  # duplicate key
        path = repo / "partners/aarhus/vaerestedet.yml"
        path.write_text(PARTNER + "name: Igen\n", encoding="utf-8")
        expected = ("partners/aarhus/vaerestedet.yml:18: nøglen 'name' står to gange (første gang i linje 1) — "
                    "slet den ene, så nøglen kun står én gang")
    else:
        break_partner(repo, old, new)
    assert messages(repo) == expected.split("\n")


def test_unquoted_time_is_kept_as_written_and_accepted(repo):
    break_partner(repo, 'closes: "15:00"', "closes: 15:00")
    assert messages(repo) == []
    assert check_repository(repo).repo.partners["vaerestedet"].model.opening_hours[0].closes == "15:00"


def test_time_written_as_a_number_is_refused(repo):
    break_partner(repo, 'closes: "15:00"', "closes: 1500")
    assert messages(repo) == ["partners/aarhus/vaerestedet.yml:13: 'opening_hours punkt 1 › closes' er 1500, ikke et "
                              "klokkeslæt — skriv klokkeslæt i anførselstegn som \"HH:MM\", fx \"09:30\""]


def test_missing_key_names_the_key_and_its_label(repo):
    break_partner(repo, "description: Et værested med kaffe, mad og nogen at tale med.\n", "")
    assert messages(repo) == ["partners/aarhus/vaerestedet.yml:1: 'description' (Beskrivelse) mangler — "
                              "tilføj 'description: …'"]


def test_short_numbers_and_international_numbers_are_valid(repo):
    for number in ("112", "114", "1813", "+46 8 123 456 78", "+45 70 201 201"):
        break_partner(repo, 'phone: "70 20 12 01"', f'phone: "{number}"')
        assert messages(repo) == [], number
        break_partner(repo, f'phone: "{number}"', 'phone: "70 20 12 01"')


def test_unknown_owner_and_kind(repo):
    text = STRATEGY.replace("owner: testbib", "owner: dokk1").replace("kind: situation", "kind: situaton")
    write(repo, "strategies/en-gaest-sover.md", text)
    assert messages(repo) == [
        "strategies/en-gaest-sover.md:3: 'kind' er 'situaton' — brug en af: situation, approach, event, principle, "
        "template (mente du 'situation'?)"]


def test_quoted_boolean_and_number_get_a_hint_about_the_quotes(repo):
    break_partner(repo, "example: true", 'example: "true"')
    write(repo, "strategies/en-gaest-sover.md", STRATEGY.replace("onboarding: 1", 'onboarding: "1"'))
    assert messages(repo) == [
        "partners/aarhus/vaerestedet.yml:17: 'example' er 'true' i anførselstegn, og så er det en tekst — skriv true "
        "eller false uden anførselstegn",
        "strategies/en-gaest-sover.md:11: 'onboarding' er '1' i anførselstegn, og så er det en tekst — skriv tallet "
        "uden anførselstegn, fx 12",
    ]


# -- provenance, first steps, regions and the contact card (issue 12) ----------------------------


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    ("strategies/en-gaest-sover.md", "onboarding: 1\n", "onboarding: 1\nstatus: godkendt\n",
     ["strategies/en-gaest-sover.md:12: 'status' er godkendt, men approved_by og approved_on mangler — skriv hvem "
      "(en rolle, aldrig et navn) og hvornår, eller sæt status til udkast"]),
    ("strategies/en-gaest-sover.md", "onboarding: 1\n",
     "onboarding: 1\nstatus: godkendt\napproved_by: Mette Hansen\napproved_on: 2026-11-20\n",
     ["strategies/en-gaest-sover.md:13: 'approved_by' ser ud til at indeholde et navn — skriv en rolle i stedet, fx "
      "'bibliotekets leder' eller 'koordinatoren for udsatte borgere'"]),
    ("strategies/en-gaest-sover.md", "onboarding: 1\n", "onboarding: 1\nstatus: eksempel\napproved_on: 2026-11-20\n",
     ["strategies/en-gaest-sover.md:12: 'status' er eksempel, men filen har approved_by eller approved_on — sæt "
      "status: godkendt, eller slet approved_by og approved_on"]),
    ("strategies/en-gaest-sover.md", "onboarding: 1\n", "onboarding: 1\nstatus: færdig\n",
     ["strategies/en-gaest-sover.md:12: 'status' er 'færdig' — brug en af: eksempel, udkast, godkendt"]),
    ("strategies/en-gaest-sover.md", "tags: [hjemløshed]\n", "tags: [hjemløshed]\nfirst_steps: [Ring 112.]\n",
     ["strategies/en-gaest-sover.md:6: 'first_steps' har 1 punkt — skriv mindst 2 punkter"]),
    ("strategies/en-gaest-sover.md", "tags: [hjemløshed]\n",
     "tags: [hjemløshed]\nfirst_steps:\n  - Du skal se efter, om gæsten trækker vejret.\n"
     "  - Ring 112. Bliv hos gæsten.\n",
     ["strategies/en-gaest-sover.md:7: 'first_steps punkt 1' starter med 'Du' — skriv skridtet som en opfordring, fx "
      "'Ring 112, hvis …' eller 'Gå roligt hen og spørg, om alt er okay'",
      "strategies/en-gaest-sover.md:8: 'first_steps punkt 2' er mere end én sætning — skriv ét skridt pr. punkt"]),
    ("strategies/en-gaest-sover.md", "kind: situation\n", "kind: principle\nfirst_steps: [Ring 112., Gå hen.]\n",
     ["strategies/en-gaest-sover.md:4: 'first_steps' bruges kun i situationer, men kind er principle — slet "
      "first_steps"]),
    ("strategies/en-gaest-sover.md", "onboarding: 1\n", "onboarding: 1\nreview_every_months: 100000\n",
     ["strategies/en-gaest-sover.md:12: 'review_every_months' er '100000' — skriv et tal på højst 60"]),
    ("partners/aarhus/vaerestedet.yml", "last_verified: 2026-11-01\n", "",
     ["partners/aarhus/vaerestedet.yml:15: 'verified_by' står uden last_verified — skriv både last_verified (dagen) "
      "og verified_by (biblioteket, der kontrollerede oplysningerne hos partneren), eller slet begge"]),
    ("partners/aarhus/vaerestedet.yml", "example: true", "example: true\nstatus: godkendt",
     ["partners/aarhus/vaerestedet.yml:17: 'example' er true, men status er godkendt — slet example; status siger "
      "det hele"]),
    ("libraries/testbib.yml", "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01\ncontact_card: [vaerested]",
     ["libraries/testbib.yml:18: 'contact_card punkt 1' er 'vaerested', som ikke er en partner (mente du "
      "'vaerestedet'?) — brug id'et på en fil i partners/ (filnavnet uden .yml)"]),
    ("libraries/testbib.yml", "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01\ncontact_card: [elsewhere]",
     ["libraries/testbib.yml:18: 'contact_card punkt 1': partneren 'elsewhere' ligger i partners/odense/, som ikke "
      "hører til aarhus — vælg en partner fra partners/aarhus/, partners/region-midtjylland/ eller "
      "partners/hele-landet/, eller skriv 'testbib' under partnerens libraries"]),
])
def test_provenance_and_first_steps_messages(repo, rel, old, new, expected):
    write(repo, "partners/odense/elsewhere.yml", PARTNER.replace("verified_by: testbib", "verified_by: testbib")
          .replace("70 20 12 01", "70 20 12 09").replace("Værestedet i Testby", "Værestedet i Odense"))
    edit(repo, rel, old, new)
    assert messages(repo) == expected


def test_a_regions_line_and_an_address_in_parts_are_valid(repo):
    region_line = (PARTNER.replace("Værestedet i Testby", "Lægevagten i Region Midtjylland")
                   .replace("type: drop-in-centre", "type: helpline").replace("70 20 12 01", "70 11 31 31")
                   .replace("  url: https://www.aarhus.dk\n", "  address:\n    street: Testvej 2\n"
                            "    postal_code: \"8000\"\n    city: Aarhus C\n"))
    write(repo, "partners/region-midtjylland/laegevagten.yml", region_line)
    edit(repo, "libraries/testbib.yml", "last_reviewed: 2026-11-01",
          "last_reviewed: 2026-11-01\ncontact_card: [laegevagten, vaerestedet]")
    checked = check_repository(repo)
    assert [p.format() for p in checked.problems] == []
    address = checked.repo.partners["laegevagten"].model.contact.address
    assert (address.street, address.postal_code, address.city) == ("Testvej 2", "8000", "Aarhus C")
