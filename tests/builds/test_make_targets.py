"""The Makefile's build targets as a library employee or an intranet admin runs them: what they
print, in Danish, and how they end."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from bench.preview import stop_server, wait_for_server
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


def test_a_site_address_without_https_stops_make_site_at_the_check_in_danish(site_repo, monkeypatch):
    """drift.md: `RUMMELIG_SITE_URL=https://intra.kommune.dk/rummelig/ make site`. Written without
    https://, the check said "Alt i orden" and MkDocs then stopped with "Config value 'site_url': The
    URL isn't valid …" and "Aborted with a configuration error!" (found in the QA pass)."""
    monkeypatch.setenv("RUMMELIG_SITE_URL", "intra.kommune.dk/rummelig/")
    result = make(site_repo, "site")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{VENV}/bin/rummelig check",
        "mkdocs.yml: RUMMELIG_SITE_URL er 'intra.kommune.dk/rummelig/', men adressen skal starte med https:// "
        "(eller http://) og serverens navn — skriv hele adressen, som browseren viser den, fx "
        "RUMMELIG_SITE_URL=https://intra.kommune.dk/rummelig/ make site",
        "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet."]
    assert "Config value" not in result.stderr and "Aborted" not in result.stderr
    assert not (site_repo / "site").exists()


def _engine_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """What MkDocs logged: its lines start with the level ("INFO    -  …")."""
    return [line for line in (result.stdout + result.stderr).splitlines()
            if re.match(r"(INFO|WARNING|ERROR|DEBUG|CRITICAL) +-  ", line)]


@pytest.mark.parametrize(("target", "folder"), [("site", ".site-build"), ("offline", "dist/det-rummelige-bibliotek")])
def test_make_site_and_offline_tell_in_danish_what_the_build_did(site_repo, target, folder):
    """MkDocs' own lines ("Cleaning site directory", "Documentation built in 9.08 seconds") were the
    only English in the output a library employee reads (found in the QA pass)."""
    result = make(site_repo, target)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = _engine_lines(result)
    assert lines[:2] == ["INFO    -  Tømmer mappen, som siden bygges i",
                         f"INFO    -  Bygger siden i mappen {site_repo / folder}"], lines
    assert re.fullmatch(r"INFO    -  Siden er bygget på \d+,\d\d sekunder", lines[2]), lines
    assert len(lines) == 3, lines
    if target == "offline":  # made with the test venv's absolute path too (it was `cd dist && ../$(BIN)`)
        with zipfile.ZipFile(site_repo / "dist/det-rummelige-bibliotek.zip") as archive:
            names = archive.namelist()
        assert "det-rummelige-bibliotek/index.html" in names
        assert all(name.startswith("det-rummelige-bibliotek/") for name in names)


def test_a_warning_still_stops_the_strict_build_in_its_own_words(site_repo):
    """The Danish lines are INFO only: a warning keeps its level and its words, and strict mode
    (mkdocs.yml) still stops the build on it; MkDocs' last line says so in Danish."""
    config = site_repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Om: om.md\n",
                                                                  "  - Om: om.md\n  - Mangler: mangler.md\n"),
                      encoding="utf-8")
    result = make(site_repo, "site")
    assert result.returncode == 2
    assert _engine_lines(result) == [
        "INFO    -  Tømmer mappen, som siden bygges i",
        f"INFO    -  Bygger siden i mappen {site_repo / '.site-build'}",
        "WARNING -  A reference to 'mangler.md' is included in the 'nav' configuration, which is not found in the "
        "documentation files.",
    ]
    assert result.stdout.splitlines()[-1] == (
        "Siden er ikke bygget: MkDocs meldte 1 advarsel (se ovenfor), og med strict: true i mkdocs.yml stopper "
        "bygningen ved den mindste advarsel — ret det, meldingen nævner, og byg igen.")
    assert "Aborted" not in result.stdout + result.stderr
    assert not (site_repo / "site").exists()


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_make_serve_starts_under_both_engines_and_tells_it_in_danish(site_repo, tmp_path, engine):
    """The preview's lines in Danish too; and under ProperDocs the --dirty notice is INFO as under
    MkDocs (it was a WARNING there, and strict mode stopped `make serve ENGINE=properdocs`)."""
    port = _free_port()
    log = tmp_path / "serve.log"
    environ = {key: value for key, value in os.environ.items() if key not in ("RUMMELIG_LIBRARY", "LIBRARY")}
    with log.open("wb") as sink:
        proc = subprocess.Popen(["make", "--no-print-directory", "-f", str(PROJECT / "Makefile"), "-o",
                                 f"{VENV}/.site-installed", "serve", f"VENV={VENV}", f"ENGINE={engine}",
                                 f"SERVE_ADDR=127.0.0.1:{port}"], cwd=site_repo, stdout=sink,
                                stderr=subprocess.STDOUT, start_new_session=True,
                                env={**environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        try:
            wait_for_server(f"http://127.0.0.1:{port}/", proc, timeout=300)
        except RuntimeError as error:
            raise AssertionError(f"make serve: {error}:\n{log.read_text()[-3000:]}") from None
        clock = r"\[\d\d:\d\d:\d\d\] "
        for _ in range(50):  # the server's lines come right after it answers
            lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("INFO")]
            if len(lines) >= 5:
                break
            time.sleep(0.1)
        assert lines[:3] == ["INFO    -  Bygger siden …",
                             "INFO    -  Forhåndsvisningen bygger kun de sider igen, som en ændring berører (--dirty).",
                             lines[2]], lines
        assert re.fullmatch(r"INFO    -  Siden er bygget på \d+,\d\d sekunder", lines[2]), lines
        assert re.fullmatch(f"INFO    -  {clock}Holder øje med ændringer i 'docs', .*", lines[3]), lines
        assert re.fullmatch(f"INFO    -  {clock}Forhåndsvisningen kører på http://127.0.0.1:{port}/", lines[4]), lines
        assert "WARNING" not in log.read_text(encoding="utf-8")
    finally:
        stop_server(proc)
