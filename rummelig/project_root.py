"""Which folder is the project: the one `--root` names, or else the nearest folder from where the
command runs, upwards, that holds a content folder (strategies/, libraries/, partners/,
encounters/) — as git finds its repository, so `cd partners && rummelig check` works."""

from __future__ import annotations

from pathlib import Path

from rummelig.kinds import KINDS
from rummelig.problems import clean


def content_folders() -> str:
    """The content folders as a reader sees them named: "strategies/, libraries/, …"."""
    return ", ".join(f"{kind.folder}/" for kind in KINDS.values())


def has_content_folder(folder: Path) -> bool:
    """Whether `folder` has one of the content folders (what makes it a knowledge base); an
    unreadable folder raises OSError."""
    return any((folder / kind.folder).is_dir() for kind in KINDS.values())


def holds_content(folder: Path) -> bool:
    """`has_content_folder`, with an unreadable folder on the way up not the project."""
    try:
        return has_content_folder(folder)
    except OSError:
        return False


def find_root(start: Path) -> Path | None:
    """The nearest folder from `start` upwards that holds content, or None."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if holds_content(folder):
            return folder
    return None


def outside_any_project(start: Path) -> str:
    """The Danish reason and fix when no folder from `start` upwards is a project."""
    return (f"{clean(str(start))} ligger ikke i et projekt til Det rummelige bibliotek (ingen af mapperne "
            f"{content_folders()} her eller i mapperne over) — gå ind i projektets mappe (cd), "
            "eller nævn den med --root")
