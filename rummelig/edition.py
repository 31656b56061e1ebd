"""One library's edition of the knowledge base (issue 12 §2): what its intranet publishes.

`make site LIBRARY=<id>` (the build reads `extra.library` in mkdocs.yml, set from the
environment variable RUMMELIG_LIBRARY) renders the site from `edition(repo, id)`: every
shared playbook, that library's profile, card, house rules and good encounters, and the
partners of its municipality, its region and the whole country — nothing of other
municipalities or libraries. The whole repository is still checked first: an edition is
never built from content with errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rummelig.encounters.loading import EncounterData
from rummelig.models.reference import areas_of_municipality
from rummelig.problems import Problems
from rummelig.repository import Repository
from rummelig.suggest import closest, did_you_mean


def edition(repo: Repository, library_id: str) -> Repository:
    """The part of `repo` that library `library_id`'s edition shows."""
    library = repo.libraries[library_id]
    areas = set(areas_of_municipality(library.model.municipality))
    partners = {key: record for key, record in repo.partners.items()
                if record.area in areas or library_id in (record.model.libraries or ())}
    encounters = EncounterData(files=[f for f in repo.encounters.files if f.library == library_id],
                               samples={k: v for k, v in repo.encounters.samples.items() if k == library_id})
    records = dict(repo.records, library={library_id: library}, partner=partners)
    others = {key: record.model.name for key, record in repo.libraries.items() if key != library_id}
    return replace(repo, records=records, encounters=encounters, other_libraries=others, _derived={})


# Up to this many libraries, the message for an unknown edition lists every id; beyond that it
# points to the folder (at national scale a list of 100 ids would drown the message).
LIST_IDS_UP_TO = 10


def unknown_library(known: Iterable[str], library_id: str) -> Problems:
    """A Danish problem when the requested edition names none of the `known` library ids (empty
    when it does). `rummelig check` and the build give the same one: `make site LIBRARY=…` stops
    at the check, before the build."""
    problems = Problems()
    ids = sorted(known)
    if library_id in ids:
        return problems
    suggestion = did_you_mean(library_id, ids)
    example = closest(library_id, ids) or (ids[0] if ids else "<bibliotek-id>")
    if not ids:
        where = "der er ingen biblioteker i libraries/ endnu"
    elif len(ids) <= LIST_IDS_UP_TO:
        where = "brug et af id'erne i libraries/: " + ", ".join(ids)
    else:
        where = f"brug id'et på en af de {len(ids)} filer i libraries/ (filnavnet uden .yml)"
    problems.error("mkdocs.yml", None,
                   f"LIBRARY er sat til '{library_id}', men der er intet bibliotek med det id{suggestion}",
                   f"{where}, fx 'make site LIBRARY={example}', eller byg uden LIBRARY for den nationale udgave",
                   "edition.unknown-library")
    return problems
