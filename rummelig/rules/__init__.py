"""Stage 3: cross-file rules. One rule per module; each reads the loaded repository and adds
problems to the list it is given. Rules never change the repository, and their order does
not matter: `apply_rules` runs them all, then lets the placeholder messages replace other
errors on the same line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rummelig.problems import Problems
from rummelig.rules import (
    contact_card,
    docs_pages,
    duplicates,
    encounters,
    folders,
    future_dates,
    insecure_urls,
    links,
    markup,
    page_addresses,
    placeholders,
    positions,
    privacy,
    references,
    respectful_language,
    roles_not_names,
    sections,
)

if TYPE_CHECKING:
    from rummelig.repository import Repository

RULES: list[Callable[[Repository, Problems], None]] = [
    contact_card.check, docs_pages.check, folders.check, references.check, sections.check, positions.check,
    markup.check, privacy.check, roles_not_names.check, duplicates.check, future_dates.check,
    insecure_urls.check, respectful_language.check, encounters.check, placeholders.check, page_addresses.check,
    links.check,
]


def apply_rules(repo: Repository, found: Problems) -> Problems:
    """`found` (what loading reported) and every rule's problems, as one list."""
    problems = Problems()
    problems.extend(found.sorted())
    for rule in RULES:
        rule(repo, problems)
    return placeholders.supersede(problems)
