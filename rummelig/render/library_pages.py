"""Each library's pages — `biblioteker/<id>/` (profile), `…/kontaktkort/` (the printable
contact card) and `…/husregler/` (the house-rules poster) — and the list `biblioteker/`."""

from __future__ import annotations

from rummelig import addresses
from rummelig.contact_card import card
from rummelig.models.reference import NATIONWIDE_SLUG
from rummelig.models.strategy import Strategy
from rummelig.render.environment import Page, Renderer
from rummelig.repository import Record


def pages(renderer: Renderer) -> list[Page]:
    repo = renderer.repo
    nationwide = repo.partners_by_area().get(NATIONWIDE_SLUG, [])
    found: list[Page] = []
    # Each library's playbooks (contributed or owned), by title: one pass over the playbooks,
    # not one per library.
    theirs: dict[str | None, list[Record[Strategy]]] = {}
    for strategy in sorted(repo.strategies.values(), key=lambda r: r.model.title.lower()):
        for library_id in dict.fromkeys([*strategy.model.contributed_by, strategy.model.owner]):
            theirs.setdefault(library_id, []).append(strategy)
    for record in sorted(repo.libraries.values(), key=lambda r: r.id):
        lib = record.model
        if not renderer.wants(*addresses.pages_of("library", record.id)):
            continue
        context = dict(record=record, lib=lib, partners=repo.partners_for_library(record.id), nationwide=nationwide,
                       card=card(repo, record.id),
                       strategies=theirs.get(record.id, []))
        made = [
            (addresses.library(record.id), "library.md.j2",
             {"title": lib.name, "description": f"{lib.name}: kontakt, husregler og partnere"}),
            (addresses.contact_card(record.id), "contact_card.md.j2",
             {"title": f"Kontaktkort – {lib.name}", "description": "Hvem ringer jeg til?", "page_kind": "kontaktkort"}),
            (addresses.house_rules(record.id), "house_rules_poster.md.j2",
             {"title": f"Husregler – {lib.name}", "page_kind": "husregler"}),
        ]
        found.extend(renderer.page(uri, template, meta, **context) for uri, template, meta in made
                     if renderer.wants(uri))
    if not renderer.wants(addresses.libraries_index()):
        return found
    found.append(renderer.page(addresses.libraries_index(), "libraries_index.md.j2", {"title": "Biblioteker"},
                               libraries=sorted(repo.libraries.values(), key=lambda r: r.model.name.lower())))
    return found
