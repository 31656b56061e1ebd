"""One library's edition of the knowledge base (issue 12 §2): what its intranet publishes.

`make site LIBRARY=<id>` (the build reads `extra.library` in mkdocs.yml, set from the
environment variable RUMMELIG_LIBRARY) renders the site from `edition(repo, id)`: every
shared playbook, that library's profile, card, house rules and good encounters, and the
partners of its municipality, its region and the whole country — nothing of other
municipalities or libraries. The whole repository is still checked first: an edition is
never built from content with errors.
"""

from __future__ import annotations

from dataclasses import replace

from rummelig.encounters.loading import EncounterData
from rummelig.models.reference import areas_of_municipality
from rummelig.problems import Problems
from rummelig.repository import Repository
from rummelig.suggest import did_you_mean


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


def unknown_library(repo: Repository, library_id: str) -> Problems:
    """A Danish problem when the requested edition names no library (empty when it does)."""
    problems = Problems()
    if library_id not in repo.libraries:
        known = sorted(repo.libraries)
        problems.error("mkdocs.yml", None,
                       f"udgaven er sat til biblioteket '{library_id}', som ikke findes"
                       f"{did_you_mean(library_id, known)}",
                       "brug id'et på en fil i libraries/, fx 'make site LIBRARY="
                       f"{known[0] if known else '<bibliotek-id>'}', eller byg uden LIBRARY for den "
                       "nationale udgave", "edition.unknown-library")
    return problems
