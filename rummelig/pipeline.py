"""The whole check, as one call: load the repository, run the cross-file rules, and report.

Engine-independent; `rummelig check`, the build (`rummelig.site.build_site`) and every other
command that needs valid content call `check_repository`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rummelig.kinds import KINDS
from rummelig.problems import Problems, clean
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


def not_a_knowledge_base(root: Path) -> str:
    """A Danish reason why `root` is not a knowledge base to check, or "" when it is one.
    Checking an empty or wrong folder would otherwise report "Alt i orden: 0 …"."""
    folders = ", ".join(f"{kind.folder}/" for kind in KINDS.values())
    if not root.exists():
        return f"mappen {clean(str(root))} findes ikke — kør kommandoen i projektets mappe, eller ret --root"
    if not root.is_dir():
        return f"{clean(str(root))} er ikke en mappe — kør kommandoen i projektets mappe, eller ret --root"
    try:
        found = any((root / kind.folder).is_dir() for kind in KINDS.values())
    except OSError as exc:
        return f"mappen {clean(str(root))} kan ikke læses ({exc.strerror or exc}) — tjek mappens rettigheder"
    if not found:
        return (f"{clean(str(root))} indeholder ikke indhold til Det rummelige bibliotek (ingen af mapperne "
                f"{folders}) — kør kommandoen i projektets mappe, eller ret --root")
    return ""
