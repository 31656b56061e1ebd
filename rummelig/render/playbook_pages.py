"""The playbook pages: `strategier/<id>/` for each playbook, and the list `strategier/`."""

from __future__ import annotations

from rummelig import addresses
from rummelig.contact_card import help_rows
from rummelig.models.reference import EDITORS_ID, STRATEGY_KINDS
from rummelig.render.environment import Page, Renderer
from rummelig.render.format import md


def _name(renderer: Renderer, uri: str, owner: str) -> str:
    """An owner or contributor as Markdown: the library's name, linked where its page is in
    this edition; the editorial group by name."""
    if owner == EDITORS_ID:
        return "redaktionen"
    name = renderer.repo.library_name(owner)
    if name is None:
        return md(owner)
    if owner not in renderer.repo.libraries:  # another library: not in this edition
        return md(name)
    return f"[{md(name)}]({addresses.relative(uri, addresses.library(owner))})"


def pages(renderer: Renderer) -> list[Page]:
    repo = renderer.repo
    found = []
    for record in sorted(repo.strategies.values(), key=lambda r: r.id):
        s = record.model
        uri = addresses.strategy(record.id)
        if not renderer.wants(uri):
            continue
        found.append(renderer.page(
            uri, "strategy.md.j2",
            {"title": s.title, "description": s.summary, "tags": s.tags,
             "page_kind": "skabelon" if s.kind == "template" else "strategi"},
            record=record, s=s, owner_name=_name(renderer, uri, s.owner),
            contributors=", ".join(_name(renderer, uri, c) for c in s.contributed_by if c != s.owner),
            help=help_rows(repo, renderer.library, list(s.partner_types), [s.title, s.summary, *s.tags, *s.keywords],
                           record.id) if s.kind == "situation" else []))
    if not renderer.wants(addresses.strategies_index()):
        return found
    by_kind = {kind: sorted((r for r in repo.strategies.values() if r.model.kind == kind),
                            key=lambda r: r.model.title.lower()) for kind in STRATEGY_KINDS}
    found.append(renderer.page(addresses.strategies_index(), "strategies_index.md.j2",
                               {"title": "Strategier", "description": "Alle strategier og situationer"},
                               by_kind=by_kind))
    return found
