"""Danish search that finds: add inflections and synonyms to the built search index.

Material's search (lunr) runs in the browser with Danish stop words but no stemmer: turning
lunr's stemmer on breaks Material's wildcard queries (docs-dev/facts.md). Material appends `*` to every
query term, so a query matches an indexed word that *starts with* it: "kommune" finds
"kommunen", but "sovende" does not find "sover". So the index must hold the forms staff
type. After the build we add a hidden `keywords` field to each page's main entry:

- the page's own search words: title, tags, front matter `keywords`, `summary`/`description`;
- their synonyms from `rummelig/data/synonyms.yml` (kept as data, edited by staff);
- the common Danish inflections of every one of those words (Snowball stem + endings).

The field has its own boost (mkdocs.yml, `plugins.search.fields.keywords`); Material indexes
every configured field but shows only title, text and tags in the results, so the added words
are found but never displayed. Engine-independent: the hook passes the site folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import snowballstemmer
import yaml

from rummelig.loading.frontmatter import split_front_matter
from rummelig.models.reference import PARTNER_TYPES, area_name
from rummelig.site import SiteResult

KEYWORDS_FIELD = "keywords"
DEFAULT_KEYWORDS_BOOST = 60

# Endings added to a word's Snowball stem. Only "maximal" endings are needed: the query
# wildcard matches prefixes, so "sovende" also covers "sov", "sove", "soven".
# Nouns -en/-et/-er/-ene/-erne, verbs -er/-ede/-et/-te/-ende, adjectives -e/-t, genitive -s.
_ENDINGS = ("ene", "erne", "ede", "ende", "et", "te", "t", "s", "es")
_MIN_STEM = 3

# Danish stop words: the Snowball list that lunr's `da` stop-word filter uses, plus the
# question words staff type ("hvordan gør jeg …"). lunr drops the Snowball words from the index,
# but Material adds `*` to every query term and lunr skips its filter for those, so "i" would
# search every word starting with i. docs/assets/javascripts/search-query.js removes these
# words from queries (a test keeps both lists equal); here they keep the keywords field small.
STOP_WORDS = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive
mange ad bliver hendes været thi jer sådan
hvordan hvorfor hvornår hvilken hvilket hvilke gør gøre gjorde kan betyder nogen
""".split())

_WORD = re.compile(r"[0-9a-zæøåéüäö]+(?:[.\-][0-9a-zæøåéüäö]+)*", re.IGNORECASE)


@cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("danish")


def words(text: str) -> list[str]:
    """Lower-case words of a text; 'borger.dk' and 'eu-borger' stay one word."""
    return [w.lower() for w in _WORD.findall(text)]


@cache  # pure, and the same few thousand words recur on every page (60 s uncached at national scale; issue 8)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


# -- synonyms -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Synonyms:
    """Groups of words and phrases that mean the same to staff. A phrase matches when its
    words' stems occur in a row in the page's search words."""

    groups: tuple[tuple[str, ...], ...]

    def expand(self, phrases: Iterable[str]) -> list[str]:
        stems = [" ".join(stem(w) for w in words(p)) for p in phrases]
        haystack = " " + " | ".join(stems) + " "
        found: list[str] = []
        for group in self.groups:
            if any(_contains(haystack, member) for member in group):
                found.extend(group)
        return found


def _contains(haystack: str, phrase: str) -> bool:
    needle = _stemmed(phrase)
    return bool(needle) and f" {needle} " in haystack


@cache  # every page tests every synonym phrase (issue 8)
def _stemmed(phrase: str) -> str:
    return " ".join(stem(w) for w in words(phrase))


