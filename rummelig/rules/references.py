"""Every referenced library exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.suggest import did_you_mean

if TYPE_CHECKING:
    from rummelig.repository import Record, Repository


def _check_library(repo: Repository, known: set[str], record: Record, library_id: str, *path: str | int) -> None:
    if library_id not in known:
        repo.problems.error(
            record.rel, record.line(*path),
            f"biblioteket '{library_id}' findes ikke{did_you_mean(library_id, known)}",
            "brug id'et på en fil i libraries/ (filnavnet uden .yml), eller opret biblioteket med "
            "'rummelig new library <id>'", "rules.unknown-library")


def check(repo: Repository) -> None:
    # Computed once: per reference it made the rule quadratic at national scale (issue 8).
    known = repo.library_ids()
    for record in repo.strategies.values():
        for index, library_id in enumerate(record.model.contributed_by):
            _check_library(repo, known, record, library_id, "contributed_by", index)
        _check_library(repo, known, record, record.model.owner, "owner")
    for record in repo.partners.values():
        _check_library(repo, known, record, record.model.verified_by, "verified_by")
        for index, library_id in enumerate(record.model.libraries or []):
            _check_library(repo, known, record, library_id, "libraries", index)
