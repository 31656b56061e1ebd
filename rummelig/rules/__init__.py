"""Stage 3: cross-file rules. One rule per module; each takes the repository and adds problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.rules import (
    docs_pages,
    duplicates,
    encounters,
    folders,
    future_dates,
    insecure_urls,
    markup,
    onboarding,
    placeholders,
    privacy,
    references,
    respectful_language,
    sections,
)

if TYPE_CHECKING:
    from rummelig.repository import Repository

RULES = [docs_pages.check, folders.check, references.check, sections.check, onboarding.check,
         markup.check, privacy.check, duplicates.check, future_dates.check, insecure_urls.check,
         respectful_language.check, encounters.check,
         placeholders.check]  # last: it replaces other errors on a placeholder line


def apply_rules(repo: Repository) -> None:
    for rule in RULES:
        rule(repo)
