"""The whole content pipeline for a build, as one call: load, check, render.

Engine-independent; the MkDocs hooks and `rummelig materialize` both call `build_site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rummelig import addresses
from rummelig.edition import edition, unknown_library
from rummelig.pipeline import check_repository
from rummelig.problems import Problems
from rummelig.render.all_pages import render_pages
from rummelig.render.environment import Page
from rummelig.repository import Repository


@dataclass
class SiteResult:
    repo: Repository            # what the site shows: the whole repository, or one library's edition
    problems: Problems
    pages: list[Page]
    library: str | None = None  # the library whose edition this is (None: the national edition)


def theme_extra(result: SiteResult, directory_urls: bool = True) -> dict[str, str]:
    """What the theme template (overrides/main.html) needs from the core, for `config.extra`:
    the address "Hvem ringer jeg til?" in the red strip links to — the edition's contact card,
    else the list of libraries — and whose edition it is ("" for the national edition, where
    a colleague's remembered library takes the card's place: my-library.js)."""
    target = addresses.contact_card(result.library) if result.library else addresses.libraries_index()
    return {"rummelig_card": addresses.url(target, directory_urls), "rummelig_edition": result.library or ""}


def build_site(root: Path, today: date | None = None, library: str | None = None) -> SiteResult:
    """Check everything under `root`, then render the national edition, or `library`'s edition."""
    checked = check_repository(root, today)
    problems = checked.problems
    if library is not None:
        problems.extend(unknown_library(checked.repo, library))
    if problems.has_errors():
        return SiteResult(checked.repo, problems, [], library)
    repo = edition(checked.repo, library) if library is not None else checked.repo
    return SiteResult(repo, problems, render_pages(repo, today, library), library)
