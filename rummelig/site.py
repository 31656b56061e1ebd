"""The whole content pipeline for a build, as one call: load, validate, render.

Engine-independent; the MkDocs hooks and `rummelig materialize` both call `build_site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rummelig.problems import Problems
from rummelig.render.pages import Page, render_pages
from rummelig.repository import Repository, load_repository


@dataclass
class SiteResult:
    repo: Repository
    pages: list[Page]

    @property
    def problems(self) -> Problems:
        return self.repo.problems


def build_site(root: Path, today: date | None = None) -> SiteResult:
    repo = load_repository(root)
    pages = [] if repo.problems.has_errors() else render_pages(repo, today)
    return SiteResult(repo, pages)
