"""What the search can find: one document per page, and one per entry on a page of entries
(a partner on its municipality's page, a word in the glossary).

A document has weighted fields (title, keywords, summary, first steps, tags, headings, body),
a teaser that the result list shows under the title (the summary or the first steps, never the
metadata line), and a prior: how likely a page of its kind is the answer to a staff question
(a situation playbook more than the list of all playbooks or a contributor's guide).

The text comes from the built pages' sections (`Section`, as the theme's search plugin writes
them: location, title, HTML text); the words around it from the repository and front matter.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rummelig import addresses
from rummelig.models.reference import APPROACHES, PARTNER_TYPES, STRATEGY_KINDS, area_name, municipalities
from rummelig.search.language import content_stems
from rummelig.site import SiteResult

FIELDS = ("title", "keywords", "summary", "first_steps", "tags", "headings", "body")


@dataclass(frozen=True)
class Section:
    location: str   # "strategier/x/" or "strategier/x/#afsnit"
    title: str
    text: str       # HTML


@dataclass
class Document:
    location: str
    title: str
    teaser: str = ""                  # plain text shown under the title
    subtitle: str = ""                # for entries: what and where ("Herberg/forsorgshjem · Aarhus")
    steps: list[str] = field(default_factory=list)   # a situation's first steps, shown under the teaser
    kind: str | None = None                           # a playbook's kind (situation, approach, …)
    fields: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    prior: float = 1.0

    def add(self, name: str, *texts: str | None) -> None:
        self.fields[name].extend(t for t in texts if t)


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(text_html: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text_html))).strip()


# -- priors: which kind of page answers a staff question --------------------------------------
# A page that lists other pages (all playbooks, a tag, a partner type, a municipality's page
# as a whole) repeats every title it lists, so it matches everything a little; contributor
# guides quote every word we advise against. Both stay findable by their own names.
PRIOR_SITUATION = 1.0
PRIOR_OTHER_PLAYBOOK = 0.85
PRIOR_ENTRY = 0.9               # a partner's entry: "herberg aarhus" leads here
PRIOR_PARTNER_TYPE = 1.0        # all partners of one type: a bare "gadesygeplejerske" leads here
PRIOR_GLOSSARY_ENTRY = 0.5      # a word's explanation; "hvad betyder …" lifts it (search-worker.js)
PRIOR_LIBRARY = 0.75            # a library's page, contact card and house-rules poster
PRIOR_LIBRARY_PRINT = 0.75
PRIOR_PAGE = 0.7                # other hand-written pages (new staff, good encounters, about)
PRIOR_LISTING = 0.4
PRIOR_CONTRIBUTING = 0.35

TAGS_PAGE = "emner.md"        # docs/emner.md: every playbook per tag
GLOSSARY = "ordliste.md"      # docs/ordliste.md: one entry per word
LISTINGS = tuple(addresses.url(uri) for uri in (addresses.home(), addresses.strategies_index(), TAGS_PAGE,
                                                addresses.partners_index(), addresses.libraries_index(),
                                                addresses.encounters_index()))


def _in(section: str, location: str) -> bool:
    return location.startswith(section + "/")


def page_key(location: str) -> str:
    """A page's address in the directory-URL form, whatever the build writes
    ('strategier/index.html' → 'strategier/', 'strategier/x.html' → 'strategier/x/')."""
    page = location.split("#")[0]
    if page.endswith("index.html"):
        return page[: -len("index.html")]
    if page.endswith(".html"):
        return page[: -len(".html")] + "/"
    return page


def is_playbook(location: str) -> bool:
    key = page_key(location)
    return _in(addresses.STRATEGIES, key) and key not in LISTINGS and "#" not in location


def page_prior(location: str, kind: str | None = None) -> float:
    location = page_key(location)
    if is_playbook(location):
        return PRIOR_SITUATION if kind == "situation" else PRIOR_OTHER_PLAYBOOK
    if _in(addresses.PARTNER_TYPES, location):
        return PRIOR_PARTNER_TYPE
    if location in LISTINGS or _in(addresses.PARTNERS, location):
        return PRIOR_LISTING
    if _in(addresses.CONTRIBUTING, location):
        return PRIOR_CONTRIBUTING
    if _in(addresses.LIBRARIES, location):
        return PRIOR_LIBRARY_PRINT if location.count("/") > 2 else PRIOR_LIBRARY
    return PRIOR_PAGE


# -- building the documents --------------------------------------------------------------------

def location_of(uri: str, directory_urls: bool = True) -> str:
    """The address of a Markdown source as the build writes it (rummelig.addresses owns the rule)."""
    return addresses.url(uri, directory_urls)


@dataclass
class PageWords:
    """Front matter and repository words for one page (by location)."""

    kind: str | None = None
    title: str | None = None          # the front matter's title, when the page shows another heading
    summary: str | None = None
    first_steps: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    boost: float = 1.0
    exclude: bool = False
    by_name: bool = False             # excluded, but found by its title and description (build_documents)


def front_matter_words(meta: Mapping[str, Any]) -> PageWords:
    words = PageWords()
    if isinstance(meta.get("title"), str):
        words.title = meta["title"]
    for key in ("summary", "description"):
        if isinstance(meta.get(key), str) and not words.summary:
            words.summary = meta[key]
    for key, target in (("keywords", words.keywords), ("tags", words.tags), ("first_steps", words.first_steps)):
        value = meta.get(key)
        if isinstance(value, list):
            target.extend(str(v) for v in value if isinstance(v, (str, int)))
    search = meta.get("search")
    if isinstance(search, dict):
        if isinstance(search.get("boost"), (int, float)) and not isinstance(search.get("boost"), bool):
            words.boost = float(search["boost"])
        words.exclude = search.get("exclude") is True
        words.by_name = search.get("by_name") is True
    return words


def repository_words(result: SiteResult, directory_urls: bool = True) -> dict[str, PageWords]:
    """Words the generated pages do not show in their front matter: a playbook's keywords,
    kind and first steps, the partner types that help, and where a library is."""
    found: dict[str, PageWords] = {}
    approaches: dict[str, set[str]] = {}   # an approach playbook's address → its title's stems
    for record in result.repo.strategies.values():
        s = record.model
        location = location_of(addresses.strategy(record.id), directory_urls)
        # a playbook's kind is a word of its own: "skabelon til …" asks for a template,
        # "arbejdsform" for an approach
        found[location] = PageWords(
            kind=s.kind, summary=s.summary, first_steps=list(getattr(s, "first_steps", None) or []),
            keywords=[*s.keywords, *(PARTNER_TYPES[t] for t in s.partner_types),
                      *([STRATEGY_KINDS[s.kind]] if s.kind in STRATEGY_KINDS else [])], tags=list(s.tags))
        if s.kind == "approach":
            approaches[location] = set(content_stems(s.title))
    for key, label in PARTNER_TYPES.items():
        found[location_of(addresses.partner_type(key), directory_urls)] = PageWords(keywords=[label])
    for library in result.repo.libraries.values():
        lib = library.model
        place = [lib.name, lib.organisation, lib.address.city, area_name(lib.municipality)]
        found[location_of(addresses.library(library.id), directory_urls)] = PageWords(
            keywords=place)
        found[location_of(addresses.contact_card(library.id), directory_urls)] = PageWords(
            keywords=[*place, "kontaktkort", "hvem ringer jeg til", "telefonnumre", "telefonliste"])
        found[location_of(addresses.house_rules(library.id), directory_urls)] = PageWords(
            keywords=[*place, "husregler", "plakat", "regler"])
        # the approach playbook of a library's way of working (the approach's name in its
        # title) has the library's name: "dokk1 modellen" is the social librarian
        for approach in lib.approach:
            name = set(content_stems(APPROACHES.get(approach, approach)))
            for location, title in approaches.items():
                if name and name <= title:
                    found[location].keywords.append(lib.name)
    return found


def _digits(phone: str | None) -> str | None:
    """A phone number as staff type it without spaces: '+45 70 201 201' → '70201201'."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    return digits[2:] if digits.startswith("45") and len(digits) == 10 else digits


