"""Every generated page of the site, from a loaded repository: the registry of page producers.

Pure: the result is a list of (source uri, Markdown) that any engine can use — the MkDocs
hooks add them as generated files, `rummelig materialize` writes them to disk. Producers
are keyed by the content kind they present (`rummelig.kinds`); site-wide pages follow.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rummelig import api
from rummelig.encounters import pages as encounter_pages
from rummelig.render import (
    contributor_pages,
    home_page,
    library_pages,
    onboarding_page,
    partner_pages,
    playbook_pages,
)
from rummelig.render.environment import Page, Renderer
from rummelig.repository import Repository

Producer = Callable[[Renderer], list[Page]]

# The pages that present one content kind (a test checks every kind in rummelig.kinds has one).
BY_KIND: dict[str, Producer] = {
    "strategy": playbook_pages.pages,
    "library": library_pages.pages,
    "partner": partner_pages.pages,
    "encounters": encounter_pages.pages,
}
# Pages of the whole site.
SITE: list[Producer] = [home_page.pages, onboarding_page.pages, contributor_pages.pages, api.pages]


def render_pages(repo: Repository, today: date | None = None, library: str | None = None,
                 only: set[str] | None = None) -> list[Page]:
    """Every generated page; `library` names the library whose edition `repo` is (None: national).
    `only`: just these pages (source uris), for a rebuild after an edit (render/dependencies.py)."""
    renderer = Renderer(repo, today, library, only)
    found: list[Page] = []
    for produce in [*BY_KIND.values(), *SITE]:
        found.extend(produce(renderer))
    return found
