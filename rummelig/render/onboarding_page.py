"""The new-staff reading path `ny-medarbejder/`, from the playbooks' `onboarding` positions."""

from __future__ import annotations

from rummelig import addresses
from rummelig.render.environment import Page, Renderer


def pages(renderer: Renderer) -> list[Page]:
    if not renderer.wants(addresses.onboarding()):
        return []
    path = sorted((r for r in renderer.repo.strategies.values() if r.model.onboarding is not None),
                  key=lambda r: r.model.onboarding or 0)
    return [renderer.page(addresses.onboarding(), "onboarding.md.j2",
                          {"title": "Ny medarbejder", "description": "Læsevejen for nye medarbejdere"}, path=path)]
