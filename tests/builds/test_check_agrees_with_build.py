"""`rummelig check` says what the build will do (issue 17): every bad-input case of
tests/bad_inputs/cases.yml that the check accepts is built with the real, strict MkDocs build,
which must then succeed (warnings included: they never stop a build); every case the check
refuses must stop the build in the core, where the MkDocs hook stops it."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rummelig.commands import check
from rummelig.site import build_site
from tests.bad_inputs import table
from tests.support import make_buildable, run_build


def prepared(case: dict, root: Path) -> int:
    """The case's repository, ready for a build; returns what `rummelig check` exits with."""
    table.fixture(root)
    make_buildable(root)
    for change in case.get("change", []):
        table.apply(root, change)
    return check.run(root, io.StringIO())


def test_every_case_the_check_accepts_builds_and_every_case_it_refuses_stops_the_build(tmp_path: Path):
    accepted: list[tuple[dict, Path]] = []
    refused = 0
    for number, case in enumerate(table.cases()):
        if "run" in case:
            continue  # a command of its own, not a contribution
        root = tmp_path / str(number) / "repo"
        if prepared(case, root) == 0:
            accepted.append((case, root))
        else:
            result = build_site(root)
            assert result.problems.has_errors() and result.pages == [], case["input"]
            refused += 1
    assert len(accepted) >= 15 and refused >= 60  # the table's cases, not a handful
    with ThreadPoolExecutor(max_workers=2) as pool:  # separate processes; two cores
        builds = list(pool.map(lambda item: run_build(item[1]), accepted))
    stopped = [(case["input"], result.stderr[-2000:]) for (case, _), result in zip(accepted, builds, strict=True)
               if result.returncode != 0]
    assert stopped == []
    warned = [case["input"] for (case, _), result in zip(accepted, builds, strict=True) if "advarsel:" in result.stderr]
    assert len(warned) >= 3  # the warnings are in the build's log, and did not stop it
