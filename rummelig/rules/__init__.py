"""Stage 3: cross-file rules. One rule per module; each takes the repository and adds problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.rules import encounters, folders, onboarding, placeholders, references, respectful_language, sections
from rummelig.rules import docs_pages, duplicates, future_dates, insecure_urls, markup, privacy

if TYPE_CHECKING:
    from rummelig.repository import Repository

RULES = [docs_pages.check, folders.check, references.check, sections.check, onboarding.check,
         markup.check, privacy.check, duplicates.check, future_dates.check, insecure_urls.check,
         respectful_language.check, encounters.check,
         placeholders.check]  # last: it replaces other errors on a placeholder line


def apply_rules(repo: Repository) -> None:
    for rule in RULES:
        rule(repo)