def served_municipalities(area: str) -> list[str]:
    """The names of the municipalities a region's partner serves; none for another area."""
    return [m.name for m in municipalities().values() if m.region_slug == area]


def partner_entries(result: SiteResult, directory_urls: bool = True) -> dict[str, Document]:
    """One document per partner, at its entry on the municipality's page."""
    found: dict[str, Document] = {}
    for record in result.repo.partners.values():
        p = record.model
        folder = record.source.folder or ""
        place = area_name(folder)
        location = location_of(addresses.partner(folder, record.id), directory_urls)
        doc = Document(location, p.name, teaser=p.description, prior=PRIOR_ENTRY,
                       subtitle=f"{PARTNER_TYPES[p.type]} · {place}")
        # the type is shown with the name (the subtitle), so it counts as the title does: a
        # "natcafé" query finds the night shelter's entry before a shelter's that is a synonym
        doc.add("title", p.name, PARTNER_TYPES[p.type])
        doc.add("keywords", PARTNER_TYPES[p.type], place, _digits(p.contact.phone))
        # a region's line serves its municipalities: "lægevagt aalborg" is Region Nordjylland's
        doc.add("keywords", *served_municipalities(folder))
        doc.add("summary", p.description)
        doc.add("body", *p.helps_with, *p.when_to_contact, p.opening_note, p.contact.phone)
        found[location] = doc
    return found


