"""No two sources of one page address (issue 13 item 7): MkDocs lets the last file written
win, so a library with the id `vejledning` silently replaced the encounters guide, and a
hand-written page in docs/ at a generated page's address was only caught at build time.

Every address the site will have (`rummelig.sitemap`: generated pages with the file each is
made from, the pages in docs/) is grouped by where it lands (`strategier/x.md` and
`strategier/x/index.md` are both `strategier/x/`); a group with two members is an error at
each member that is a file, naming the other. A file in docs/ at a generated file's path
(api/partners.json) is one too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rummelig import sitemap

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
# What rummelig.sitemap reads (ids and areas come from the sources; areas are sorted by name).
READS: dict[str, tuple[str, ...]] = {}  # the files' paths (rummelig/sitemap.py)


def _named(page: sitemap.PlannedPage) -> str:
    if page.source and page.source.startswith("docs/"):
        return page.source
    if page.source:
        return f"{page.what}, som laves ud fra {page.source}"
    return f"{page.what}, som laves automatisk"


def _shown(address: str) -> str:
    return address or "forsiden"


def check(repo: Repository, problems: Problems) -> None:
    by_address: dict[str, list[sitemap.PlannedPage]] = defaultdict(list)
    generated = sitemap.generated_pages(repo)
    for page in [*generated, *sitemap.docs_pages(repo)]:
        by_address[page.address].append(page)
    for address, pages in by_address.items():
        unique = list({(p.uri, p.source): p for p in pages}.values())  # a library makes six pages, once each
        if len(unique) < 2:
            continue
        for page in unique:
            if page.source is None:
                continue
            others = [p for p in unique if p is not page and p.source != page.source]
            if not others:
                continue
            where = page.source.rstrip("/")
            fix = ("flyt eller omdøb siden i docs/" if page.source.startswith("docs/")
                   else "giv filen et andet navn (et andet id)")
            problems.error(where, None, f"siden får samme adresse ({_shown(address)}) som {_named(others[0])}",
                           fix, "addresses.clash")
    docs = repo.root / "docs"
    for page in generated:
        if not page.uri.endswith(".md") and (docs / page.uri).exists():
            problems.error(f"docs/{page.uri}", None, f"filen har samme adresse som {page.what}, som laves automatisk",
                           "slet filen fra docs/", "addresses.clash")
