"""Site search: Danish that finds the right playbook first (issue 14).

The build writes a ready-made index (rummelig.search.index) from the built pages' sections and
the repository (rummelig.search.documents), with the Danish of rummelig.search.language; the
browser side is docs/assets/javascripts/search-worker.js, a search worker in the theme's
protocol. Engine-independent: the MkDocs hook only passes the site folder and the build result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rummelig.loading.frontmatter import split_front_matter
from rummelig.search.documents import (
    PageWords,
    Section,
    build_documents,
    front_matter_words,
    location_of,
    partner_entries,
    repository_words,
)
from rummelig.search.index import FOLDER, Built, build, write
from rummelig.search.language import STOP_WORDS
from rummelig.site import SiteResult
from rummelig.wholefile import write_whole

THEME_INDEX = "search/search_index.json"
SEARCH_FOLDER = "search/"  # the site's folder that holds every file of the search (the theme's and ours)

__all__ = ["FOLDER", "SEARCH_FOLDER", "STOP_WORDS", "THEME_INDEX", "SiteSearch", "make_site_search",
           "parse_theme_index", "read_theme_index", "write_site_search", "write_theme_index"]


def read_theme_index(site_dir: Path) -> tuple[dict[str, Any], list[Section]] | None:
    """The theme's search index (MkDocs' format: config + one entry per page section)."""
    path = site_dir / THEME_INDEX
    if not path.is_file():
        return None
    return parse_theme_index(path.read_bytes())


def parse_theme_index(raw: bytes) -> tuple[dict[str, Any], list[Section]]:
    """The theme's search index from the bytes of its file."""
    data = json.loads(raw.decode("utf-8"))
    sections = [Section(str(d.get("location", "")), str(d.get("title", "")), str(d.get("text", "")))
                for d in data.get("docs", [])]
    return data.get("config", {}), sections


def _front_matter(markdown: str) -> dict[str, Any]:
    import yaml

    parts = split_front_matter(markdown)
    if parts is None:
        return {}
    try:
        data = yaml.load(parts[0], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}  # MkDocs reports a broken front matter in docs/ itself
    return data if isinstance(data, dict) else {}


def page_words(result: SiteResult, docs_dir: Path, directory_urls: bool = True) -> dict[str, PageWords]:
    found: dict[str, PageWords] = {}
    for page in result.pages:
        found[location_of(page.uri, directory_urls)] = front_matter_words(_front_matter(page.content))
    for source in sorted(docs_dir.rglob("*.md")):
        uri = source.relative_to(docs_dir).as_posix()
        found[location_of(uri, directory_urls)] = front_matter_words(_front_matter(source.read_text(encoding="utf-8")))
    for location, words in repository_words(result, directory_urls).items():
        base = found.get(location, PageWords())
        words.boost, words.exclude, words.title = base.boost, base.exclude, base.title
        words.tags = words.tags or base.tags
        words.summary = words.summary or base.summary
        found[location] = words
    return found


class SiteSearch:
    """The site's search index, made and not yet written (a preview makes it in a child process
    and writes it only if no newer build wants its own: rummelig/preview.py)."""

    def __init__(self, built: Built, config: dict[str, Any]) -> None:
        self.built, self.config = built, config

    @property
    def documents(self) -> int:
        return len(self.built.documents)

    def write(self, site_dir: Path) -> int:
        """Write our index next to the theme's and empty the theme's (the browser no longer
        needs it; it keeps the config the theme reads, plus our index version). Returns the
        number of documents."""
        write_theme_index(site_dir, self.config, self.write_index(site_dir))
        return self.documents

    def write_index(self, site_dir: Path) -> str:
        """Only our index's files (search/rummelig/<version>/); returns the version, which
        write_theme_index then puts in the theme's file (a full build writes the index before
        the theme writes its file: rummelig.sitescan.Beside)."""
        return write(self.built, site_dir)


def write_theme_index(site_dir: Path, config: dict[str, Any], version: str) -> None:
    """The theme's search index emptied: the config the theme reads, plus our index version."""
    config = {**config, "rummelig": {"version": version, "folder": f"{FOLDER}/{version}"}}
    write_whole(site_dir / THEME_INDEX, json.dumps({"config": config, "docs": []}, ensure_ascii=False))


def make_site_search(docs_dir: Path, result: SiteResult, theme: tuple[dict[str, Any], list[Section]],
                     directory_urls: bool = True) -> SiteSearch:
    """The index of the built site whose theme index is `theme` (read_theme_index)."""
    config, sections = theme
    documents = build_documents(sections, page_words(result, docs_dir, directory_urls),
                                partner_entries(result, directory_urls))
    return SiteSearch(build(documents), config)


def write_site_search(site_dir: Path, docs_dir: Path, result: SiteResult, directory_urls: bool = True) -> int:
    """After a build: make and write the site's search index (SiteSearch.write). Returns the
    number of documents, 0 when the site has no search."""
    theme = read_theme_index(site_dir)
    if theme is None:
        return 0
    return make_site_search(docs_dir, result, theme, directory_urls).write(site_dir)
