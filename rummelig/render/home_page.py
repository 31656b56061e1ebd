"""The front page (`index.md`), task first (issue 12 §3): in a library's edition the first
lines of its contact card, then "Står du i en situation lige nu?" with the situations marked
`front_page` as large links, "Ny her?", whom to call, and the introduction last."""

from __future__ import annotations

from rummelig import addresses
from rummelig.contact_card import card
from rummelig.render.environment import Page, Renderer

CARD_LINES = 4          # card rows the front page of an edition shows
LIBRARY_LINKS = 12      # library cards listed by name on the national front page
SITUATIONS = 8          # large links when no playbook says `front_page`


def pages(renderer: Renderer) -> list[Page]:
    if not renderer.wants(addresses.home()):
        return []
    repo = renderer.repo
    situations = sorted((r for r in repo.strategies.values() if r.model.front_page is not None),
                        key=lambda r: r.model.front_page or 0)
    if not situations:  # a repository without front_page keys still leads with situations
        situations = sorted((r for r in repo.strategies.values() if r.model.kind == "situation"),
                            key=lambda r: (r.model.onboarding or 999, r.model.title.lower()))[:SITUATIONS]
    libraries = sorted(repo.libraries.values(), key=lambda r: r.model.name.lower())
    return [renderer.page(
        addresses.home(), "home.md.j2",
        {"title": "Forside", "description": "Fælles viden for danske folkebiblioteker om at møde mennesker i "
                                           "psykisk og social udsathed",
         "hide": ["navigation", "toc"], "page_kind": "forside"},
        situations=situations, libraries=libraries[:LIBRARY_LINKS], more_libraries=len(libraries) > LIBRARY_LINKS,
        card=card(repo, renderer.library) if renderer.library else None, card_lines=CARD_LINES)]
