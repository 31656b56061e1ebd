"""Preview latency (issue 18): from saving one content file to the page showing the change in
the browser, under `mkdocs serve --dirty` (what `make serve` runs), measured in a real Chromium.

The corpus is served from 127.0.0.1; a page is opened; then, `runs` times for each kind of edit,
a sentence (or a name) that was not there is written into one file and the clock runs until the
open page has reloaded (MkDocs' own livereload) and shows it. The server's log gives the rebuild
time of each build (MkDocs' "Documentation built in …", which the hooks write as "Siden er bygget
på …"), so the table can say how much of the wait is the rebuild and how much the file watcher
and the reload.

Usage: python -m bench.preview CORPUS [--runs 5] [--port 8765]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# MkDocs' "Documentation built in 1.23 seconds", as the hooks write it in Danish (rummelig/buildlog.py).
_BUILT = re.compile(r"Siden er bygget på ([0-9]+,[0-9]+) sekunder")


def _first(root: Path, pattern: str, contains: str = "") -> Path:
    for path in sorted(root.glob(pattern)):
        if contains in path.read_text(encoding="utf-8"):
            return path
    raise SystemExit(f"bench.preview: no {pattern} with {contains!r} in {root}")


def _append_sentence(path: Path, marker: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(f"\n{marker} er en ny sætning.\n")


def _set_name(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^name: .*$", f'name: "{marker}"', text, count=1, flags=re.MULTILINE), encoding="utf-8")


def _add_row(path: Path, marker: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(f"{path.stem}-01-{10 + int(marker):02d},samtale,{7919 + 13 * int(marker)},\n")


def _total(folder: Path) -> str:
    """What the library's page of good encounters says they add up to ("I alt 12.345 gode møder")."""
    total = 0
    for path in folder.glob("*.csv"):
        for row in list(csv.reader(path.read_text(encoding="utf-8").splitlines()))[1:]:
            total += int(row[2] or 1)
    return f"I alt {total:,} gode møder".replace(",", ".")


def edits(root: Path) -> list[tuple[str, Path, str, Callable[[Path, str], None]]]:
    """(kind, file, the page that shows it, how to change it): one per kind of content."""
    playbook = _first(root, "strategies/*-situation.md")
    partner = _first(root, "partners/aarhus/*.yml")
    library = _first(root, "libraries/*.yml", "municipality: odense")
    encounters = sorted((root / "encounters" / library.stem).glob("*.csv"))[-1]
    return [
        ("playbook", playbook, f"strategier/{playbook.stem}/", _append_sentence),
        ("partner", partner, "partnere/aarhus/", _set_name),
        ("library", library, f"biblioteker/{library.stem}/", _set_name),
        ("encounters", encounters, f"gode-moeder/{library.stem}/", _add_row),
    ]


def wait_for_server(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Until `url` answers 200; RuntimeError when the server stops or does not answer in time
    (also used by tests/browser/test_serve.py)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"mkdocs serve did not answer in {timeout:.0f} s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started in its own session, and everything it started (also used by
    tests/browser/test_serve.py)."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def measure(root: Path, runs: int = 5, port: int = 8765, log: Callable[[str], None] = print,
            startup_timeout: float = 900) -> dict[str, Any]:
    """Serve `root`, and per kind of edit: the wait from save to reloaded page, `runs` times."""
    from playwright.sync_api import sync_playwright

    server_log = root / f".bench-serve-{os.getpid()}.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    with server_log.open("wb") as sink:
        # What `make serve` runs (Makefile), on another port.
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty",
                                 "--dev-addr", f"127.0.0.1:{port}"], cwd=root, env=env, stdout=sink,
                                stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    found: dict[str, Any] = {"load_before": round(os.getloadavg()[0], 2)}
    try:
        started = time.monotonic()
        try:
            wait_for_server(base, proc, startup_timeout)
        except RuntimeError as error:
            raise SystemExit(f"bench.preview: {error}") from None
        found["first_build_s"] = round(time.monotonic() - started, 1)
        log(f"[preview] served after {found['first_build_s']} s (first build)")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            for kind, path, address, change in edits(root):
                page.goto(base + address, wait_until="load")
                waits, rebuilds = [], []
                for run in range(runs):
                    marker = str(run) if kind == "encounters" else f"Rummeligmaerke{kind}{run}x{os.getpid()}"
                    built_before = len(_BUILT.findall(server_log.read_text(errors="replace")))
                    start = time.perf_counter()
                    change(path, marker)
                    text = _total(path.parent) if kind == "encounters" else marker
                    page.wait_for_function(f"document.body && document.body.innerText.includes({text!r})",
                                           polling=20, timeout=120_000)
                    waits.append(round(time.perf_counter() - start, 3))
                    builds = _BUILT.findall(server_log.read_text(errors="replace"))[built_before:]
                    rebuilds.append(float(builds[-1].replace(",", ".")) if builds else None)
                    time.sleep(1.0)  # let the search index of this build finish before the next edit
                found[kind] = {"median_s": statistics.median(waits), "runs_s": waits,
                               "rebuild_s": [r for r in rebuilds if r is not None],
                               "file": path.relative_to(root).as_posix(), "page": address}
                log(f"[preview] {kind}: {found[kind]['median_s']:.2f} s from save to the page showing it "
                    f"(runs {waits}; MkDocs' rebuilds {found[kind]['rebuild_s']} s), load {os.getloadavg()[0]:.1f}")
            browser.close()
    finally:
        stop_server(proc)
        found["server_log_tail"] = server_log.read_text(errors="replace")[-3000:]
        server_log.unlink(missing_ok=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Preview latency: save → reloaded page, in Chromium.")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    found = measure(args.corpus.resolve(), args.runs, args.port)
    print({k: v for k, v in found.items() if k != "server_log_tail"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
