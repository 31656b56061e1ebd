"""Fixtures: a small, valid content repository in a temp folder, and the same ready for a real
MkDocs build. The helpers they use, and that tests import, are in support.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import DOCS_SCENARIOS, LIBRARY, PARTNER, PROJECT, STRATEGY, write


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal valid repository: one library, one partner, one situation playbook."""
    root = tmp_path / "repo"
    write(root, "libraries/testbib.yml", LIBRARY)
    write(root, "partners/aarhus/vaerestedet.yml", PARTNER)
    write(root, "strategies/en-gaest-sover.md", STRATEGY)
    (root / "encounters").mkdir()
    return root


@pytest.fixture
def site_repo(repo: Path) -> Path:
    """`repo` plus mkdocs.yml, the hooks and minimal docs: ready for a real build."""
    shutil.copy(PROJECT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(PROJECT / "hooks", repo / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "rummelig").symlink_to(PROJECT / "rummelig")  # `watch:` names it
    write(repo, "docs/ny-medarbejder/scenarier.md", DOCS_SCENARIOS)
    for name in ("om.md", "ordliste.md"):
        write(repo, f"docs/{name}", f"# {name[:-3].title()}\n\nTekst.\n")
    shutil.copytree(PROJECT / "docs" / "bidrag", repo / "docs" / "bidrag")  # the nav names bidrag/index.md
    shutil.copytree(PROJECT / "overrides", repo / "overrides")  # theme.custom_dir
    shutil.copytree(PROJECT / "docs" / "assets", repo / "docs" / "assets")  # CSS, JS, iframe-worker shim
    shutil.copy(PROJECT / "docs" / "emner.md", repo / "docs" / "emner.md")  # the nav names the tags page
    return repo
