"""A fresh clone is self-contained: no tracked file reaches for a folder beside the repository
(issue 16). Our own machines have a `shared` folder next to the checkout; a library's clone
does not, so a reference to it passes here and fails there."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.support import PROJECT

# Two spellings: the relative path (with / or \\), and pathlib's parent joined with the folder
# name. Built from parts, and described without either spelling, so this file does not match.
SIBLING = re.compile(
    rb"\.\.[/\\]" + rb"shared\b"
    + rb"|\.parents?(?:\[\d+\])?\s*/\s*['\"]" + rb"shared['\"]"
)


def _tracked_files() -> list[str]:
    result = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True)
    return [name for name in result.stdout.decode("utf-8").split("\0") if name]


def _offenders(root: Path, files: list[str]) -> list[str]:
    found = []
    for name in files:
        path = root / name
        if not path.is_file():  # deleted in the work tree but not yet committed
            continue
        for number, line in enumerate(path.read_bytes().splitlines(), start=1):
            if SIBLING.search(line):
                found.append(f"{name}:{number}: {line.decode('utf-8', 'replace').strip()}")
    return found


def test_no_tracked_file_refers_to_a_shared_folder_beside_the_repository():
    files = _tracked_files()
    assert "pyproject.toml" in files and len(files) > 100
    assert _offenders(PROJECT, files) == []


def test_the_check_finds_both_spellings(tmp_path):
    (tmp_path / "a.md").write_text("See ../" "shared/DESIGN.md\nfine\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("X = PROJECT.parent / 'sha" "red' / 'x'\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("X = ROOT / 'shared-data'\nY = 'data/shared'\n", encoding="utf-8")
    assert _offenders(tmp_path, ["a.md", "b.py", "c.py", "gone.txt"]) == [
        "a.md:1: See ../" "shared/DESIGN.md", "b.py:1: X = PROJECT.parent / 'sha" "red' / 'x'"]