def load_synonyms(path: Path | None = None) -> Synonyms:
    """Read the synonym list. The file ships with the package and is checked by the tests, so
    a broken file is a programming error, not a content error."""
    text = path.read_text(encoding="utf-8") if path else \
        resources.files("rummelig").joinpath("data/synonyms.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    groups = tuple(tuple(str(member).lower() for member in group) for group in data["groups"])
    return Synonyms(groups)


# -- inflections ----------------------------------------------------------------------------

def inflections(word: str) -> set[str]:
    """The word, and its stem with the common Danish endings (for stems of 3+ letters)."""
    word = word.lower()
    forms = {word}
    if word.isalpha():
        root = stem(word)
        if len(root) >= _MIN_STEM:
            forms.update(root + ending for ending in _ENDINGS)
    return forms


@dataclass
class SearchWords:
    """A page's search words. `own` (title, keywords) also brings in their synonyms; `plain`
    (tags, summary) is added as written, because a broad tag such as "konflikt" on ten pages
    would otherwise give all ten the whole synonym group."""

    own: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.own or self.plain)


def keyword_terms(words_: SearchWords, synonyms: Synonyms) -> list[str]:
    """All index terms for a page's search words: own words + synonyms + plain words,
    inflected, without stop words, and without forms that are a prefix of another form (the
    query wildcard already covers them). Sorted, so the index is the same on every build."""
    forms: set[str] = set()
    for phrase in [*words_.own, *synonyms.expand(words_.own), *words_.plain]:
        for word in words(phrase):
            if word not in STOP_WORDS:
                forms |= inflections(word)
    ordered = sorted(forms)
    return [form for i, form in enumerate(ordered)
            if not (i + 1 < len(ordered) and ordered[i + 1].startswith(form))]


# -- pages and the index --------------------------------------------------------------------

def search_words(meta: Mapping[str, Any]) -> SearchWords:
    """The words a page's front matter offers to search."""
    found = SearchWords()
    if isinstance(meta.get("title"), str):
        found.own.append(meta["title"])
    for key, target in ((KEYWORDS_FIELD, found.own), ("tags", found.plain)):
        value = meta.get(key)
        if isinstance(value, list):
            target.extend(str(v) for v in value if isinstance(v, (str, int)))
    for key in ("summary", "description"):
        if isinstance(meta.get(key), str):
            found.plain.append(meta[key])
    return found


def front_matter(markdown: str) -> dict[str, Any]:
    parts = split_front_matter(markdown)
    if parts is None:
        return {}
    try:
        # libyaml's parser where present (the same data; the pure-Python one is 10× slower).
        data = yaml.load(parts[0], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}  # MkDocs reports a broken front matter in docs/ itself; we add nothing
    return data if isinstance(data, dict) else {}


def location(uri: str, directory_urls: bool = True) -> str:
    """The search-index location of a Markdown source, as MkDocs writes it."""
    stem_uri = uri[:-3] if uri.endswith(".md") else uri
    if not directory_urls:
        return stem_uri + ".html"
    if stem_uri == "index":
        return ""
    if stem_uri.endswith("/index"):
        return stem_uri[: -len("index")]
    return stem_uri + "/"


