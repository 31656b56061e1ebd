"""Fixtures: a small, valid content repository in a temp folder, and the same ready for a real
MkDocs build. The helpers they use, and that tests import, are in support.py.

The property-based tests draw the same examples on every run ("repeatable", the default), so a
red `make test` on main is a defect, never a coin toss; `HYPOTHESIS_PROFILE=explore make test`
draws new ones (and hypothesis prints the failing example to add as a fixed case)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support import LIBRARY, PARTNER, STRATEGY, make_buildable, write

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# The search ranking's figures (issue 14: "the browser test prints top-1 and top-3 for both
# halves"). A test's own print is captured, and under pytest-xdist (`make test` runs two workers)
# never shown at all; a test's user properties travel with its report to the main process, so
# the ranking test records each line as `search_line` and the summary at the end prints them.
_SEARCH_LINES: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        _SEARCH_LINES.extend(str(value) for name, value in report.user_properties if name == "search_line")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _SEARCH_LINES:
        terminalreporter.section("search ranking (tests/browser/queries.yml)")
        for line in _SEARCH_LINES:
            terminalreporter.write_line(line)


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
