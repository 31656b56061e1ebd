"""An encounter folder is named after a known library: encounters/<library-id>/."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.suggest import did_you_mean

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
READS: dict[str, tuple[str, ...]] = {}  # the sources only


def check(repo: Repository, problems: Problems) -> None:
    known = repo.library_ids()
    for source in repo.sources:
        if source.kind == "encounters" and source.folder not in known:
            problems.error(
                source.rel, None,
                f"mappen '{source.folder}' er ikke et bibliotek{did_you_mean(source.folder or '', known)}",
                "læg filen i encounters/<bibliotek-id>/, hvor <bibliotek-id> er navnet på en fil i libraries/ "
                "uden .yml", "rules.encounters-library")
