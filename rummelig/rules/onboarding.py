"""Positions in the new-staff reading path are unique."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository


def check(repo: Repository, problems: Problems) -> None:
    taken: dict[int, str] = {}
    for strategy_id, record in sorted(repo.strategies.items()):
        position = record.model.onboarding
        if position is None:
            continue
        if position in taken:
            problems.error(record.rel, record.line("onboarding"),
                                f"plads {position} i læsevejen bruges også af strategies/{taken[position]}.md",
                                "giv siden en ledig plads, eller ryk de andre", "rules.onboarding-duplicate")
        else:
            taken[position] = strategy_id
