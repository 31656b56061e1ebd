"""What a live preview keeps between rebuilds (issue 18): `mkdocs serve --dirty` rebuilds after
every save, and this makes the rebuild cost what the edit changed.

- the check keeps every loaded file (rummelig/cache.py): a rebuild loads the edited file only;
- the last good result is kept: only the pages the edit can change are rendered again
  (rummelig/render/dependencies.py);
- each generated page is a file that is written only when the page changed (`stage`), so
  MkDocs' own `--dirty` rebuild (a page whose source is older than its HTML is not built again)
  skips every other page;
- the site search index, which takes seconds to make at national scale, is made again beside
  the server, in a child process (`search_later`); until it is written the previous index
  answers, and the next rebuild stops it rather than wait for it.

Engine-independent like the rest of the core: the MkDocs hooks call it (hooks/rummelig_hooks.py).
"""

from __future__ import annotations

import shutil
import signal
import tempfile
import threading
from pathlib import Path

from rummelig import forked
from rummelig.cache import CheckCache
from rummelig.render.environment import Page
from rummelig.search import THEME_INDEX, make_site_search, parse_theme_index, write_site_search
from rummelig.site import SiteResult, build_site
from rummelig.wholefile import write_whole


class Preview:
    """One preview session of the project in `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache = CheckCache.for_project(root, keep_units=True)
        self.kept: SiteResult | None = None       # the last result without errors
        self._folder: Path | None = None          # the staged pages
        self._staged: dict[str, str] = {}         # uri → the content its file holds
        self._search_lock = threading.Lock()
        self._generation = 0                      # the latest build whose search is wanted
        self._emptied: str | None = None          # the theme's index file as our search leaves it
        self.searching: threading.Thread | None = None
        self._child = 0                           # the process making the search index (POSIX)
        self._site_dir: Path | None = None

    def build(self, library: str | None) -> SiteResult:
        self.stop_searching()  # the previous build's search: never alongside a rebuild
        result = build_site(self.root, library=library, cache=self.cache, previous=self.kept)
        if not result.problems.has_errors():
            self.kept = result
        return result

    def stage(self, pages: list[Page]) -> dict[str, Path]:
        """Every page as a file (uri → path) whose modification time changes only when the
        page's content does."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="rummelig-preview-"))
        found = {}
        for page in pages:
            path = self._folder / page.uri
            if self._staged.get(page.uri) != page.content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page.content, encoding="utf-8")
                self._staged[page.uri] = page.content
            found[page.uri] = path
        return found

    def search_now(self, site_dir: Path, docs_dir: Path, result: SiteResult, directory_urls: bool) -> None:
        """The first build's search index, before the site is served."""
        self.stop_searching()
        with self._search_lock:
            self._generation += 1
            write_site_search(site_dir, docs_dir, result, directory_urls)
            self._remember(site_dir)

    def search_later(self, site_dir: Path, docs_dir: Path, result: SiteResult, directory_urls: bool) -> None:
        """After a rebuild: the theme has just written its full index of every page's sections.
        The page reloads with the previous search index (the theme's file is put back as our
        search left it, at once), and the index is made again beside the server: in a child
        process where the system can fork (POSIX), else in a thread. The next rebuild stops a
        search that has not finished (stop_searching): a rebuild never waits for it, and
        never shares the interpreter with it."""
        path = site_dir / THEME_INDEX
        self.stop_searching()
        if self._emptied is None or not path.is_file():
            self.search_now(site_dir, docs_dir, result, directory_urls)
            return
        data = path.read_bytes()
        write_whole(path, self._emptied)
        self._generation += 1
        self._site_dir = site_dir
        if self._search_in_child(site_dir, docs_dir, result, directory_urls, data):
            return
        generation = self._generation

        def run() -> None:
            if generation != self._generation:
                return  # a later rebuild wants its own index: do not even read this one
            search = make_site_search(docs_dir, result, parse_theme_index(data), directory_urls)
            with self._search_lock:
                if generation != self._generation:
                    return  # a later rebuild wants its own index
                search.write(site_dir)
                self._remember(site_dir)

        self.searching = threading.Thread(target=run, name="rummelig-search", daemon=True)
        self.searching.start()

    def _search_in_child(self, site_dir: Path, docs_dir: Path, result: SiteResult, directory_urls: bool,
                         data: bytes) -> bool:
        """Why a process and not a thread: the index takes seconds of pure Python at national
        scale, and a thread holding the interpreter lock made the next rebuild and the server's
        replies (each a system call that gives the lock up and waits up to 5 ms to get it back)
        several seconds slower. A forked child shares the build's result without copying it and
        runs on the other core. It writes with SIGTERM blocked, so a rebuild that stops it
        (stop_searching) finds either the previous index or the whole new one."""
        def work() -> None:
            search = make_site_search(docs_dir, result, parse_theme_index(data), directory_urls)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
            search.write(site_dir)

        self._child = forked.start(work)
        return bool(self._child)  # False where there is no fork: a thread makes it

    def stop_searching(self) -> None:
        """Stop a search index still being made for an earlier build (a rebuild starts, or the
        preview ends); a finished child's index is remembered as the one the theme's file holds."""
        if self._child:
            pid, self._child = self._child, 0
            forked.stop(pid)
            if self._site_dir is not None:
                self._remember(self._site_dir)  # the new index's config, or the previous one's

    def _remember(self, site_dir: Path) -> None:
        path = site_dir / THEME_INDEX
        self._emptied = path.read_text(encoding="utf-8") if path.is_file() else None

    def close(self) -> None:
        self.stop_searching()
        if self.searching is not None:
            self.searching.join(timeout=60)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
