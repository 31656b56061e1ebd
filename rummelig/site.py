"""The whole content pipeline for a build, as one call: load, check, render.

Engine-independent; the MkDocs hooks and `rummelig materialize` both call `build_site`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rummelig import addresses
from rummelig.cache import CheckCache
from rummelig.edition import edition, unknown_library
from rummelig.pipeline import check_repository
from rummelig.problems import Problems
from rummelig.render.all_pages import render_pages
from rummelig.render.dependencies import Topic, affected, page_topics, touched
from rummelig.render.environment import Page
from rummelig.repository import Repository


@dataclass
class SiteResult:
    repo: Repository            # what the site shows: the whole repository, or one library's edition
    problems: Problems
    pages: list[Page]
    library: str | None = None  # the library whose edition this is (None: the national edition)
    # What a rebuild after an edit needs (`previous`): the day, the whole checked repository, the
    # hash of every file read, and the topics of every page (rummelig/render/dependencies.py).
    today: date | None = None
    whole: Repository | None = None
    digests: dict[str, str] = field(default_factory=dict)
    topics: dict[str, set[Topic]] = field(default_factory=dict)


def theme_extra(result: SiteResult, directory_urls: bool = True) -> dict[str, str]:
    """What the theme template (overrides/main.html) needs from the core, for `config.extra`:
    the address "Hvem ringer jeg til?" in the red strip links to — the edition's contact card,
    else the list of libraries — and whose edition it is ("" for the national edition, where
    a colleague's remembered library takes the card's place: my-library.js)."""
    target = addresses.contact_card(result.library) if result.library else addresses.libraries_index()
    return {"rummelig_card": addresses.url(target, directory_urls), "rummelig_edition": result.library or ""}


def build_site(root: Path, today: date | None = None, library: str | None = None,
               cache: CheckCache | None = None, previous: SiteResult | None = None,
               share: bool = False) -> SiteResult:
    """Check everything under `root`, then render the national edition, or `library`'s edition.

    For a preview that rebuilds after every save (`mkdocs serve`): with `cache`, files that did
    not change are not loaded or judged again (rummelig/cache.py); with `previous` (the last
    result without errors, of the same edition and day), only the pages an edit can change are
    rendered again (rummelig/render/dependencies.py) and the others are taken from it. With
    `share`, a full render shares its pages with a forked child (render_pages)."""
    day = today or date.today()
    checked = check_repository(root, day, cache)
    problems = checked.problems
    if library is not None:
        problems.extend(unknown_library(checked.repo.libraries, library))
    if problems.has_errors():
        return SiteResult(checked.repo, problems, [], library)
    repo = edition(checked.repo, library) if library is not None else checked.repo
    result = SiteResult(repo, problems, [], library, day, checked.repo, checked.digests)
    if cache is None:
        result.pages = render_pages(repo, day, library, share=share)
        return result
    result.topics = page_topics(repo, library)
    if (previous is None or previous.whole is None or not previous.pages or previous.library != library
            or previous.today != day):
        result.pages = render_pages(repo, day, library, share=share)
        return result
    changed = {rel for rel in checked.digests.keys() | previous.digests.keys()
               if checked.digests.get(rel) != previous.digests.get(rel)}
    topics = touched(changed, [(previous.whole, previous.repo), (checked.repo, repo)])
    only = affected(result.topics, topics) | affected(previous.topics, topics)
    only = (only | (result.topics.keys() - previous.topics.keys())) & result.topics.keys()
    fresh = {page.uri: page for page in render_pages(repo, day, library, only)} if only else {}
    result.pages = [fresh.pop(page.uri, page) for page in previous.pages if page.uri in result.topics]
    result.pages += fresh.values()
    return result
