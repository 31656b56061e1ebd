"""No CPR numbers in any text a contributor writes; no phone numbers or e-mails in
encounter notes (the guard itself is `rummelig.privacy`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig import privacy

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository


def check(repo: Repository, problems: Problems) -> None:
    # Every text the loader read: content files, encounter CSVs (whose notes the encounter
    # loader checks in full) and the docs/ pages.
    for rel, text in repo.texts.items():
        privacy.check_text(problems, rel, text)
