"""The whole content pipeline for a build, as one call: load, check, render.

Engine-independent; the MkDocs hooks and `rummelig materialize` both call `build_site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rummelig.pipeline import check_repository
from rummelig.problems import Problems
from rummelig.render.all_pages import render_pages
from rummelig.render.environment import Page
from rummelig.repository import Repository


@dataclass
class SiteResult:
    repo: Repository
    problems: Problems
    pages: list[Page]


def build_site(root: Path, today: date | None = None) -> SiteResult:
    checked = check_repository(root, today)
    pages = [] if checked.problems.has_errors() else render_pages(checked.repo, today)
    return SiteResult(checked.repo, checked.problems, pages)
