"""The playbook pages: `strategier/<id>/` for each playbook, and the list `strategier/`."""

from __future__ import annotations

from rummelig import addresses
from rummelig.models.reference import STRATEGY_KINDS
from rummelig.render.environment import Page, Renderer


def pages(renderer: Renderer) -> list[Page]:
    repo = renderer.repo
    found = []
    for record in sorted(repo.strategies.values(), key=lambda r: r.id):
        s = record.model
        found.append(renderer.page(
            addresses.strategy(record.id), "strategy.md.j2",
            {"title": s.title, "description": s.summary, "tags": s.tags},
            record=record, s=s, owner=repo.libraries.get(s.owner)))
    by_kind = {kind: sorted((r for r in repo.strategies.values() if r.model.kind == kind),
                            key=lambda r: r.model.title.lower()) for kind in STRATEGY_KINDS}
    found.append(renderer.page(addresses.strategies_index(), "strategies_index.md.j2",
                               {"title": "Strategier", "description": "Alle strategier og situationer"},
                               by_kind=by_kind))
    return found
