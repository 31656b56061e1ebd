"""Golden cases, one YAML file per rule (tests/rules/cases/<rule>.yml), in the style of
oprypin's pytest-golden tests: each case starts from the valid fixture repository, writes the
files under `files:` (the whole text, so a message's line can be read off the case), removes
those under `remove:`, runs the whole check, and compares every message, exactly, with
`messages:`. A rule's Danish wording is reviewed where it is written down, next to its input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import messages, write

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert set(case) <= {"name", "files", "remove", "messages"}, (path.name, case)
            found.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return found


@pytest.mark.parametrize("case", _cases())
def test_case(repo: Path, case: dict[str, Any]) -> None:
    for rel in case.get("remove", []):
        (repo / rel).unlink()
    for rel, text in case.get("files", {}).items():
        write(repo, rel, text)
    assert messages(repo) == case["messages"]


def test_every_rule_has_its_cases() -> None:
    rules = {p.stem for p in (Path(__file__).parents[2] / "rummelig" / "rules").glob("*.py")} - {"__init__"}
    assert rules <= {p.stem for p in CASES.glob("*.yml")}
