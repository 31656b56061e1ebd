"""Render every generated page of the site from a loaded repository.

Pure functions: the result is a list of (source uri, Markdown) that any engine can use —
the MkDocs hooks add them as generated files, `rummelig materialize` writes them to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context

from rummelig.api import api_pages
from rummelig.encounters.pages import EncounterView, encounter_pages
from rummelig.models.reference import (
    APPROACHES,
    NATIONWIDE_SLUG,
    PARTNER_TYPES,
    STRATEGY_KINDS,
    area_name,
)
from rummelig.render import format as fmt
from rummelig.render import review_notice
from rummelig.render.contributor_pages import contributor_pages
from rummelig.repository import Repository


@dataclass(frozen=True)
class Page:
    uri: str       # source path inside docs/, e.g. "strategier/psykisk-krise.md"
    content: str   # Markdown with a front matter block made by us


def _front_matter(meta: dict[str, Any]) -> str:
    clean = {k: v for k, v in meta.items() if v not in (None, [], "")}
    return "---\n" + yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


@pass_context
def _link(context: Any, target: str) -> str:
    return fmt.relative(context["page_uri"], target)


def environment() -> Environment:
    env = Environment(loader=PackageLoader("rummelig", "render/templates"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters.update(md=fmt.md, date=fmt.danish_date, phone=fmt.phone_link, phone_text=fmt.phone_display,
                       days=fmt.days_display)
    env.globals.update(link=_link, PARTNER_TYPES=PARTNER_TYPES, APPROACHES=APPROACHES, KINDS=STRATEGY_KINDS,
                       NATIONWIDE=NATIONWIDE_SLUG)
    return env


class SiteRenderer:
    """Holds the repository and the template environment; one method per page kind."""

    def __init__(self, repo: Repository, today: date | None = None) -> None:
        self.repo = repo
        self.today = today or date.today()
        self.env = environment()
        self.env.globals.update(repo=repo, municipality_name=area_name, today=self.today)
        self.env.globals.update(overdue_notice=lambda record: review_notice.notice(record, self.today))
        self.env.globals.update(encounters=EncounterView(repo, self.today))  # gode møder on library pages

    def page(self, uri: str, template: str, meta: dict[str, Any], **context: Any) -> Page:
        body = self.env.get_template(template).render(page_uri=uri, **context)
        return Page(uri, _front_matter(meta) + body)

    def nationwide(self) -> list:
        return self.repo.partners_by_folder().get(NATIONWIDE_SLUG, [])

    # -- playbooks ---------------------------------------------------------------------
    def strategies(self) -> list[Page]:
        repo = self.repo
        pages = []
        for record in sorted(repo.strategies.values(), key=lambda r: r.id):
            s = record.model
            pages.append(self.page(
                f"strategier/{record.id}.md", "strategy.md.j2",
                {"title": s.title, "description": s.summary, "tags": s.tags},
                record=record, s=s, owner=repo.libraries.get(s.owner),
            ))
        by_kind = {kind: sorted((r for r in repo.strategies.values() if r.model.kind == kind),
                                key=lambda r: r.model.title.lower()) for kind in STRATEGY_KINDS}
        pages.append(self.page("strategier/index.md", "strategies_index.md.j2",
                               {"title": "Strategier", "description": "Alle strategier og situationer"},
                               by_kind=by_kind))
        return pages

    # -- libraries ---------------------------------------------------------------------
    def libraries(self) -> list[Page]:
        repo = self.repo
        pages = []
        for record in sorted(repo.libraries.values(), key=lambda r: r.id):
            lib = record.model
            partners = repo.partners_for_library(record.id)
            context = dict(record=record, lib=lib, partners=partners, nationwide=self.nationwide(),
                           strategies=sorted((r for r in repo.strategies.values()
                                              if record.id in r.model.contributed_by or r.model.owner == record.id),
                                             key=lambda r: r.model.title.lower()))
            base = f"biblioteker/{record.id}"
            pages.append(self.page(f"{base}/index.md", "library.md.j2",
                                   {"title": lib.name, "description": f"{lib.name}: kontakt, husregler og partnere"},
                                   **context))
            pages.append(self.page(f"{base}/kontaktkort.md", "contact_card.md.j2",
                                   {"title": f"Kontaktkort – {lib.name}", "description": "Hvem ringer jeg til?"},
                                   **context))
            pages.append(self.page(f"{base}/husregler.md", "house_rules_poster.md.j2",
                                   {"title": f"Husregler – {lib.name}"}, **context))
        pages.append(self.page("biblioteker/index.md", "libraries_index.md.j2",
                               {"title": "Biblioteker"},
                               libraries=sorted(repo.libraries.values(), key=lambda r: r.model.name.lower())))
        return pages

    # -- partners ----------------------------------------------------------------------
    def partners(self) -> list[Page]:
        by_folder = self.repo.partners_by_folder()
        by_type = self.repo.partners_by_type()
        pages = []
        for slug, records in by_folder.items():
            name = area_name(slug)
            libraries = sorted((r for r in self.repo.libraries.values() if r.model.municipality == slug),
                               key=lambda r: r.model.name.lower())
            pages.append(self.page(f"partnere/{slug}/index.md", "partners_municipality.md.j2",
                                   {"title": f"Partnere – {name}"}, slug=slug, name=name, partners=records,
                                   libraries=libraries))
        for type_key, type_label in PARTNER_TYPES.items():
            pages.append(self.page(f"partnere/type/{type_key}/index.md", "partners_type.md.j2",
                                   {"title": f"{type_label} – hele landet"}, type_key=type_key,
                                   type_label=type_label, partners=by_type.get(type_key, [])))
        pages.append(self.page("partnere/index.md", "partners_index.md.j2", {"title": "Partnere"},
                               by_folder=by_folder, by_type=by_type))
        return pages

    # -- new staff ---------------------------------------------------------------------
    def onboarding(self) -> list[Page]:
        path = sorted((r for r in self.repo.strategies.values() if r.model.onboarding is not None),
                      key=lambda r: r.model.onboarding)
        return [self.page("ny-medarbejder/index.md", "onboarding.md.j2",
                          {"title": "Ny medarbejder", "description": "Læsevejen for nye medarbejdere"},
                          path=path)]


RENDERERS: list[Callable[[SiteRenderer], list[Page]]] = [
    SiteRenderer.strategies, SiteRenderer.libraries, SiteRenderer.partners, SiteRenderer.onboarding,
    api_pages, contributor_pages, encounter_pages,
]


def render_pages(repo: Repository, today: date | None = None) -> list[Page]:
    renderer = SiteRenderer(repo, today)
    pages: list[Page] = []
    for render in RENDERERS:
        pages.extend(render(renderer))
    return pages
