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
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rummelig import privacy

SKIPPED = ("assets/",)
_SHOWN_ATTRIBUTES = re.compile(r"""\b(?:alt|title|aria-label|content)=(?:"([^"]*)"|'([^']*)')""")


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
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    if suffix in (".html", ".htm", ".xml", ".svg"):
        # Cheap first: the raw text (the normalisation drops tags between digits) and the
        # attributes a reader sees; the parser only confirms and places what this finds.
        shown = " ".join(a or b for a, b in _SHOWN_ATTRIBUTES.findall(text))
        if not privacy.find_cpr(text) and not privacy.find_cpr(shown):
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


def scan_site(site_dir: Path, since: float | None = None) -> list[SiteFinding]:
    """Every CPR number in the built site `site_dir`, by file and line; `since`: only in the
    files written at or after that time (a preview's rebuild wrote only the pages that changed;
    the others were scanned when they were written)."""
    found: list[SiteFinding] = []
    for path, rel in _files(site_dir, since):
        try:
            key = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
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
# whose bytes were found clean in this process is not parsed again (issue 18).
_CLEAN: dict[str, bytes] = {}


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


def refuse_built_site(site_dir: Path, since: float | None = None) -> str:
    """Scan the built site (`since`: see scan_site); when it holds a CPR number, empty the
    folder (as MkDocs does at the start of every build) so nothing of it can be published, and
    return the Danish message that stops the build. "" when the site is clean."""
    found = scan_site(site_dir, since)
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
