"""The check's memory of each file (issue 18): what loading it and the file rules found, and the
facts the repository rules read, keyed by the file's path and the hash of its bytes.

A check after one edit reads every file (to hash it) but loads and judges only the one whose
bytes changed (rummelig/pipeline.py). The memory lives in `.rummelig-cache/` in the project
folder — outside the content folders, ignored by git, safe to delete at any time — and is used
only under the same `context`: the core's own files (rummelig/, its templates and data), the
installed packages, the Python version, mkdocs.yml and the day (a date can lie in the future
today and not tomorrow). Anything else — another version, a corrupt or unreadable file, a
folder that cannot be written — means a check from scratch, without a word: the cache can make
a check faster, never different.

A long-lived process (`mkdocs serve`) also keeps the loaded files themselves in memory
(`keep_units`), so a rebuild after one edit loads one file.

JSON, not pickle: reading the cache must never run code, whoever wrote the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rummelig.problems import Problem, Severity

if TYPE_CHECKING:
    from rummelig.repository import Unit

FOLDER = ".rummelig-cache"
_FILE = "check.json"
_FORMAT = 2
_CORE = Path(__file__).resolve().parent

# A folder of caches is marked as such (https://bford.info/cachedir/) and ignored by git even in
# a checkout without our .gitignore, as pytest does with .pytest_cache.
_MARKERS = {
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# The check's cache (rummelig/cache.py): safe to delete.\n",
    ".gitignore": "# Created by rummelig (rummelig/cache.py): safe to delete.\n*\n",
}


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache
def core_version() -> str:
    """A hash of every file of the core package (code, templates, data) by its name, size and
    modification time: a cache written by other code is never read. Python trusts the same
    two figures to tell whether a module's compiled bytecode is current; reading and hashing
    the ~2 MB of the core on every check cost more than the rest of a warm check's setup."""
    h = hashlib.blake2b(digest_size=16)
    for folder, dirs, files in os.walk(_CORE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            found = os.stat(path)
            h.update(f"{os.path.relpath(path, _CORE)}\0{found.st_size}\0{found.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _packages() -> list[str]:
    """The installed distributions with their versions (names of *.dist-info folders): an upgrade
    of pydantic or PyYAML can change a message."""
    found: set[str] = set()
    for key in ("purelib", "platlib"):
        folder = sysconfig.get_paths().get(key)
        if not folder:
            continue
        try:
            found.update(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(found)


def context(root: Path, today: date) -> str:
    """What every cached result depends on besides the file itself."""
    h = hashlib.blake2b(digest_size=16)
    try:
        settings = (root / "mkdocs.yml").read_bytes()
    except OSError:
        settings = b"(none)"
    for part in (str(_FORMAT), core_version(), sys.version, "\n".join(_packages()), today.isoformat(),
                 digest(settings)):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


@dataclass
class Entry:
    """One file's result: its problems (loading and file rules), the facts the repository rules
    read (None: it has no record), a sample marker's answer, and — in memory only — the loaded
    file itself."""

    kind: str
    digest: str
    problems: list[Problem]
    facts: dict[str, Any] | None = None
    sample: bool | None = None
    unit: Unit | None = None
    findings: dict[str, Any] | None = None  # the repository rules' per-file part (rules.per_file_findings)
    seen: tuple[int, int, int] | None = None  # in memory only: (mtime_ns, size, when it was read) of `unit`


def _problem_data(p: Problem) -> list[Any]:
    return [p.path, p.line, p.message, p.fix, p.severity is Severity.ERROR, p.code]


def _problem(data: list[Any]) -> Problem:
    path, line, message, fix, is_error, code = data
    return Problem(path, line, message, fix, Severity.ERROR if is_error else Severity.WARNING, code)


class CheckCache:
    """The memory of one project's check. `folder`: where it is kept (None: in memory only);
    `keep_units`: also keep the loaded files (for a process that checks many times)."""

    def __init__(self, folder: Path | None, keep_units: bool = False) -> None:
        self.folder = folder
        self.keep_units = keep_units
        self._context: str | None = None
        self.entries: dict[str, Entry] = {}
        # The file rules' problems about no content file (their own data); None: not known yet.
        self.extra: list[Problem] | None = None

    @classmethod
    def for_project(cls, root: Path, keep_units: bool = False) -> CheckCache:
        return cls(root / FOLDER, keep_units)

    def open(self, context_key: str) -> None:
        """Make the entries those of `context_key`: kept ones if it is the same, else the
        folder's if they were written under it, else none."""
        if self._context == context_key:
            return
        self._context = context_key
        self.entries, self.extra = {}, None
        if self.folder is not None:
            self._read(context_key)

    def _read(self, context_key: str) -> None:
        assert self.folder is not None
        try:
            data = json.loads((self.folder / _FILE).read_bytes())
            if not isinstance(data, dict) or data.get("context") != context_key:
                return
            entries = {rel: Entry(e["kind"], e["digest"], [_problem(p) for p in e["problems"]], e["facts"],
                                  e["sample"], findings=e["findings"]) for rel, e in data["files"].items()}
            extra = [_problem(p) for p in data["extra"]]
        except Exception:  # noqa: BLE001 - whatever is wrong with it, the check runs from scratch
            return
        self.entries, self.extra = entries, extra

    def get(self, rel: str, kind: str, file_digest: str | None) -> Entry | None:
        entry = self.entries.get(rel)
        if entry is None or file_digest is None or entry.digest != file_digest or entry.kind != kind:
            return None
        return entry

    def update(self, entries: dict[str, Entry], extra: list[Problem], changed: bool) -> None:
        """The entries of this check (every file it found), written to the folder when
        something changed. Never raises: a cache that cannot be written is not kept."""
        if not self.keep_units:
            for entry in entries.values():
                entry.unit = None
        self.entries, self.extra = entries, extra
        if self.folder is None or not changed or self._context is None:
            return
        data = {"format": _FORMAT, "context": self._context, "extra": [_problem_data(p) for p in extra],
                "files": {rel: {"kind": e.kind, "digest": e.digest, "problems": [_problem_data(p) for p in e.problems],
                                "facts": e.facts, "sample": e.sample,
                                "findings": e.findings} for rel, e in entries.items()}}
        try:
            self.folder.mkdir(exist_ok=True)
            for name, text in _MARKERS.items():
                marker = self.folder / name
                if not marker.exists():
                    marker.write_text(text, encoding="utf-8")
            fd, temp = tempfile.mkstemp(prefix=".check-", suffix=".tmp", dir=self.folder)
            try:
                # json.dumps, not json.dump: dump streams through the pure-Python encoder (50× slower).
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
                os.replace(temp, self.folder / _FILE)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except Exception:  # noqa: BLE001, S110 - an unwritable cache is only a slower next check
            pass
