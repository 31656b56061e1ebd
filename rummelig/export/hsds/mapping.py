"""Our partners → the flat HSDS 3.0 tables. The mapping is documented in docs-dev/hsds.md.

One partner file is one organization that offers one service. Rows are plain dicts with
only the fields we know (a missing value is left out, never written as an empty string),
keyed by the HSDS table name; the nested JSON and the CSV files are both made from them.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry

from rummelig.export.hsds.ids import hsds_id
from rummelig.models import Partner
from rummelig.models.address import Address, address_text
from rummelig.models.reference import NATIONWIDE_SLUG, PARTNER_TYPES, areas, municipalities
from rummelig.problems import Problems
from rummelig.render import format as fmt
from rummelig.repository import Record, Repository

Row = dict[str, Any]

TABLES = ("organization", "service", "phone", "schedule", "language", "service_area", "location", "address",
          "service_at_location", "taxonomy", "taxonomy_term", "attribute")

COUNTRY = "DK"
DENMARK = "Danmark"
TIME_NOTE = "dansk tid"  # opens_at/closes_at are local Europe/Copenhagen wall-clock times
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
END_OF_DAY = "23:59"  # our "24:00" closing time; HSDS times are HH:MM within one day

TAXONOMY_ID = hsds_id("taxonomy", "partner-types")
TAXONOMY_NAME = "Det rummelige bibliotek: partnertyper"
ATTRIBUTE_LINK_TYPE = "partner_type"

# "Jægergårdsgade 1, 8000 Aarhus C": street, then a four-digit postal code and the town.
_ADDRESS = re.compile(r"^\s*(?P<street>[^,]+?)\s*,\s*(?:(?P<extra>[^,]+?)\s*,\s*)?"
                      r"(?P<postal>\d{4})\s+(?P<city>[^,]+?)\s*$")


@dataclass
class Tables:
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLES})
    skipped_examples: int = 0

    def add(self, table: str, row: Row) -> Row:
        clean = {k: v for k, v in row.items() if v is not None and v != ""}
        self.rows[table].append(clean)
        return clean


@cache
def _danish_languages() -> gettext.NullTranslations:
    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["da"], fallback=True)


def language_name(code: str) -> str:
    """'da' → 'Dansk' (pycountry's Danish translation of the ISO 639 name)."""
    language = pycountry.languages.get(alpha_2=code)
    name = _danish_languages().gettext(language.name) if language else code
    return name[:1].upper() + name[1:]


def schedule_text(days: Iterable[str], opens: str, closes: str, overnight: bool) -> str:
    """'man–fre 09:00–15:00 (dansk tid)', as the site shows it."""
    tail = " næste dag" if overnight else ""
    return f"{fmt.days_display(list(days))} {opens}–{closes}{tail} ({TIME_NOTE})"


def _taxonomy(tables: Tables) -> dict[str, str]:
    tables.add("taxonomy", {"id": TAXONOMY_ID, "name": TAXONOMY_NAME,
                            "description": "De typer af samarbejdspartnere, som biblioteker kan henvise til "
                                           "(indholdskontrakten §5.3 i Det rummelige bibliotek)."})
    terms = {}
    for code, label in PARTNER_TYPES.items():
        row = tables.add("taxonomy_term", {"id": hsds_id("taxonomy_term", "partner-types", code), "code": code,
                                           "name": label, "description": label, "taxonomy": TAXONOMY_NAME,
                                           "taxonomy_id": TAXONOMY_ID, "language": "da"})
        terms[code] = row["id"]
    return terms


def _address(record: Record[Partner], location_id: str, region: str | None, tables: Tables,
             problems: Problems) -> str | None:
    """Add the address row; return the text for the location's description when it cannot be split."""
    written = record.model.contact.address
    if written is None:
        return None
    text = address_text(written) or ""
    line = record.line("contact", "address")
    if isinstance(written, Address):  # given in parts: used as they are, nothing to guess
        parts: dict[str, str | None] = {"street": written.street, "extra": None, "postal": written.postal_code,
                                        "city": written.city}
    else:
        match = _ADDRESS.match(text)
        parts = match.groupdict() if match else {}
    if not parts:
        problems.warning(record.rel, line, f"adressen '{text}' kan ikke deles op i gade, postnummer og by, så "
                         "HSDS-eksporten har den kun som tekst", "skriv den som 'Gade 1, 8000 By'",
                         "export.hsds.address")
        return text
    if region is None:
        problems.warning(record.rel, line, "en landsdækkende partner hører ikke til en region, så HSDS-eksporten "
                         "har adressen kun som tekst", "flyt partneren til sin kommunes mappe, hvis adressen er "
                         "et sted, man kan møde op", "export.hsds.address-region")
        return text
    tables.add("address", {"id": hsds_id("address", record.id), "location_id": location_id,
                           "address_1": parts["street"], "address_2": parts["extra"], "city": parts["city"],
                           "state_province": region, "postal_code": parts["postal"], "country": COUNTRY,
                           "address_type": "physical"})
    return None


def _partner(record: Record[Partner], terms: dict[str, str], tables: Tables, problems: Problems) -> None:
    p = record.model
    folder = record.source.folder or ""
    municipality = municipalities().get(folder)
    organization_id = hsds_id("organization", record.id)
    service_id = hsds_id("service", record.id)

    tables.add("organization", {"id": organization_id, "name": p.name, "description": p.description,
                                "email": p.contact.email, "website": p.contact.url})
    description = "\n".join([p.description, "", "Hjælper med:", *(f"- {x}" for x in p.helps_with), "",
                             "Hvornår biblioteket kontakter dem:", *(f"- {x}" for x in p.when_to_contact)])
    tables.add("service", {"id": service_id, "organization_id": organization_id, "name": p.name,
                           "description": description, "url": p.contact.url, "email": p.contact.email,
                           # A sample is never exported as a real service (issue 12): inactive, with a warning.
                           "status": "inactive" if p.is_sample else "active",
                           "assured_date": p.last_verified.isoformat() if p.last_verified else None,
                           "alert": "Eksempel — ikke verificeret. Brug ikke oplysningerne i en akut situation."
                           if p.is_sample else None})
    tables.add("attribute", {"id": hsds_id("attribute", record.id, "type"), "link_id": service_id,
                             "taxonomy_term_id": terms[p.type], "link_type": ATTRIBUTE_LINK_TYPE,
                             "link_entity": "service", "value": p.type})

    if p.contact.phone:
        tables.add("phone", {"id": hsds_id("phone", record.id), "service_id": service_id,
                             "number": fmt.phone_tel(p.contact.phone), "type": "voice"})

    seen: set[str] = set()
    for position, window in enumerate(p.opening_hours, start=1):
        days = ",".join(BYDAY[d] for d in sorted(window.days, key=list(BYDAY).index))
        closes = END_OF_DAY if window.closes == "24:00" else window.closes
        # The id follows the window's content, not its position, so reordering keeps ids;
        # the same window written twice gets its position added to stay unique.
        schedule_id = hsds_id("schedule", record.id, days, window.opens, window.closes)
        if schedule_id in seen:
            schedule_id = hsds_id("schedule", record.id, days, window.opens, window.closes, str(position))
        seen.add(schedule_id)
        tables.add("schedule", {"id": schedule_id,
                                "service_id": service_id, "freq": "WEEKLY", "byday": days,
                                "opens_at": window.opens, "closes_at": closes,
                                "description": schedule_text(window.days, window.opens, window.closes,
                                                             window.overnight),
                                "notes": p.opening_note})
    if p.opening_note and not p.opening_hours:
        tables.add("schedule", {"id": hsds_id("schedule", record.id, "note"), "service_id": service_id,
                                "notes": p.opening_note})

    for code in p.languages:
        tables.add("language", {"id": hsds_id("language", record.id, code), "service_id": service_id,
                                "name": language_name(code), "code": code})

    area = areas().get(folder)
    if folder == NATIONWIDE_SLUG:
        tables.add("service_area", {"id": hsds_id("service_area", record.id, folder), "service_id": service_id,
                                    "name": DENMARK, "description": "Hele landet"})
    elif municipality is not None:
        tables.add("service_area", {"id": hsds_id("service_area", record.id, folder), "service_id": service_id,
                                    "name": municipality.name,
                                    "description": f"{municipality.name} Kommune, kommunekode {municipality.code}, "
                                                   f"{municipality.region}"})
    elif area is not None:  # a region's line (1813, a lægevagt)
        tables.add("service_area", {"id": hsds_id("service_area", record.id, folder), "service_id": service_id,
                                    "name": area.name, "description": area.name})
    region = municipality.region if municipality else (area.name if area and area.scope == "region" else None)

    if p.contact.address:
        location_id = hsds_id("location", record.id)
        location = tables.add("location", {"id": location_id, "location_type": "physical", "name": p.name,
                                           "organization_id": organization_id})
        unsplit = _address(record, location_id, region, tables, problems)
        if unsplit:
            location["description"] = unsplit
        tables.add("service_at_location", {"id": hsds_id("service_at_location", record.id),
                                           "service_id": service_id, "location_id": location_id})


def build_tables(repo: Repository, include_examples: bool = False) -> tuple[Tables, Problems]:
    """All partners as HSDS rows, sorted by our id so the output is the same in every run."""
    tables, problems = Tables(), Problems()
    terms = _taxonomy(tables)
    for record in sorted(repo.partners.values(), key=lambda r: r.id):
        if record.model.is_sample and not include_examples:
            tables.skipped_examples += 1
            continue
        _partner(record, terms, tables, problems)
    return tables, problems
