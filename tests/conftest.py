"""Fixtures: a small, valid content repository in a temp folder, and the same ready for a real
MkDocs build. The helpers they use, and that tests import, are in support.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import LIBRARY, PARTNER, STRATEGY, make_buildable, write


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
    return make_buildable(repo)
