"""Stage 3: cross-file rules. One rule per module; each takes the repository and adds problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.rules import folders, onboarding, references, sections

if TYPE_CHECKING:
    from rummelig.repository import Repository

RULES = [folders.check, references.check, sections.check, onboarding.check]


def apply_rules(repo: Repository) -> None:
    for rule in RULES:
        rule(repo)
