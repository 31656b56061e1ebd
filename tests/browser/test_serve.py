"""`make serve` on a fresh clone (issue 18): the preview starts (the check's cache folder is
created, and git ignores it), and an edit to a playbook shows in the open page — MkDocs'
livereload, with `--dirty` rebuilding only the pages the edit changed — and, a little later, the
site search finds the new text."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.preview import stop_server, wait_for_server
from rummelig import addresses
from tests.browser.searchui import open_search, search, wait_until_ready
from tests.support import PROJECT

pytestmark = pytest.mark.browser

PLAYBOOK = "ensomhed-og-aeldre"  # a playbook of the project's own content


def _fresh_clone(dest: Path) -> Path:
    """The files git tracks (what a clone holds), as they are in the worktree."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True).stdout
    for rel in filter(None, tracked.decode().split("\0")):
        source = PROJECT / rel
        if source.is_file():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return dest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_make_serve_on_a_fresh_clone_shows_an_edit(tmp_path: Path, page: Page) -> None:
    clone = _fresh_clone(tmp_path / "clone")
    assert not (clone / ".rummelig-cache").exists()
    port = _free_port()
    venv = Path(sys.executable).parent.parent  # the test venv; -o: never reinstall it from the clone
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(["make", "--no-print-directory", "serve", f"VENV={venv}", "-o",
                                 f"{venv}/.site-installed", f"SERVE_ADDR=127.0.0.1:{port}"], cwd=clone,
                                stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        base = f"http://127.0.0.1:{port}/"
        try:
            wait_for_server(base, proc, timeout=300)
        except RuntimeError as error:
            raise AssertionError(f"make serve: {error}:\n{log.read_text()[-3000:]}") from None
        cache = clone / ".rummelig-cache"
        assert (cache / "check.marshal").is_file() and (cache / "CACHEDIR.TAG").is_file()
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", ".rummelig-cache/check.marshal"],
                                 cwd=PROJECT)
        assert ignored.returncode == 0, ".rummelig-cache/ is not in .gitignore"

        page.goto(base + addresses.url(addresses.strategy(PLAYBOOK)), wait_until="load")
        assert "Rummeligmaerke" not in page.inner_text("body")
        path = clone / "strategies" / f"{PLAYBOOK}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nRummeligmaerke er en ny sætning.\n",
                        encoding="utf-8")
        page.wait_for_function("document.body && document.body.innerText.includes('Rummeligmaerke')",
                               polling=100, timeout=120_000)
        # The search index is made again beside the server (a child process), after the reload:
        # a little later the new word finds the playbook.
        found: list[str] = []
        for _ in range(60):
            page.reload(wait_until="load")
            open_search(page)
            wait_until_ready(page)
            found = search(page, "rummeligmaerke", base)
            if found[:1] == [addresses.url(addresses.strategy(PLAYBOOK))]:
                break
            page.wait_for_timeout(1000)
        assert found[:1] == [addresses.url(addresses.strategy(PLAYBOOK))], found
        text = log.read_text(encoding="utf-8", errors="replace")
        assert text.count("Siden er bygget på") >= 2, text[-3000:]  # MkDocs' line, in Danish (buildlog.py)
        assert "Documentation built in" not in text and "Forhåndsvisningen kører på http" in text, text[-3000:]
        # Already the first edit is incremental: a sentence in one playbook builds that page only.
        # (`make serve` passes `-f mkdocs.yml`, a relative path the first build sees as typed and
        # a rebuild as absolute; the preview is kept per project folder.)
        rebuilt = re.findall(r"Forhåndsvisningen bygger (\d+) af (\d+) sider igen", text)
        assert rebuilt and rebuilt[0][0] == "1" and int(rebuilt[0][1]) > 50, text[-3000:]
        assert "Traceback" not in text and "Aborted" not in text, text[-3000:]
    finally:
        stop_server(proc)
