"""Every generated page of the site, from a loaded repository: the registry of page producers.

Pure: the result is a list of (source uri, Markdown) that any engine can use — the MkDocs
hooks add them as generated files, `rummelig materialize` writes them to disk. Producers
are keyed by the content kind they present (`rummelig.kinds`); site-wide pages follow.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from datetime import date

from rummelig import api, forked
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


# With `share`, a forked child makes these kinds' pages while the build's process makes the rest: at
# national scale each half is about a second of pure Python (issue 18: the build's own cost).
SHARED = ("library", "encounters")


def render_pages(repo: Repository, today: date | None = None, library: str | None = None,
                 only: set[str] | None = None, share: bool = False) -> list[Page]:
    """Every generated page; `library` names the library whose edition `repo` is (None: national).
    `only`: just these pages (source uris), for a rebuild after an edit (render/dependencies.py).
    `share`: make some of them in a forked child, on the other core (the same pages, in the same
    order; where there is no fork or the child fails, all are made here)."""
    renderer = Renderer(repo, today, library, only)
    producers = [*BY_KIND.values(), *SITE]
    shared = [BY_KIND[kind] for kind in SHARED] if share else []
    child = _Child(renderer, shared) if shared else None
    made: dict[Producer, list[Page]] = {}
    for produce in producers:
        if child is None or produce not in shared:
            made[produce] = produce(renderer)
    if child is not None:
        made.update(child.pages())
    return [page for produce in producers for page in made[produce]]


class _Child:
    """`producers` run in a forked child; their pages come back as (uri, Markdown) over a pipe
    (pickling 12 MB of Markdown costs ~0.05 s; the loaded records could not come back as cheaply,
    which is why the child is given the pages to make and not the files to load)."""

    def __init__(self, renderer: Renderer, producers: list[Producer]) -> None:
        self.renderer, self.producers = renderer, producers
        self._pid, self._results = 0, -1
        if (os.cpu_count() or 1) < 2 or not forked.can_fork():
            return
        results_r, results_w = os.pipe()

        def work() -> None:
            os.close(results_r)
            pages = [[(page.uri, page.content) for page in produce(renderer)] for produce in producers]
            with os.fdopen(results_w, "wb") as out:
                pickle.dump(pages, out, protocol=pickle.HIGHEST_PROTOCOL)

        self._pid = forked.start(work)
        os.close(results_w)
        if self._pid:
            self._results = results_r
        else:
            os.close(results_r)

    def pages(self) -> dict[Producer, list[Page]]:
        """The child's pages (made here if there is no child, or it failed)."""
        made: list[list[tuple[str, str]]] | None = None
        if self._pid:
            pid, fd, self._pid, self._results = self._pid, self._results, 0, -1
            made = forked.result(pid, fd)  # type: ignore[assignment]
        if made is None:
            return {produce: produce(self.renderer) for produce in self.producers}
        return {produce: [Page(uri, content) for uri, content in pages]
                for produce, pages in zip(self.producers, made, strict=True)}
