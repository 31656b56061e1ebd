"""The whole check, as one call: load the repository, run the cross-file rules, and report.

Engine-independent; `rummelig check`, the build (`rummelig.site.build_site`) and every other
command that needs valid content call `check_repository`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rummelig.problems import Problems
from rummelig.repository import Repository, load_repository
from rummelig.rules import apply_rules


@dataclass
class Checked:
    repo: Repository
    problems: Problems


def check_repository(root: Path, today: date | None = None) -> Checked:
    """Load and check everything under `root`. Never raises for bad content."""
    repo, problems = load_repository(root, today)
    return Checked(repo, apply_rules(repo, problems))