def enrich_index(index: dict[str, Any], words_by_location: Mapping[str, SearchWords],
                 synonyms: Synonyms, boosts: Mapping[str, float] | None = None) -> int:
    """Add the `keywords` field to the main entry of every page that has search words, and
    a document boost (Material's `boost`) to every entry of the pages in `boosts`.
    Returns how many entries were enriched."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(KEYWORDS_FIELD, {"boost": DEFAULT_KEYWORDS_BOOST})
    enriched = 0
    for entry in index.get("docs", []):
        page_location = str(entry.get("location", "")).split("#")[0]
        if boosts and page_location in boosts:
            entry["boost"] = boosts[page_location]
        found = words_by_location.get(entry.get("location"))
        if found:
            entry[KEYWORDS_FIELD] = " ".join(keyword_terms(found, synonyms))
            enriched += 1
    return enriched


def words_by_location(pages: Iterable[tuple[str, Mapping[str, Any]]], directory_urls: bool,
                      extra: Mapping[str, SearchWords] | None = None) -> dict[str, SearchWords]:
    """(source uri, front matter) pairs → search words per index location. `extra` adds words
    per uri (e.g. a playbook's `keywords`, which its generated page does not carry)."""
    found: dict[str, SearchWords] = {}
    for uri, meta in pages:
        page_words = search_words(meta)
        more = (extra or {}).get(uri)
        if more:
            page_words.own.extend(more.own)
            page_words.plain.extend(more.plain)
        if page_words:
            found[location(uri, directory_urls)] = page_words
    return found


def enrich_search_index(site_dir: Path, docs_dir: Path, generated: Iterable[tuple[str, str]],
                        extra: Mapping[str, SearchWords] | None = None, directory_urls: bool = True,
                        synonyms: Synonyms | None = None, boosts_by_uri: Mapping[str, float] | None = None) -> int:
    """Rewrite `search/search_index.json` in a built site. `generated` is (uri, Markdown) of the
    generated pages; hand-written pages are read from `docs_dir`. Returns the entries enriched,
    0 when the site has no search index (search turned off)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return 0
    pages: list[tuple[str, Mapping[str, Any]]] = [(uri, front_matter(text)) for uri, text in generated]
    for source in sorted(docs_dir.rglob("*.md")):
        pages.append((source.relative_to(docs_dir).as_posix(), front_matter(source.read_text(encoding="utf-8"))))
    index = json.loads(path.read_text(encoding="utf-8"))
    boosts = {location(uri, directory_urls): value for uri, value in (boosts_by_uri or {}).items()}
    count = enrich_index(index, words_by_location(pages, directory_urls, extra), synonyms or load_synonyms(),
                         boosts)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return count


def repository_words(result: SiteResult) -> dict[str, SearchWords]:
    """Search words the generated pages do not carry in their front matter: a playbook's
    `keywords` and the partner types that can help ("henvise til værested"), and where a
    library is (staff search "kontaktkort aalborg")."""
    found: dict[str, SearchWords] = {}
    for record in result.repo.strategies.values():
        s = record.model
        found[f"strategier/{record.id}.md"] = SearchWords(list(s.keywords),
                                                          [PARTNER_TYPES[t] for t in s.partner_types])
    for record in result.repo.libraries.values():
        lib = record.model
        place = [lib.name, lib.organisation, lib.address.city, area_name(lib.municipality)]
        base = f"biblioteker/{record.id}"
        found[f"{base}/index.md"] = SearchWords([*place, "kontaktkort", "husregler", "partnere", lib.contact_role])
        found[f"{base}/kontaktkort.md"] = SearchWords([*place, "kontaktkort", "hvem ringer jeg til", "telefonnumre"])
        found[f"{base}/husregler.md"] = SearchWords([*place, "husregler", "plakat", "regler"])
    return found


# Every library has a contact card and a poster with near-identical words ("ring", "politi",
# "regler"); without a lower weight, three (later thirty) copies crowd the playbook out of a
# general query. Named queries ("kontaktkort dokk1") still find them through their keywords.
LIBRARY_PRINT_PAGE_BOOST = 0.6


def repository_boosts(result: SiteResult) -> dict[str, float]:
    found: dict[str, float] = {}
    for library_id in result.repo.libraries:
        found[f"biblioteker/{library_id}/kontaktkort.md"] = LIBRARY_PRINT_PAGE_BOOST
        found[f"biblioteker/{library_id}/husregler.md"] = LIBRARY_PRINT_PAGE_BOOST
    return found


def enrich_site_search(site_dir: Path, docs_dir: Path, result: SiteResult, directory_urls: bool = True) -> int:
    """The hook's one call after a build: enrich the index of the site just written."""
    return enrich_search_index(site_dir, docs_dir, ((p.uri, p.content) for p in result.pages),
                               repository_words(result), directory_urls, boosts_by_uri=repository_boosts(result))
