"""The machine-readable files of the built site: api/partners.json, api/strategies.json and
api/libraries.json, for other intranet tools (docs-dev/api.md).

The shapes are declared once, here, as pydantic models; the JSON is their dump. Every file
is ``{"version": API_VERSION, "kind": …, "items": […]}``. Adding a field is not a breaking
change; renaming or removing one is, and raises API_VERSION.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from rummelig import addresses
from rummelig.kinds import KINDS
from rummelig.models.address import address_text
from rummelig.models.reference import APPROACHES, NATIONWIDE_SLUG, PARTNER_TYPES, STRATEGY_KINDS, municipalities
from rummelig.render import format as fmt
from rummelig.render.environment import Page, Renderer
from rummelig.repository import Repository

# 2: partners' last_verified/verified_by may be null (sample and unconfirmed entries); every item
# has status, approved_by, approved_on (issue 12).
API_VERSION = 2
T = TypeVar("T", bound=BaseModel)


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Municipality(Shape):
    slug: str
    name: str
    code: str
    region: str


class Phone(Shape):
    text: str            # as written in the file, e.g. "70 20 12 01"
    display: str         # as the site shows it
    tel: str             # E.164 (+4570201201), or a short number as dialled (112)


class Address(Shape):
    street: str
    postal_code: str
    city: str


class PartnerContact(Shape):
    phone: Phone | None
    email: str | None
    url: str | None
    address: str | None                  # on one line, however it was written
    address_parts: Address | None        # when the file gives street, postal_code and city


class Source(Shape):
    name: str
    url: str | None


class Provenance(Shape):
    status: str                          # eksempel | udkast | godkendt
    approved_by: str | None              # a role, never a name
    approved_on: date | None


class OpeningWindow(Shape):
    days: list[str]      # mon … sun
    opens: str           # "HH:MM", local time Europe/Copenhagen
    closes: str          # "HH:MM"; "24:00" = midnight
    overnight: bool      # true: closes the next day


class PartnerItem(Shape):
    id: str
    name: str
    type: str
    type_label: str
    area: str                            # municipality slug, or "hele-landet"
    municipality: Municipality | None    # None for nationwide partners
    description: str
    helps_with: list[str]
    when_to_contact: list[str]
    contact: PartnerContact
    opening_hours: list[OpeningWindow]
    opening_note: str | None
    languages: list[str]
    libraries: list[str]                 # library ids that work with the partner (resolved default)
    situations: list[str] | None         # situation ids whose "Ring til" box shows it; None: every one of its type
    last_verified: date | None           # None: nobody has checked it with the partner yet
    verified_by: str | None
    source: Source | None
    provenance: Provenance
    example: bool                        # true: sample data, not verified — never use in a crisis
    page: str                            # site-relative address of its entry (area page + anchor)


class StrategyItem(Shape):
    id: str
    title: str
    kind: str
    kind_label: str
    summary: str
    tags: list[str]
    keywords: list[str]
    partner_types: list[str]
    contributed_by: list[str]
    owner: str
    last_reviewed: date
    review_every_months: int
    onboarding: int | None
    first_steps: list[str]               # "Gør dette nu": 2-5 short steps (situations only)
    provenance: Provenance
    page: str


class LibraryContact(Shape):
    phone: Phone | None
    email: str | None


class HouseRule(Shape):
    rule: str
    why: str
    if_broken: str


class LibraryItem(Shape):
    id: str
    name: str
    organisation: str
    municipality: Municipality
    address: Address
    url: str
    approach: list[str]
    approach_labels: list[str]
    approach_note: str | None
    contact_role: str
    contact: LibraryContact | None
    house_rules: list[HouseRule]
    last_reviewed: date
    provenance: Provenance
    contact_card_rows: list[str] | None  # the library's own choice of card rows (partner ids), if any
    partners: list[str]                  # partner ids, as on the library's page
    page: str
    contact_card: str
    house_rules_poster: str


class Document(Shape, Generic[T]):
    version: int
    kind: str
    items: list[T]


def _municipality(slug: str) -> Municipality | None:
    """The municipality of a slug; None for an area that is not one (a region, hele-landet)."""
    found = municipalities().get(slug)
    return Municipality(slug=found.slug, name=found.name, code=found.code, region=found.region) if found else None


def _library_municipality(slug: str) -> Municipality:
    found = _municipality(slug)
    if found is None:  # the model accepts only known municipality slugs
        raise ValueError(f"unknown municipality {slug!r}")
    return found


def _phone(text: str | None) -> Phone | None:
    return Phone(text=text, display=fmt.phone_display(text), tel=fmt.phone_tel(text)) if text else None


def _provenance(model: Any) -> Provenance:
    status = model.state if hasattr(model, "state") else model.status
    return Provenance(status=status, approved_by=model.approved_by, approved_on=model.approved_on)


def partner_items(repo: Repository) -> list[PartnerItem]:
    served: dict[str, list[str]] = {pid: [] for pid in repo.partners}
    for library_id in sorted(repo.libraries):
        for record in repo.partners_for_library(library_id):
            served[record.id].append(library_id)
    items = []
    for record in sorted(repo.partners.values(), key=lambda r: r.id):
        p, area = record.model, record.source.folder or ""
        items.append(PartnerItem(
            id=record.id, name=p.name, type=p.type, type_label=PARTNER_TYPES[p.type], area=area,
            municipality=None if area == NATIONWIDE_SLUG else _municipality(area),
            description=p.description, helps_with=list(p.helps_with), when_to_contact=list(p.when_to_contact),
            contact=PartnerContact(phone=_phone(p.contact.phone), email=p.contact.email, url=p.contact.url,
                                   address=address_text(p.contact.address),
                                   address_parts=None if p.contact.address is None or isinstance(p.contact.address, str)
                                   else Address(**p.contact.address.model_dump())),
            opening_hours=[OpeningWindow(days=list(w.days), opens=w.opens, closes=w.closes, overnight=w.overnight)
                           for w in p.opening_hours],
            opening_note=p.opening_note, languages=list(p.languages), libraries=served[record.id],
            situations=list(p.situations) if p.situations is not None else None,
            last_verified=p.last_verified, verified_by=p.verified_by,
            source=Source(name=p.source.name, url=p.source.url) if p.source else None,
            provenance=_provenance(p), example=p.is_sample, page=addresses.url(addresses.partner(area, record.id))))
    return items


def strategy_items(repo: Repository) -> list[StrategyItem]:
    return [StrategyItem(id=r.id, title=s.title, kind=s.kind, kind_label=STRATEGY_KINDS[s.kind], summary=s.summary,
                         tags=list(s.tags), keywords=list(s.keywords), partner_types=list(s.partner_types),
                         contributed_by=list(s.contributed_by), owner=s.owner, last_reviewed=s.last_reviewed,
                         review_every_months=s.review_every_months, onboarding=s.onboarding,
                         first_steps=list(s.first_steps or []), provenance=_provenance(s),
                         page=addresses.url(addresses.strategy(r.id)))
            for r in sorted(repo.strategies.values(), key=lambda r: r.id) for s in [r.model]]


def library_items(repo: Repository) -> list[LibraryItem]:
    items = []
    for record in sorted(repo.libraries.values(), key=lambda r: r.id):
        lib = record.model
        items.append(LibraryItem(
            id=record.id, name=lib.name, organisation=lib.organisation,
            municipality=_library_municipality(lib.municipality),
            address=Address(street=lib.address.street, postal_code=lib.address.postal_code, city=lib.address.city),
            url=lib.url, approach=list(lib.approach), approach_labels=[APPROACHES[a] for a in lib.approach],
            approach_note=lib.approach_note, contact_role=lib.contact_role,
            contact=LibraryContact(phone=_phone(lib.contact.phone), email=lib.contact.email) if lib.contact else None,
            house_rules=[HouseRule(rule=h.rule, why=h.why, if_broken=h.if_broken) for h in lib.house_rules],
            last_reviewed=lib.last_reviewed, provenance=_provenance(lib),
            contact_card_rows=list(lib.contact_card) if lib.contact_card is not None else None,
            partners=[p.id for p in repo.partners_for_library(record.id)],
            page=addresses.url(addresses.library(record.id)),
            contact_card=addresses.url(addresses.contact_card(record.id)),
            house_rules_poster=addresses.url(addresses.house_rules(record.id))))
    return items


def document(name: str, shape: type[BaseModel], make: Callable[[Repository], list[Any]], repo: Repository) -> str:
    document = Document[shape](version=API_VERSION, kind=name, items=make(repo))  # type: ignore[valid-type]  # the item model is chosen at run time
    # pydantic's own serialiser writes what json.dumps(…, ensure_ascii=False, indent=2) writes, byte
    # for byte (tests/export/test_api_json.py), 20× faster: json.dumps with an indent runs the
    # pure-Python encoder, 1.7 s for the national partners.json on every preview rebuild (issue 18).
    return document.model_dump_json(indent=2) + "\n"


# One file per content kind that has one (`Kind.api` in rummelig.kinds): its items' shape and
# how to make them. A test checks every kind with an `api` name is here.
ITEMS: dict[str, tuple[type[BaseModel], Callable[[Repository], list[Any]]]] = {
    "partners": (PartnerItem, partner_items),
    "strategies": (StrategyItem, strategy_items),
    "libraries": (LibraryItem, library_items),
}


def pages(renderer: Renderer) -> list[Page]:
    """The page producer: one JSON file per kind, copied into the site as it is."""
    return [Page(addresses.api(kind.api), document(kind.api, *ITEMS[kind.api], renderer.repo))
            for kind in KINDS.values() if kind.api and renderer.wants(addresses.api(kind.api))]
