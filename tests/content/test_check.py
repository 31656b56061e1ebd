"""The project's own content passes `rummelig check`, without language warnings."""

from __future__ import annotations

from rummelig.commands import check
from rummelig.pipeline import check_repository
from tests.support import PROJECT, call


def test_the_project_itself_passes_check():
    result = call(check.run, PROJECT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Alt i orden")


def test_the_project_content_passes_check_without_language_warnings():
    found = [p.format() for p in check_repository(PROJECT).problems if p.code == "language.respectful"]
    assert found == []
