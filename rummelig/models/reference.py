"""Reference data: municipalities, regions and partner areas, partner types, approaches,
weekdays, editorial statuses (contract §5)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    slug: str
    region: str

    @property
    def region_slug(self) -> str:
        return region_slug(self.region)


@cache
def municipalities() -> dict[str, Municipality]:
    """The 98 Danish municipalities, by slug (package data: rummelig/data/kommuner.csv, contract §5.5)."""
    import csv  # here: the reference lists are imported by every check, the municipalities read by few

    from rummelig import data

    text = data.read_text("kommuner.csv")
    rows = csv.DictReader(text.splitlines())
    return {row["slug"]: Municipality(row["code"], row["name"], row["slug"], row["region"]) for row in rows}


@cache  # pure, and asked ~200,000 times in a national build (every partner × municipality test)
def region_slug(region_name: str) -> str:
    """'Region Hovedstaden' → 'region-hovedstaden': the partner folder of a region's lines."""
    from rummelig.slugs import slugify

    return slugify(region_name)


@cache
def regions() -> dict[str, str]:
    """The five regions, folder slug → name, in the order of kommuner.csv."""
    found: dict[str, str] = {}
    for municipality in municipalities().values():
        found.setdefault(municipality.region_slug, municipality.region)
    return found


# Rows that fit one A4 page below the akut box and the library's own contact (measured in
# Chromium with the print stylesheet: the browser test prints a card this long). Here, not in
# models/library.py, so the contact card's rule needs no model (issue 18).
CARD_MAX_ROWS = 16

# What a template (rummelig new, skabeloner/) writes where a contributor's own text goes; the
# check refuses it (rules/placeholders.py). Here, with the lists, so that rule needs no model.
PLACEHOLDER = "UDFYLD"

NATIONWIDE_SLUG = "hele-landet"
NATIONWIDE_NAME = "Hele landet"


@dataclass(frozen=True)
class Area:
    """Where a partner works: the folder in partners/ — a municipality, a region
    (`region-<navn>`, e.g. 1813 or a lægevagt) or the whole country (`hele-landet`)."""

    slug: str
    name: str
    scope: str  # "municipality" | "region" | "nationwide"


@cache
def areas() -> dict[str, Area]:
    found = {slug: Area(slug, m.name, "municipality") for slug, m in municipalities().items()}
    found.update({slug: Area(slug, name, "region") for slug, name in regions().items()})
    found[NATIONWIDE_SLUG] = Area(NATIONWIDE_SLUG, NATIONWIDE_NAME, "nationwide")
    return found


def area_name(slug: str) -> str:
    """The Danish name of a partner area (municipality, region or 'Hele landet')."""
    found = areas().get(slug)
    return found.name if found else slug


def areas_of_municipality(slug: str) -> tuple[str, ...]:
    """The partner areas that serve a library in municipality `slug`: the municipality, its
    region and the whole country, nearest first."""
    municipality = municipalities().get(slug)
    if municipality is None:
        return (NATIONWIDE_SLUG,)
    return (slug, municipality.region_slug, NATIONWIDE_SLUG)


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
    "template": "Skabelon",
}

# The editorial status of a playbook, library profile or partner (contract extension, issue 12).
STATUSES: dict[str, str] = {
    "eksempel": "Eksempel",   # sample written by the knowledge base's editors, not a library's own
    "udkast": "Udkast",       # a library's draft, or real data not yet confirmed by a library
    "godkendt": "Godkendt",   # approved by the owning library (approved_by: a role; approved_on)
}
DEFAULT_STATUS = "udkast"

# The editorial group that writes and keeps the shared content: an owner id besides library ids.
EDITORS_ID = "redaktionen"
EDITORS_NAME = "Redaktionen bag Det rummelige bibliotek"

WEEKDAYS: dict[str, str] = {
    "mon": "mandag", "tue": "tirsdag", "wed": "onsdag", "thu": "torsdag",
    "fri": "fredag", "sat": "lørdag", "sun": "søndag",
}

# Danish words accepted for an option besides its key (contract §5.6, "Danske ord"): the
# Danish label the templates show next to each key, each part of a label with several
# ("Herberg/forsorgshjem"), these extras, and the Danish day names with their
# three-letter abbreviations. Matched without regard to case, and with æ/ø/å or ae/oe/aa.
# The model stores the key; `rummelig check --fix` rewrites the file to the key.
_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    # "varmestue" is the everyday name of a daytime drop-in (a night shelter is "natvarmestue",
    # its own label); "misbrugscenter" the older name of a rusmiddelcenter many still use.
    "drop-in-centre": ("varmestue",),
    "outreach-worker": ("skp", "opsøgende medarbejder", "gadeplansmedarbejder"),
    "addiction-treatment": ("misbrugscenter",),
    "psychiatric-emergency": ("psykiatrisk skadestue",),
    "police": ("politiet",),
    "municipal-services": ("borgerservice", "kommunens borgerservice", "socialrådgivning"),
    "health-clinic": ("sundhedsklinik",),
    "legal-aid": ("retshjælp",),
    "mon": ("man",), "tue": ("tir",), "wed": ("ons",), "thu": ("tor",), "fri": ("fre",), "sat": ("lør",),
    "sun": ("søn",),
}
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})


def alias_form(text: str) -> str:
    """The form an alias is looked up in: lower case, single spaces, æ/ø/å as ae/oe/aa."""
    return " ".join(text.casefold().split()).translate(_ASCII)


def _label_words(label: str) -> list[str]:
    words = [label]
    for part in label.split("/"):
        words.append(part.split("(")[0].strip())
        if "(" in part and ")" in part:
            words.append(part[part.index("(") + 1: part.index(")")])
    return [w.strip().lower() for w in words if w.strip()]


@cache
def _words(options: tuple[tuple[str, str], ...]) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    spelled: dict[str, list[str]] = {}
    forms: dict[str, str] = {}
    keys = {key for key, _ in options}
    taken: dict[str, set[str]] = {}
    for key, label in options:
        for word in (*_label_words(label), *_EXTRA_ALIASES.get(key, ())):
            taken.setdefault(alias_form(word), set()).add(key)
    for key, label in options:
        for word in dict.fromkeys((*_label_words(label), *_EXTRA_ALIASES.get(key, ()))):
            form = alias_form(word)
            if form in keys or len(taken[form]) > 1:
                continue  # never shadow a key, and a word that means two options means neither
            forms[form] = key
            spelled.setdefault(key, []).append(word)
    return {key: tuple(words) for key, words in spelled.items()}, forms


def danish_words(options: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Key → the Danish words accepted for it, spelt as the templates show them ('værested')."""
    return _words(tuple(options.items()))[0]


def aliases(options: dict[str, str]) -> dict[str, str]:
    """Alias form → key for the Danish words accepted for `options` (see alias_form)."""
    return _words(tuple(options.items()))[1]


def from_alias(options: dict[str, str], value: str) -> str | None:
    """The key that a Danish word stands for, or None."""
    return aliases(options).get(alias_form(value))


SITUATION_SECTIONS = ("Situationen", "Sådan kan du gøre", "Det kan du sige", "Hent hjælp", "Bagefter")
