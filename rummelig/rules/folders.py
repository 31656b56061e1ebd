"""A partner folder is an area: a municipality slug, a region (region-<navn>) or hele-landet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.models.reference import NATIONWIDE_SLUG, areas, regions
from rummelig.suggest import did_you_mean

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
READS: dict[str, tuple[str, ...]] = {}  # the sources only


def check(repo: Repository, problems: Problems) -> None:
    known = set(areas())
    for source in repo.sources:
        if source.kind == "partner" and source.folder not in known:
            problems.error(
                source.rel, None,
                f"mappen '{source.folder}' er ikke en kommune{did_you_mean(source.folder or '', known)}",
                "læg filen i partners/<kommune>/, hvor <kommune> er kommunens id (fx koebenhavn, aarhus, "
                f"aalborg), i partners/<region>/ for en regions numre ({', '.join(regions())}) eller i "
                f"partners/{NATIONWIDE_SLUG}/ for landsdækkende tilbud",
                "rules.municipality-folder")
