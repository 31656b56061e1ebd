"""Every page address of the site, in one place (contract §7).

A page has a *source uri* — the Markdown file it is inside the site's `docs/` tree, e.g.
`strategier/psykisk-krise.md` — and a *URL* relative to the site root, e.g.
`strategier/psykisk-krise/`. Python (page producers, the API, search) and templates (the
`addr` global) ask this module for both; nothing else spells an address. It plays the part
of MkDocs' `File._get_dest_path`/`_get_url` and of Material's blog `_format_path_for_*`:
one owner per address rule. Addresses are stable: intranet pages and printed posters link
to them.

It also knows which ids would make two sources share an address (`reserved`), so a library
called `vejledning` cannot silently replace the encounters guide.
"""

from __future__ import annotations

import posixpath

# -- the sections of the site ------------------------------------------------------------------
STRATEGIES = "strategier"
LIBRARIES = "biblioteker"
PARTNERS = "partnere"
PARTNER_TYPES = f"{PARTNERS}/type"
ONBOARDING = "ny-medarbejder"
ENCOUNTERS = "gode-moeder"
CONTRIBUTING = "bidrag"
API = "api"


# -- playbooks ---------------------------------------------------------------------------------
def strategy(strategy_id: str) -> str:
    return f"{STRATEGIES}/{strategy_id}.md"


def strategies_index() -> str:
    return f"{STRATEGIES}/index.md"


# -- libraries ---------------------------------------------------------------------------------
def library(library_id: str) -> str:
    return f"{LIBRARIES}/{library_id}/index.md"


def contact_card(library_id: str) -> str:
    return f"{LIBRARIES}/{library_id}/kontaktkort.md"


def house_rules(library_id: str) -> str:
    return f"{LIBRARIES}/{library_id}/husregler.md"


def libraries_index() -> str:
    return f"{LIBRARIES}/index.md"


# -- partners ----------------------------------------------------------------------------------
def area(slug: str) -> str:
    """A partner area's page (municipality, region or hele-landet): every partner's full entry."""
    return f"{PARTNERS}/{slug}/index.md"


def partner(area_slug: str, partner_id: str) -> str:
    """A partner's one full entry: an anchor on its area's page."""
    return f"{area(area_slug)}#{partner_id}"


def partner_type(type_key: str) -> str:
    return f"{PARTNER_TYPES}/{type_key}/index.md"


def partners_index() -> str:
    return f"{PARTNERS}/index.md"


# -- new staff, good encounters, contributors ----------------------------------------------------
def onboarding() -> str:
    return f"{ONBOARDING}/index.md"


def scenarios() -> str:
    """The hand-written cases for reflection (docs/ny-medarbejder/scenarier.md)."""
    return f"{ONBOARDING}/scenarier.md"


def encounters_index() -> str:
    return f"{ENCOUNTERS}/index.md"


ENCOUNTERS_GUIDE_ID = "vejledning"


def encounters_guide() -> str:
    return f"{ENCOUNTERS}/{ENCOUNTERS_GUIDE_ID}.md"


def encounters_library(library_id: str) -> str:
    return f"{ENCOUNTERS}/{library_id}/index.md"


def tally_sheet(library_id: str) -> str:
    return f"{ENCOUNTERS}/{library_id}/optaellingsark.md"


def week_entry(library_id: str) -> str:
    """The page that turns a filled-in tally sheet into the rows to paste into the CSV file."""
    return f"{ENCOUNTERS}/{library_id}/skriv-ugen-ind.md"


def encounters_summary(library_id: str) -> str:
    return f"{ENCOUNTERS}/{library_id}/opsummering.md"


def schema_reference() -> str:
    return f"{CONTRIBUTING}/skema.md"


def wordlist() -> str:
    return f"{CONTRIBUTING}/sprogbrug.md"


def api(name: str) -> str:
    """A machine-readable file: api/partners.json, api/strategies.json, api/libraries.json."""
    return f"{API}/{name}.json"


def home() -> str:
    return "index.md"


def about() -> str:
    """The hand-written page about the knowledge base and its editors (docs/om.md)."""
    return "om.md"


def glossary() -> str:
    """The hand-written glossary (docs/ordliste.md)."""
    return "ordliste.md"



# -- the table: pages made from no content file, and the pages each content file makes ------------
def fixed_pages() -> dict[str, str]:
    """Every generated page that no content file makes (the partner-type pages aside): source
    uri → what it is, in Danish. With `pages_of` this is the one table the address rules read."""
    return {
        home(): "forsiden",
        strategies_index(): "oversigten over strategierne",
        libraries_index(): "oversigten over bibliotekerne",
        partners_index(): "oversigten over partnerne",
        onboarding(): "læsevejen for nye medarbejdere",
        encounters_index(): "oversigten over gode møder",
        encounters_guide(): "vejledningen til gode møder",
        schema_reference(): "skemaet over nøglerne (bidrag/skema/)",
        wordlist(): "listen over sprogbrug (bidrag/sprogbrug/)",
    }


def pages_of(kind: str, ident: str) -> list[str]:
    """The source uris of the pages one content file of `kind` makes ("partner-area": a
    partner folder; a partner itself is an anchor on its area's page)."""
    if kind == "strategy":
        return [strategy(ident)]
    if kind == "library":
        return [library(ident), contact_card(ident), house_rules(ident), encounters_library(ident),
                tally_sheet(ident), week_entry(ident), encounters_summary(ident)]
    if kind == "partner-area":
        return [area(ident)]
    return []


def reserved(kind: str) -> dict[str, str]:
    """Ids a file of `kind` may not have, each with the page it would collide with (Danish):
    derived from the table above, so a new generated page reserves its address by itself.
    `index` is reserved everywhere (MkDocs reads index.md as a folder's page)."""
    if not pages_of(kind, "x"):
        return {}
    fixed = {url(uri): what for uri, what in fixed_pages().items()}
    candidates = {part for address in fixed for part in address.strip("/").split("/")} | {"index"}
    found: dict[str, str] = {}
    for ident in sorted(candidates):
        for uri in pages_of(kind, ident):
            if url(uri) in fixed:
                found.setdefault(ident, f"{fixed[url(uri)]} ({url(uri)})")
    found.setdefault("index", "oversigtssiden i samme mappe (index.md er mappens egen side)")
    if kind == "partner-area":
        found["type"] = "siderne med partnertyper (partnere/type/)"
    return found


# -- from source uri to URL --------------------------------------------------------------------
def url(uri: str, directory_urls: bool = True) -> str:
    """The URL of a source uri relative to the site root, as MkDocs makes it
    (`File._get_url`): `strategier/x.md` → `strategier/x/`, `a/index.md` → `a/`,
    `index.md` → ``; without directory URLs `strategier/x.html`. Anchors and non-Markdown
    files (api/*.json) are kept as they are."""
    path, hash_, anchor = uri.partition("#")
    if not path.endswith(".md"):
        return uri
    stem = path[:-3]
    if not directory_urls:
        result = stem + ".html"
    elif stem == "index":
        result = ""
    elif stem.endswith("/index"):
        result = stem[: -len("index")]
    else:
        result = stem + "/"
    return result + hash_ + anchor


def relative(from_uri: str, to_uri: str) -> str:
    """A relative Markdown link from one page's source uri to another's (MkDocs resolves it
    to the URL and checks it in a strict build)."""
    path, hash_, anchor = to_uri.partition("#")
    return posixpath.relpath(path, posixpath.dirname(from_uri) or ".") + hash_ + anchor
