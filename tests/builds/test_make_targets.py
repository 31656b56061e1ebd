"""The Makefile's build targets as a library employee or an intranet admin runs them: what they
print, in Danish, and how they end."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import PROJECT

VENV = Path(sys.executable).parent.parent  # the test venv; -o: make never reinstalls it

UNKNOWN_LIBRARY = [
    "mkdocs.yml: LIBRARY er sat til 'testbibb', men der er intet bibliotek med det id (mente du 'testbib'?) — "
    "brug et af id'erne i libraries/: testbib, fx 'make site LIBRARY=testbib', eller byg uden LIBRARY for den "
    "nationale udgave",
    "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet.",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make(root: Path, target: str, *variables: str) -> subprocess.CompletedProcess[str]:
    environ = {key: value for key, value in os.environ.items() if key not in ("RUMMELIG_LIBRARY", "LIBRARY")}
    return subprocess.run(["make", "--no-print-directory", "-f", str(PROJECT / "Makefile"), "-o",
                           f"{VENV}/.site-installed", target, f"VENV={VENV}", *variables],
                          cwd=root, capture_output=True, text=True, timeout=600,
                          env={**environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.parametrize("target", ["site", "offline", "serve"])
def test_an_unknown_library_stops_every_target_at_the_check_in_danish(site_repo, target):
    """`make serve LIBRARY=nope` printed the Danish message, then MkDocs' English "Aborted with a
    BuildError!" (its first build stopped on it); now every target stops at the check, before
    MkDocs starts, with the same lines and exit code as `make site` (found in the QA pass)."""
    result = make(site_repo, target, "LIBRARY=testbibb", f"SERVE_ADDR=127.0.0.1:{_free_port()}")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"{VENV}/bin/rummelig check", *UNKNOWN_LIBRARY]
    # What remains on stderr is make's own account of the failed recipe, nothing of MkDocs.
    assert all(line.startswith("make") for line in result.stderr.splitlines()), result.stderr
    for english in ("Traceback", "BuildError", "Aborted", "INFO", "ERROR"):
        assert english not in result.stdout + result.stderr
    assert not (site_repo / "site").exists() and not (site_repo / "dist").exists()
