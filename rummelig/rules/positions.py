"""Positions are unique: in the new-staff reading path (`onboarding`) and on the front page
(`front_page`, situations only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
READS = {"strategy": ("front_page", "kind", "onboarding")}

# key → (where, in Danish; the problem code)
_LISTS = {"onboarding": ("i læsevejen", "rules.onboarding-duplicate"),
          "front_page": ("på forsiden", "rules.front-page-duplicate")}


def check(repo: Repository, problems: Problems) -> None:
    for key, (where, code) in _LISTS.items():
        taken: dict[int, str] = {}
        for strategy_id, record in sorted(repo.strategies.items()):
            position = getattr(record.model, key)
            if position is None:
                continue
            if position in taken:
                problems.error(record.rel, record.line(key),
                               f"plads {position} {where} bruges også af strategies/{taken[position]}.md",
                               "giv siden en ledig plads, eller ryk de andre", code)
            else:
                taken[position] = strategy_id
    for record in repo.strategies.values():
        if record.model.front_page is not None and record.model.kind != "situation":
            problems.error(record.rel, record.line("front_page"),
                           f"'front_page' bruges kun til situationer, men kind er {record.model.kind}",
                           "slet front_page, eller giv en situation pladsen", "rules.front-page-kind")
