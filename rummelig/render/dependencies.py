"""Which generated pages an edit can change (issue 18): the preview (`mkdocs serve`) renders only
those again.

Every page names the *topics* it is made from (`page_topics`), and every version of a content
file names the topics it touches (`file_topics`): a playbook touches itself, the list of all
playbooks and the libraries that own or contributed to it; a partner touches itself, its area,
its type, its area and type together and the libraries that name it; a library touches itself,
the list of libraries and its municipality's list of libraries; a year of good encounters
touches its library's counts. An edit changes the pages that share a topic with the old or the
new version of the file (`affected`) — so a playbook that changes owner is shown on the old
owner's page and on the new one's.

A partner therefore reaches its area page, its type page, the partner list, the API, the pages
of the libraries it serves (their profile, card and house-rules poster: by municipality, region,
the whole country or by name) and, when it is a nationwide line, the help boxes of the
playbooks of its type. In a library's edition every partner it shows reaches every page that
shows the edition's card (the edition topic), and the edition's own library every page.

`tests/render/test_dependencies.py` edits every kind of file in a generated corpus and asserts
that rendering only the affected pages gives exactly the pages a full render gives.
"""

from __future__ import annotations

from typing import Any

from rummelig import addresses
from rummelig.kinds import KINDS
from rummelig.models.reference import NATIONWIDE_SLUG, PARTNER_TYPES, municipalities
from rummelig.repository import Repository

Topic = tuple[str, ...]
EDITION: Topic = ("edition",)
EVERYTHING: Topic = ("everything",)  # an edition's own library: its name and area are on every page


def _region(municipality: str) -> str | None:
    found = municipalities().get(municipality)
    return found.region_slug if found else None


def file_topics(kind: str, record: Any, folder: str | None, shown: bool = False) -> set[Topic]:
    """What one version of a content file touches: `record` is its loaded record (None for an
    encounter file or a file with errors), `folder` its sub-folder; `shown`: in a library's
    edition, the record is one the edition shows (its library, or a partner on its card)."""
    if kind == "encounters":
        return {("encounters", folder or ""), ("kind", "encounters")}
    if record is None:
        return {("kind", kind)}
    model = record.model
    found: set[Topic] = {(kind, record.id), ("kind", kind)}
    if kind == "strategy":
        found |= {("strategies-of", owner) for owner in [model.owner, *model.contributed_by]}
    elif kind == "partner":
        found |= {("area", record.area), ("type", model.type), ("area-type", record.area, model.type)}
        found |= {("partners-of", library_id) for library_id in model.libraries or ()}
    elif kind == "library":
        found.add(("libraries-in", model.municipality))
        if shown:
            found.add(EVERYTHING)
    if shown:
        found.add(EDITION)
    return found


def page_topics(repo: Repository, library: str | None = None) -> dict[str, set[Topic]]:
    """Every generated page of `repo` (an edition of `library`, or national) and its topics."""
    found: dict[str, set[Topic]] = {}
    edition: set[Topic] = {EDITION} if library is not None else set()
    for strategy in repo.strategies.values():
        s = strategy.model
        names = [s.owner, *s.contributed_by]  # shown by name
        topics: set[Topic] = {("strategy", strategy.id), *(("library", owner) for owner in names)}
        if s.kind == "situation":  # the help box: nationwide lines of its types, or the edition's card
            topics |= {("area-type", NATIONWIDE_SLUG, t) for t in s.partner_types} | edition
        found[addresses.strategy(strategy.id)] = topics
    found[addresses.strategies_index()] = {("kind", "strategy")}
    for record in repo.libraries.values():
        lib = record.model
        areas = {lib.municipality, _region(lib.municipality) or "", NATIONWIDE_SLUG}
        shows: set[Topic] = {("library", record.id), ("strategies-of", record.id), ("encounters", record.id),
                             ("partners-of", record.id), *(("area", area) for area in areas), *edition}
        for uri in (addresses.library(record.id), addresses.contact_card(record.id),
                    addresses.house_rules(record.id)):
            found[uri] = set(shows)
        for uri in (addresses.encounters_library(record.id), addresses.tally_sheet(record.id),
                    addresses.week_entry(record.id), addresses.encounters_summary(record.id)):
            found[uri] = {("encounters", record.id), ("library", record.id)}
    found[addresses.libraries_index()] = {("kind", "library")}
    for area in repo.partners_by_area():
        found[addresses.area(area)] = {("area", area), ("libraries-in", area)}
    for type_key in PARTNER_TYPES:
        found[addresses.partner_type(type_key)] = {("type", type_key)}
    found[addresses.partners_index()] = {("kind", "partner")}
    found[addresses.encounters_index()] = {("kind", "encounters"), ("kind", "library")}
    found[addresses.encounters_guide()] = {("kind", "encounters"), ("kind", "library")}
    found[addresses.home()] = {("kind", "strategy"), ("kind", "library"), *edition}
    found[addresses.onboarding()] = {("kind", "strategy")}
    for uri in (addresses.schema_reference(), addresses.wordlist()):
        found[uri] = set()  # the core's own models and word list: a change restarts the preview
    for kind in KINDS.values():
        if kind.api:  # partners list the libraries they serve, libraries their partners
            wanted = {"strategy"} if kind.key == "strategy" else {"partner", "library"}
            found[addresses.api(kind.api)] = {("kind", key) for key in wanted}
    return found


def affected(topics: dict[str, set[Topic]], touched: set[Topic]) -> set[str]:
    """The pages (of `topics`, from `page_topics`) that share a topic with `touched`."""
    if EVERYTHING in touched:
        return set(topics)
    return {uri for uri, made_of in topics.items() if made_of & touched}


def files_of(repo: Repository) -> dict[str, tuple[str, Any, str | None]]:
    """Every content file `repo` holds: its path → (kind, record or None, sub-folder)."""
    found: dict[str, tuple[str, Any, str | None]] = {}
    for kind, bucket in repo.records.items():
        for record in bucket.values():
            found[record.rel] = (kind, record, record.source.folder)
    for encounter_file in repo.encounters.files:
        found[encounter_file.rel] = ("encounters", None, encounter_file.library)
    for library_id, rel in repo.encounters.samples.items():
        found[rel] = ("encounters", None, library_id)
    return found


def touched(changed: set[str], versions: list[tuple[Repository, Repository]]) -> set[Topic]:
    """What the files `changed` (paths) touch, in each version: (the whole repository, the part
    the site shows — the same, or a library's edition of it), before and after the edit."""
    found: set[Topic] = set()
    for whole, shown in versions:
        files = files_of(whole)
        for rel in changed & files.keys():
            kind, record, folder = files[rel]
            is_shown = (shown is not whole and record is not None
                        and shown.records.get(kind, {}).get(record.id) is record)
            found |= file_topics(kind, record, folder, is_shown)
    return found