# Pages whose sections are entries of their own (besides the partner pages): the glossary.
ENTRY_PAGES = (addresses.url(GLOSSARY),)


def build_documents(sections: Iterable[Section], words: Mapping[str, PageWords],
                    entries: Mapping[str, Document]) -> list[Document]:
    """Documents from the built sections, in the order the pages were built."""
    pages: dict[str, Document | None] = {}   # None: a page left out of the search
    for section in sections:
        page, _, anchor = section.location.partition("#")
        text = plain(section.text)
        if section.location in entries:
            entries[section.location].add("body", text)
            continue
        if anchor and page_key(page) in ENTRY_PAGES and text:
            entry = Document(section.location, plain(section.title), teaser=text, prior=PRIOR_GLOSSARY_ENTRY)
            entry.add("title", plain(section.title))
            entry.add("body", text)
            pages[section.location] = entry
            continue  # the page itself keeps its introduction only
        doc = pages.get(page)
        if doc is None:
            info = words.get(page, PageWords())
            if info.exclude:
                pages[page] = None
                continue
            doc = pages[page] = Document(page, plain(section.title),
                                         prior=page_prior(page, info.kind) * info.boost)
            doc.add("title", plain(section.title))
            if info.title and info.title != plain(section.title):
                doc.add("title", info.title)
            doc.add("keywords", *info.keywords)
            doc.add("summary", info.summary)
            doc.add("first_steps", *info.first_steps)
            doc.add("tags", *info.tags)
            doc.teaser = info.summary or ""
            doc.kind = info.kind
            doc.steps = list(info.first_steps)
        if anchor:
            doc.add("headings", plain(section.title))
        if text:
            doc.add("body", text)
            if not doc.teaser and not anchor:
                doc.teaser = text[:240]
    # A page left out of the theme's search for its tables of numbers (a library's counts of
    # good encounters, its tally sheet) is still found by its name: a document of its title,
    # description and keywords, without its text.
    for location, info in words.items():
        if info.exclude and info.by_name and info.title and location not in pages:
            doc = pages[location] = Document(location, info.title, teaser=info.summary or "",
                                             prior=page_prior(location, info.kind) * info.boost)
            doc.add("title", info.title)
            doc.add("keywords", *info.keywords)
            doc.add("summary", info.summary)
    docs = [d for d in pages.values() if d is not None]
    docs.extend(entries.values())
    return docs
