"""Stage 3: cross-file rules. One rule per module; each takes the repository and adds problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.rules import folders, onboarding, references, sections
from rummelig.rules import docs_pages, duplicates, future_dates, insecure_urls, markup, privacy

if TYPE_CHECKING:
    from rummelig.repository import Repository

RULES = [docs_pages.check, folders.check, references.check, sections.check, onboarding.check,
         markup.check, privacy.check, duplicates.check, future_dates.check, insecure_urls.check]


def apply_rules(repo: Repository) -> None:
    for rule in RULES:
        rule(repo)
