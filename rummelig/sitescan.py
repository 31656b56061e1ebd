"""The last look at a built site, before anyone can open it (issue 13): no CPR number in any
page, search index or data file a reader can fetch, whatever path it took to get there.

Every HTML page is read as text (what a reader sees, and the alt and title texts), every JSON
file as its string values (search indexes, api/*.json); both through the privacy guard's
normalisation (`rummelig.privacy`). The theme's own assets (`assets/`) are not content and
are left out: minified code is full of long numbers. Findings never include the number.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rummelig import forked, privacy

SKIPPED = ("assets/",)
# The attributes a reader sees: `\b(?:alt|title|aria-label|content)=…`, written so that the regex
# engine can skip to the next a, t or c (a pattern that starts with `\b` is tried at every position:
# 3 × slower over a national site's pages). `(?<!\wa)` after the "a" is `\b` before it; the matches
# are the same (tests/test_sitescan.py compares the two patterns).
_SHOWN_ATTRIBUTES = re.compile(r"""(?:a(?<!\wa)(?:lt|ria-label)|t(?<!\wt)itle|c(?<!\wc)ontent)"""
                               r"""=(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class SiteFinding:
    rel: str        # the file inside the site
    line: int
    message: str


class _Text(HTMLParser):
    """The text of a page, one source line per output line, with alt and title attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: dict[int, list[str]] = {}
        self.skip = 0

    def _add(self, text: str) -> None:
        line, _ = self.getpos()
        for offset, part in enumerate(text.split("\n")):
            self.lines.setdefault(line + offset, []).append(part)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name in ("alt", "title", "aria-label", "content") and value:
                self._add(" " + value + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._add(data)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def scan_file(path: Path, rel: str) -> list[SiteFinding]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return scan_text(text, rel, path.suffix.lower())


def scan_text(text: str, rel: str, suffix: str) -> list[SiteFinding]:
    """The findings in one file's text; `suffix` (".html", ".json", …) says how to read it."""
    found = []
    if suffix in (".html", ".htm", ".xml", ".svg"):
        # Cheap first: the raw text (the normalisation drops tags between digits) and the
        # attributes a reader sees; the parser only confirms and places what this finds.
        shown = " ".join(a or b for a, b in _SHOWN_ATTRIBUTES.findall(text))
        if not _may_hold_cpr(text) and not privacy.find_cpr(shown):
            return []
        reader = _Text()
        reader.feed(text)
        reader.close()
        for line, parts in sorted(reader.lines.items()):
            if privacy.find_cpr("".join(parts)):
                found.append(SiteFinding(rel, line, "siden indeholder noget, der ligner et CPR-nummer"))
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError:
            data = text
        if any(privacy.find_cpr(value) for value in _strings(data)):
            found.append(SiteFinding(rel, 1, "filen indeholder noget, der ligner et CPR-nummer"))
    elif suffix in (".js", ".txt", ".csv", ".md"):
        found.extend(SiteFinding(rel, f.line, "filen indeholder noget, der ligner et CPR-nummer")
                     for f in privacy.find_cpr(text)[:1])
    return found


# Lines of pages known to hold no CPR number. Every page of a site repeats the theme's lines (its
# icons' SVG paths have ten digits and more), and `privacy.find_cpr` judges each line on its own,
# so a line judged once needs no second look (issue 18: the scan of a national site's pages).
_CLEAN_LINES: set[str] = set()
_CLEAN_LINES_MAX = 200_000  # a national site's pages have ~45,000 different lines; beyond this, none are kept


def _may_hold_cpr(text: str) -> bool:
    """`bool(privacy.find_cpr(text))`, each line judged once per process: find_cpr judges a text
    line by line (no number spans a line break, and a line is normalised on its own), so the text
    holds a number exactly when one of its lines does."""
    fresh = set(text.split("\n")) - _CLEAN_LINES
    if any(privacy.find_cpr(line) for line in fresh):
        return True
    if len(_CLEAN_LINES) < _CLEAN_LINES_MAX:
        _CLEAN_LINES.update(fresh)
    return False


def scan_site(site_dir: Path, since: float | None = None, folder: str | None = None,
              outside: str | None = None) -> list[SiteFinding]:
    """Every CPR number in the built site `site_dir`, by file and line; `since`: only in the
    files written at or after that time (a preview's rebuild wrote only the pages that changed;
    the others were scanned when they were written). `folder` ("search/"): only the files in it;
    `outside`: all but the files in that folder."""
    found: list[SiteFinding] = []
    for path, rel in _files(site_dir, since):
        if (folder is not None and not rel.startswith(folder)) or (outside is not None and rel.startswith(outside)):
            continue
        try:
            key = _key(path.read_bytes())
        except OSError:
            key = None
        if key is not None and _CLEAN.get(str(path)) == key:
            continue  # these very bytes were scanned, and were clean
        findings = scan_file(path, rel)
        found.extend(findings)
        if key is not None and not findings:
            _CLEAN[str(path)] = key
    return found


# A preview's rebuild writes the search index and the API files again, mostly unchanged: a file
# whose bytes were found clean in this process is not parsed again (issue 18). A full build's
# pages are scanned as they are written, beside the build (PageScan), and land here too.
_CLEAN: dict[str, bytes] = {}


def _key(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class PageScan:
    """The CPR scan of a full build's pages, while MkDocs builds the rest (issue 18: the hooks'
    cost). At national scale the scan of 1,300 pages is seconds of pure Python after the build;
    here a forked child scans each page's HTML as the build hands it over (`add`, from the
    hook's on_post_page), on the other core. `finish` waits for it and marks the bytes it found
    clean, so scan_site, which still looks at every file, skips exactly those bytes: a page the
    child found anything in, or that changed after it was handed over, is scanned again in
    the build's own process. Where there is no fork (Windows) or the child fails, nothing is
    marked and scan_site scans everything, as before."""

    def __init__(self) -> None:
        self._child = forked.Stream(_scan_pages)

    @property
    def pid(self) -> int:
        return self._child.pid

    def add(self, path: str, rel: str, html: str) -> None:
        """A page as MkDocs writes it (`path` its file, `rel` its place in the site); where there is
        no child, or it is gone, scan_site scans every page itself."""
        self._child.send((path, rel, html))

    def finish(self) -> int:
        """Wait for the child; returns how many pages it found clean (now skipped by scan_site)."""
        clean: list[tuple[str, bytes]] = self._child.result() or []  # type: ignore[assignment]
        _CLEAN.update(clean)
        return len(clean)

    def close(self) -> None:
        """Stop the child without its results (the build failed, or the pipe broke)."""
        self._child.close()


def _scan_pages(pages: Iterator[tuple[str, str, str]]) -> list[tuple[str, bytes]]:
    """In PageScan's child: the pages handed over, scanned as scan_file would scan the file the
    build writes (MkDocs encodes a page with errors="xmlcharrefreplace"); the clean ones' keys."""
    clean: list[tuple[str, bytes]] = []
    for path, rel, html in pages:
        data = html.encode("utf-8", errors="xmlcharrefreplace")
        if not scan_text(data.decode("utf-8", errors="replace"), rel, Path(rel).suffix.lower()):
            clean.append((str(Path(path)), _key(data)))
    return clean


class Beside:
    """Work that writes one folder of the built site (`folder`, e.g. "search/": the site's search
    index), done in a forked child while the build's own process scans the rest of the site
    (issue 18: at national scale the index is seconds of pure Python after every page is built,
    and the scan about one more). The child then scans the files it wrote, as scan_site would,
    and hands back the keys of the clean ones, so the build's own scan of the folder (after
    `wait`) skips exactly those bytes. Where there is no fork, or the child fails, the work is
    done in this process at `wait` and its files are scanned here, as before. With `then`, what
    `work` returned (a small picklable value) is handed to it in this process at `wait`, before
    the folder is scanned: a full build starts the search index while MkDocs still writes the
    pages, and the theme's own file in the folder is written only after the theme's (then)."""

    def __init__(self, site_dir: Path, folder: str, work: Callable[[], object],
                 then: Callable[[Any], object] | None = None) -> None:
        self.site_dir, self.folder, self._work, self._then = site_dir, folder, work, then
        self._pid = 0
        self._results = -1
        if not forked.can_fork():
            return
        results_r, results_w = os.pipe()

        def child() -> None:
            os.close(results_r)
            value = work()
            clean = []
            for path, rel in _files(site_dir, None):
                if rel.startswith(folder) and not scan_file(path, rel):
                    clean.append((str(path), _key(path.read_bytes())))
            with os.fdopen(results_w, "wb") as out:
                pickle.dump((value if then is not None else None, clean), out)

        self._pid = forked.start(child)
        os.close(results_w)
        if self._pid:
            self._results = results_r
        else:
            os.close(results_r)

    def wait(self) -> None:
        """The work done (here, if the child did not do it); its clean files marked for scan_site."""
        found: tuple[object, list[tuple[str, bytes]]] | None = None
        if self._pid:
            pid, fd, self._pid, self._results = self._pid, self._results, 0, -1
            found = forked.result(pid, fd)  # type: ignore[assignment]
        if found is None:  # no child, or it failed: the work is done here, and scan_site scans it
            value = self._work()
        else:
            value, clean = found
            _CLEAN.update(clean)
        if self._then is not None:
            self._then(value)

    def close(self) -> None:
        """Stop the child (the build failed before its scan)."""
        if self._results >= 0:
            os.close(self._results)
            self._results = -1
        pid, self._pid = self._pid, 0
        forked.stop(pid)


def _files(site_dir: Path, since: float | None) -> list[tuple[Path, str]]:
    """The files to scan, sorted: os.scandir, so a rebuild of a national site does not stat
    3,000 files twice (its entries know whether they are files; one stat for the time)."""
    found: list[tuple[Path, str]] = []
    folders = [(site_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):  # as rglob: a linked folder is not entered
                    if not (rel + "/").startswith(SKIPPED):
                        folders.append((Path(entry.path), rel + "/"))
                elif entry.is_file() and not rel.startswith(SKIPPED) and (
                        since is None or entry.stat().st_mtime >= since):
                    found.append((Path(entry.path), rel))
            except OSError:
                continue
    return sorted(found, key=lambda item: item[1])


def refuse_built_site(site_dir: Path, since: float | None = None, beside: Beside | None = None) -> str:
    """Scan the built site (`since`: see scan_site); when it holds a CPR number, empty the
    folder (as MkDocs does at the start of every build) so nothing of it can be published, and
    return the Danish message that stops the build. "" when the site is clean. With `beside`
    (the search index being written in a child): the rest of the site is scanned first, then,
    once the child is done, its folder."""
    if beside is None:
        found = scan_site(site_dir, since)
    else:
        found = scan_site(site_dir, since, outside=beside.folder)
        beside.wait()
        found += scan_site(site_dir, since, folder=beside.folder)
        found.sort(key=lambda f: f.rel)  # in the files' order, as one scan gives them
    if not found:
        return ""
    for child in site_dir.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    lines = [f"{site_dir.name}/{f.rel}:{f.line}: {f.message}" for f in found[:20]]
    return ("Den byggede side indeholder noget, der ligner et CPR-nummer, så den er slettet igen:\n"
            + "\n".join(lines) + "\nFind teksten i kilden (kør 'rummelig check'), og slet nummeret — vi skriver "
            "aldrig personoplysninger om borgere.")
