"""Build the real site and serve it on 127.0.0.1, at the root and under a sub-path.

Used by the browser tests' fixtures (conftest.py) and by hand:
`.venv/bin/python -m tests.browser.site` builds, serves and prints the addresses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SUB_PATH = "/rummelig/"

CHROMIUM = "/usr/bin/chromium"
# Chromium 156's headless mode builds the address bar's drop-down (a WebUI page, chrome://omnibox-popup)
# in a renderer of its own for every new window, i.e. for every browser context: 0.5-0.8 s of CPU in
# the first second, while the page under test loads. A reader's browser did that once at start-up;
# on 2 shared cores it slowed every test and made the search benchmark measure it (performance.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
                 "--disable-default-apps", "--metrics-recording-only", "--mute-audio",
                 "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup"]


def build(site_dir: Path, *, offline: bool = False, site_url: str | None = None, root: Path = PROJECT,
          library: str | None = None) -> None:
    """A real `mkdocs build --strict` of the project (or of a copy at `root`; one library's
    edition with `library`) into `site_dir`; raises with the log on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("RUMMELIG_SITE_URL", None)
    env.pop("RUMMELIG_OFFLINE", None)
    if site_url:
        env["RUMMELIG_SITE_URL"] = site_url
    if offline:
        env["RUMMELIG_OFFLINE"] = "true"
    env.pop("RUMMELIG_LIBRARY", None)
    if library:
        env["RUMMELIG_LIBRARY"] = library
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "--site-dir",
                             str(site_dir)], cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site at / and at SUB_PATH; unknown addresses get 404.html with status 404,
    as nginx's `error_page 404` does."""

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass

    def translate_path(self, path: str) -> str:
        if path.startswith(SUB_PATH):
            path = "/" + path[len(SUB_PATH):]
        elif path == SUB_PATH.rstrip("/"):
            path = "/"
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass(frozen=True)
class Served:
    site_dir: Path
    origin: str          # http://127.0.0.1:<port>

    @property
    def root(self) -> str:
        return self.origin + "/"

    @property
    def sub(self) -> str:
        return self.origin + SUB_PATH


@contextmanager
def serve(site_dir: Path) -> Iterator[Served]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(site_dir)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(site_dir, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site as a path relative to the site root ('' for the home
    page, 'strategier/x/' for directory URLs), the 404 page excluded."""
    found = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        found.append("" if rel == "." else rel + "/")
    return found


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), site_url="http://127.0.0.1" + SUB_PATH)
        with serve(Path(tmp)) as served:
            print(served.root, served.sub, flush=True)
            threading.Event().wait()
