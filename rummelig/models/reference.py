"""Reference data: municipalities, partner types, approaches, weekdays (contract §5)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    slug: str
    region: str


@cache
def municipalities() -> dict[str, Municipality]:
    """The 98 Danish municipalities, by slug (package data: rummelig/data/kommuner.csv, contract §5.5)."""
    text = resources.files("rummelig.data").joinpath("kommuner.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return {row["slug"]: Municipality(row["code"], row["name"], row["slug"], row["region"]) for row in rows}


PARTNER_TYPES: dict[str, str] = {
    "street-nurse": "Gadesygeplejerske",
    "drop-in-centre": "Værested",
    "shelter": "Herberg/forsorgshjem",
    "night-shelter": "Natvarmestue/natcafé",
    "outreach-worker": "Gadeteam/opsøgende medarbejder (SKP)",
    "police": "Politi/nærpoliti",
    "council-for-vulnerable": "Udsatteråd",
    "addiction-treatment": "Rusmiddelcenter",
    "psychiatric-emergency": "Psykiatrisk akutmodtagelse",
    "helpline": "Telefonrådgivning",
    "health-clinic": "Sundhedsklinik for socialt udsatte",
    "municipal-services": "Kommunens borgerservice/socialrådgivning",
    "legal-aid": "Gratis retshjælp",
    "volunteer-organisation": "Frivillig organisation",
    "other": "Andet",
}

APPROACHES: dict[str, str] = {
    "coordinators": "Koordinatorer",
    "social-librarian": "Social bibliotekar",
    "relations-worker": "Relationsmedarbejder",
    "partnerships": "Partnerskaber",
    "co-created-events": "Arrangementer skabt sammen med brugerne",
    "shared-strategies": "Fælles håndteringsstrategier",
    "staff-training": "Uddannelse af personalet",
    "outreach": "Opsøgende arbejde",
}

STRATEGY_KINDS: dict[str, str] = {
    "situation": "Situation",
    "approach": "Arbejdsform",
    "event": "Arrangement",
    "principle": "Princip",
}

WEEKDAYS: dict[str, str] = {
    "mon": "mandag", "tue": "tirsdag", "wed": "onsdag", "thu": "torsdag",
    "fri": "fredag", "sat": "lørdag", "sun": "søndag",
}

SITUATION_SECTIONS = ("Situationen", "Sådan kan du gøre", "Det kan du sige", "Hent hjælp", "Bagefter")

NATIONWIDE_SLUG = "hele-landet"
NATIONWIDE_NAME = "Hele landet"
