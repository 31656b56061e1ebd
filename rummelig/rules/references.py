"""Every referenced library exists. Shared content may name the editorial group
(`redaktionen`) as its owner or contributor instead of a library. A partner's `situations` name
situation playbooks (only they have the "Ring til" box)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rummelig.models.reference import EDITORS_ID, STRATEGY_KINDS, areas_of_municipality
from rummelig.suggest import did_you_mean

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Record, Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
READS = {"library": ("contact_card", "municipality"), "partner": ("libraries", "situations", "verified_by"),
         "strategy": ("contributed_by", "kind", "owner")}
# Up to this many situations, a message about an unknown one lists them all.
LIST_SITUATIONS_UP_TO = 10


def _check_library(problems: Problems, known: set[str], record: Record[Any], library_id: str | None,
                   *path: str | int, editors: bool = False) -> None:
    if library_id is None or library_id in known or (editors and library_id == EDITORS_ID):
        return
    choices = known | {EDITORS_ID} if editors else known
    also = f", eller '{EDITORS_ID}' for fælles indhold fra redaktionen" if editors else ""
    problems.error(
        record.rel, record.line(*path),
        f"biblioteket '{library_id}' findes ikke{did_you_mean(library_id, choices)}",
        f"brug id'et på en fil i libraries/ (filnavnet uden .yml){also}, eller opret biblioteket med "
        "'rummelig new library <id>'", "rules.unknown-library")


def _check_card(repo: Repository, problems: Problems, record: Record[Any]) -> None:
    """A library's chosen contact-card rows are partners that serve it: in its municipality, its
    region or the whole country, or naming the library in their `libraries`."""
    library = record.model
    areas = areas_of_municipality(library.municipality)
    unloaded = None
    for index, partner_id in enumerate(library.contact_card or []):
        partner = repo.partners.get(partner_id)
        if partner is None:
            if unloaded is None:  # partners whose file is there but has an error (reported there)
                unloaded = repo.file_ids("partner")
            if partner_id in unloaded:
                continue
            problems.error(record.rel, record.line("contact_card", index),
                                f"'contact_card punkt {index + 1}' er '{partner_id}', som ikke er en partner"
                                f"{did_you_mean(partner_id, repo.partners)}",
                                "brug id'et på en fil i partners/ (filnavnet uden .yml)", "rules.unknown-partner")
        elif partner.source.folder not in areas and record.id not in (partner.model.libraries or []):
            problems.error(record.rel, record.line("contact_card", index),
                                f"'contact_card punkt {index + 1}': partneren '{partner_id}' ligger i "
                                f"partners/{partner.source.folder}/, som ikke hører til {library.municipality}",
                                f"vælg en partner fra partners/{areas[0]}/, partners/{areas[1]}/ eller "
                                f"partners/{areas[2]}/, eller skriv '{record.id}' under partnerens libraries",
                                "rules.card-partner-elsewhere")
    if library.contact_card and len(set(library.contact_card)) != len(library.contact_card):
        problems.error(record.rel, record.line("contact_card"), "den samme partner står flere gange",
                            "skriv hver partner én gang", "rules.card-duplicate")


def _check_situations(repo: Repository, problems: Problems, record: Record[Any], known: list[str]) -> None:
    """Each of a partner's `situations` is a situation playbook (`known`, sorted): the box that
    shows the partner is on situations only, and a misspelt id would hide it from every box."""
    unloaded = None
    for index, playbook_id in enumerate(record.model.situations or []):
        if playbook_id in known:
            continue
        where = f"'situations punkt {index + 1}' er '{playbook_id}'"
        strategy = repo.strategies.get(playbook_id)
        if strategy is not None:
            kind = strategy.model.kind
            problems.error(record.rel, record.line("situations", index),
                           f"{where}, men den strategi har kind: {kind} ({STRATEGY_KINDS[kind]}), ikke situation; "
                           "kun situationer har boksen 'Ring til'",
                           "slet punktet, eller skriv id'et på en situation i strategies/", "rules.not-a-situation")
            continue
        if unloaded is None:  # playbooks whose file is there but has an error (reported there)
            unloaded = repo.file_ids("strategy")
        if playbook_id in unloaded:
            continue
        if not known:
            valid = "der er ingen situationer i strategies/ endnu — slet situations"
        elif len(known) <= LIST_SITUATIONS_UP_TO:
            valid = "brug id'et på en situation i strategies/ (filnavnet uden .md): " + ", ".join(known)
        else:
            valid = (f"brug id'et på en af de {len(known)} situationer i strategies/ (filnavnet uden .md, en fil "
                     "med kind: situation)")
        problems.error(record.rel, record.line("situations", index),
                       f"{where}, men der er ingen situation med det id{did_you_mean(playbook_id, known)}", valid,
                       "rules.unknown-situation")


def check(repo: Repository, problems: Problems) -> None:
    # Computed once: per reference it made the rule quadratic at national scale (issue 8).
    known = repo.library_ids()
    if EDITORS_ID in known:
        problems.error(f"libraries/{EDITORS_ID}.yml", None, f"'{EDITORS_ID}' er forbeholdt redaktionen",
                            "giv biblioteket et andet id, fx bibliotekets navn", "rules.reserved-id")
    for record in repo.libraries.values():
        _check_card(repo, problems, record)
    for strategy in repo.strategies.values():
        for index, library_id in enumerate(strategy.model.contributed_by):
            _check_library(problems, known, strategy, library_id, "contributed_by", index, editors=True)
        _check_library(problems, known, strategy, strategy.model.owner, "owner", editors=True)
    situations: list[str] | None = None  # the situation playbooks, once a partner names any
    for partner in repo.partners.values():
        _check_library(problems, known, partner, partner.model.verified_by, "verified_by")
        for index, library_id in enumerate(partner.model.libraries or []):
            _check_library(problems, known, partner, library_id, "libraries", index)
        if partner.model.situations:
            if situations is None:
                situations = sorted(key for key, s in repo.strategies.items() if s.model.kind == "situation")
            _check_situations(repo, problems, partner, situations)
