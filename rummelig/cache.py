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

A file whose size, modification and change times and inode are those it had when it was last
hashed is taken as unchanged without being read — but only when both times lay well before that
read (`SETTLED_NS`), as git decides a file is "racily clean": a file written in the same tick as
the read, on a file system with coarse times, is read and hashed again. The change time (ctime)
cannot be set back by a program (`os.utime` sets it to now), so an edit that keeps a file's size
and puts its modification time back is still seen.

A long-lived process (`mkdocs serve`) also keeps the loaded files themselves in memory
(`keep_units`), so a rebuild after one edit loads one file.

One file, `marshal` of plain tuples, lists, dicts and strings: it loads in a few milliseconds
(JSON took 30 ms for a national corpus, and writing it 45; issue 18). Not pickle: reading the
cache must never run code, whoever wrote the folder. marshal runs none either, but it is not
made to read damaged data, so the file carries a hash of its contents, and bytes that do not
match it are never unmarshalled.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import sysconfig
from collections.abc import Callable
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rummelig.problems import Problem, Severity

if TYPE_CHECKING:
    from rummelig.repository import Unit

FOLDER = ".rummelig-cache"
FILE = "check.marshal"  # in FOLDER
# The libraries' and partners' files as loaded (rummelig/loading/kept_front.py: ~2.5 KB each, 5 MB
# for a national corpus) are kept beside it, in files of their own (`side_file`: 16, by a hash of the
# path), each read only by a check that loads one of its files and written only when one changed: in
# the one file, every check read and wrote them (~10 % of a check after a playbook edit), and in one
# side file a partner edit did (~5 %; issue 18). A playbook's front matter stays in FILE.
SIDE_SHARDS = 16
SIDE_KINDS = frozenset({"library", "partner"})


def side_file(rel: str) -> str:
    """The name of the side file (in FOLDER) that keeps file `rel` as loaded."""
    return f"loaded-{hashlib.blake2b(rel.encode(), digest_size=1).digest()[0] % SIDE_SHARDS:02d}.marshal"
_FORMAT = 4
_MAGIC = b"rummelig-check\0"  # then the format (one byte), the hash of the rest, and the rest
# A modification or change time this close to (or after) the moment the file was read: the file
# may have been written again in the same tick of a coarse clock, so it is read and hashed again.
SETTLED_NS = 2_000_000_000
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


class Entry:
    """One file's result: its problems (loading and file rules), the facts the repository rules
    read (None: it has no record) and the repository rules' per-file findings, a sample marker's
    answer, what the repository stage needs to know of it without its facts, and — in memory
    only — the loaded file itself.

    The facts and findings are kept as one marshalled blob per file and unmarshalled only when a
    rule asks for them: most checks after an edit read the facts of no file, or of one kind, and
    unmarshalling all 2,800 files' took 20–40 ms of each check (issue 18)."""

    __slots__ = ("_blob", "_facts", "_findings", "_unpacked", "body_line", "digest", "front", "kind", "paged",
                 "problems", "reads", "recorded", "sample", "seen", "texted", "unit", "view_key")

    def __init__(self, kind: str, digest: str, problems: list[Problem], facts: dict[str, Any] | None = None,
                 sample: bool | None = None, unit: Unit | None = None, findings: dict[str, Any] | None = None,
                 seen: Seen | None = None, texted: bool = True, body_line: int = 1, paged: bool = False) -> None:
        self.kind, self.digest, self.problems, self.sample, self.unit = kind, digest, problems, sample, unit
        self.seen = seen          # the file when its bytes were last read (`stat_of`)
        self.texted = texted      # its bytes decode to a text (False: too large, not UTF-8, empty, …)
        self.body_line = body_line  # a Markdown record's first line of text after the front matter
        self.paged = paged        # a page in docs/ whose front matter loaded
        self.reads: tuple[str, ...] = ()  # the repository rules that may read its text (rules.REPOSITORY_MODULES)
        # a playbook's front matter, or a library's or partner's file, as loaded (rummelig/loading/kept_front.py;
        # in the cache file for a playbook, in its `side_file` for the others)
        self.front = b""
        if facts is None and findings is None:
            self.set_packed(_NOTHING, _NOTHING_KEY, False)
        else:
            self.set_view(facts, findings)

    def set_view(self, facts: dict[str, Any] | None, findings: dict[str, Any] | None) -> None:
        """What the repository rules see of the file: its facts and its per-file findings."""
        self._facts, self._findings, self._unpacked = facts, findings, True
        self._blob = pack(facts, findings)
        self.view_key = _hash(self._blob)  # equal for equal facts and findings
        self.recorded = facts is not None

    def set_packed(self, blob: bytes, view_key: str, recorded: bool) -> None:
        """The facts and findings as `pack` made them (in another process, or in the cache file)."""
        self._facts = self._findings = None
        self._blob, self.view_key, self.recorded, self._unpacked = blob, view_key, recorded, False

    def _unpack(self) -> None:
        if not self._unpacked:
            self._facts, self._findings = marshal.loads(self._blob)
            self._unpacked = True

    @property
    def facts(self) -> dict[str, Any] | None:
        self._unpack()
        return self._facts

    @property
    def findings(self) -> dict[str, Any] | None:
        self._unpack()
        return self._findings

    @property
    def blob(self) -> bytes:
        return self._blob


def pack(facts: dict[str, Any] | None, findings: dict[str, Any] | None) -> bytes:
    """A file's facts and findings as one blob. marshal's version 2 writes no back-references, so
    equal values made the same way give the same bytes, and `view_key` tells when a file's facts
    or findings changed; should two equal values ever give different bytes (an interned string
    is marked as such), a rule only runs once more than it needed to."""
    return marshal.dumps((facts, findings), 2)


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_NOTHING = pack(None, None)
_NOTHING_KEY = _hash(_NOTHING)


# (st_mtime_ns, st_ctime_ns, st_size, st_ino, when the bytes were read, in time.time_ns())
Seen = tuple[int, int, int, int, int]


def stat_of(path: Path | str, read_at: int) -> Seen | None:
    """The file's signature when its bytes are read at `read_at`; None: it cannot be looked at."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino, read_at


def unchanged(path: Path | str, seen: Seen | None) -> bool:
    """Is the file still what it was when it was read (`seen`), without reading it? Only when its
    signature is the same and both its times lay `SETTLED_NS` before that read (git's rule for a
    "racily clean" file)."""
    if seen is None:
        return False
    now = stat_of(path, seen[4])
    return now == seen and max(seen[0], seen[1]) < seen[4] - SETTLED_NS


def _problem_data(p: Problem) -> tuple[Any, ...]:
    return p.path, p.line, p.message, p.fix, p.severity is Severity.ERROR, p.code


def _problem(data: tuple[Any, ...] | list[Any]) -> Problem:
    path, line, message, fix, is_error, code = data
    return Problem(path, line, message, fix, Severity.ERROR if is_error else Severity.WARNING, code)


def _entry_data(e: Entry) -> tuple[Any, ...]:
    return (e.kind, e.digest, tuple(_problem_data(p) for p in e.problems), e.blob, e.view_key, e.recorded, e.sample,
            e.seen, e.texted, e.body_line, e.paged, e.reads, e.front if e.kind not in SIDE_KINDS else b"")


def _entry(data: tuple[Any, ...]) -> Entry:
    kind, file_digest, problems, blob, view_key, recorded, sample, seen, texted, body_line, paged, reads, front = data
    if not (isinstance(kind, str) and isinstance(file_digest, str) and isinstance(blob, bytes)
            and (seen is None or len(seen) == 5) and isinstance(reads, tuple) and isinstance(front, bytes)):
        raise ValueError("not an entry")
    # Each slot set once, without __init__'s defaults (2,800 entries on every check; issue 18).
    entry = Entry.__new__(Entry)
    entry.kind, entry.digest, entry.sample, entry.unit, entry.seen = kind, file_digest, sample, None, seen
    entry.problems = [_problem(p) for p in problems] if problems else []
    entry.texted, entry.body_line, entry.paged, entry.reads = bool(texted), body_line, bool(paged), reads
    entry.front = front
    entry._facts = entry._findings = None
    entry._blob, entry.view_key, entry.recorded, entry._unpacked = blob, view_key, bool(recorded), False
    return entry


# A repository rule's problems, by its name: (the hash of its inputs, its problems).
RuleResults = dict[str, tuple[str, list[Problem]]]


def encode(context_key: str, entries: dict[str, Entry], extra: list[Problem],
           rule_results: RuleResults | None = None, kept: dict[str, bytes] | None = None) -> bytes:
    """The cache file's bytes (also used by the tests to plant a result)."""
    ruled = {name: (key, tuple(_problem_data(p) for p in found)) for name, (key, found) in (rule_results or {}).items()}
    return frame(marshal.dumps((_FORMAT, context_key, tuple(_problem_data(p) for p in extra),
                                {rel: _entry_data(e) for rel, e in entries.items()}, ruled, dict(kept or {})), 4))


def encode_side(context_key: str, fronts: dict[str, bytes]) -> bytes:
    """The side file's bytes: the libraries' and partners' files as loaded, by path."""
    return frame(marshal.dumps((_FORMAT, context_key, fronts), 4))


def decode_side(data: bytes, context_key: str) -> dict[str, bytes]:
    """The kept files of a side file written under `context_key` ({}: another context, or not one
    whole side file). Never raises."""
    head = len(_MAGIC) + 1
    if data[:head] != _MAGIC + bytes([_FORMAT]):
        return {}
    payload = data[head + 16:]
    if hashlib.blake2b(payload, digest_size=16).digest() != data[head:head + 16]:
        return {}  # damaged: never handed to marshal
    try:
        version, context, fronts = marshal.loads(payload)
        if version != _FORMAT or context != context_key or not isinstance(fronts, dict):
            return {}
        return {str(rel): blob for rel, blob in fronts.items() if isinstance(blob, bytes)}
    except Exception:  # noqa: BLE001 - whatever is wrong with it, those files are loaded as before
        return {}


def frame(payload: bytes) -> bytes:
    """`payload` (marshalled) as the cache file holds it: marked, and with the hash of its bytes."""
    return _MAGIC + bytes([_FORMAT]) + hashlib.blake2b(payload, digest_size=16).digest() + payload


def decode(data: bytes) -> tuple[str, dict[str, Entry], list[Problem], RuleResults, dict[str, bytes]] | None:
    """(context, entries, extra, the repository rules' results, the values kept from the core's own
    data (rummelig/kept.py)) of a cache file's bytes; None when they are not one whole cache of this
    format. Never raises."""
    head = len(_MAGIC) + 1
    if data[:head] != _MAGIC + bytes([_FORMAT]):
        return None
    payload = data[head + 16:]
    if hashlib.blake2b(payload, digest_size=16).digest() != data[head:head + 16]:
        return None  # damaged: never handed to marshal
    try:
        version, context_key, extra, files, ruled, kept = marshal.loads(payload)
        if version != _FORMAT or not isinstance(context_key, str) or not isinstance(kept, dict):
            return None
        rule_results = {str(name): (str(key), [_problem(p) for p in found]) for name, (key, found) in ruled.items()}
        return (context_key, {rel: _entry(e) for rel, e in files.items()}, [_problem(p) for p in extra],
                rule_results, {str(name): blob for name, blob in kept.items() if isinstance(blob, bytes)})
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the check runs from scratch
        return None


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
        self.rule_results: RuleResults = {}
        self.kept: dict[str, bytes] = {}  # values worked out from the core's own data (rummelig/kept.py)
        self._side: dict[str, dict[str, bytes]] = {}  # side file → its kept files (those read)

    @classmethod
    def for_project(cls, root: Path, keep_units: bool = False) -> CheckCache:
        return cls(root / FOLDER, keep_units)

    def open(self, context_key: str) -> None:
        """Make the entries those of `context_key`: kept ones if it is the same, else the
        folder's if they were written under it, else none."""
        if self._context == context_key:
            return
        self._context = context_key
        self.entries, self.extra, self.rule_results, self.kept = {}, None, {}, {}
        self._side = {}
        if self.folder is not None:
            self._read(context_key)

    def _read(self, context_key: str) -> None:
        assert self.folder is not None
        try:
            data = (self.folder / FILE).read_bytes()
        except OSError:
            return
        found = decode(data)
        if found is None or found[0] != context_key:
            return
        self.entries, self.extra, self.rule_results, self.kept = found[1], found[2], found[3], found[4]

    def front(self, rel: str, kind: str) -> bytes | None:
        """What the check before kept of file `rel` as loaded (rummelig/loading/kept_front.py)."""
        entry = self.entries.get(rel)
        if entry is None or entry.kind != kind:
            return None
        if entry.front or kind not in SIDE_KINDS:
            return entry.front
        return self._side_files(side_file(rel)).get(rel)

    def _side_files(self, name: str) -> dict[str, bytes]:
        if name not in self._side:
            self._side[name] = {}
            if self.folder is not None and self._context is not None:
                try:
                    self._side[name] = decode_side((self.folder / name).read_bytes(), self._context)
                except OSError:
                    pass
        return self._side[name]

    def get(self, rel: str, kind: str, file_digest: str | None) -> Entry | None:
        entry = self.entries.get(rel)
        if entry is None or file_digest is None or entry.digest != file_digest or entry.kind != kind:
            return None
        return entry

    def update(self, entries: dict[str, Entry], extra: list[Problem], changed: bool,
               rule_results: RuleResults | None = None) -> None:
        """The entries of this check (every file it found) and the repository rules' results,
        written to the folder when something changed. Never raises: a cache that cannot be
        written is not kept."""
        if not self.keep_units:
            for entry in entries.values():
                entry.unit = None
        self.entries, self.extra = entries, extra
        if rule_results is not None:
            self.rule_results = rule_results
        if self.folder is None or not changed or self._context is None:
            return
        # The side file first: a cache file whose side file was not written keeps the side file
        # before, whose kept files are each a whole file's (kept_front: its values and its model,
        # under this context) — and kept_front.changed reads any kept version of a file.
        if any(e.front for e in entries.values() if e.kind in SIDE_KINDS):
            shards: dict[str, dict[str, bytes]] = {}
            fresh: set[str] = set()
            for rel, e in entries.items():
                if e.kind in SIDE_KINDS:
                    name = side_file(rel)
                    shards.setdefault(name, {})[rel] = e.front
                    if e.front:
                        fresh.add(name)
            for name in sorted(fresh):
                side = self._side_files(name)
                kept = self._side[name] = {rel: blob or side.get(rel, b"") for rel, blob in shards[name].items()}
                self._write(name, partial(encode_side, self._context or "",
                                          {rel: blob for rel, blob in kept.items() if blob}))
        self._write(FILE, lambda: encode(self._context or "", entries, extra, self.rule_results, self.kept))

    def _write(self, name: str, data: Callable[[], bytes]) -> None:
        """Write `data()` to the folder's file `name` whole (a temporary file, then renamed)."""
        assert self.folder is not None
        try:
            made = data()
            self.folder.mkdir(exist_ok=True)
            for marker_name, text in _MARKERS.items():
                marker = self.folder / marker_name
                if not marker.exists():
                    marker.write_text(text, encoding="utf-8")
            # A name of this process's own, created only if it is not there (as tempfile.mkstemp
            # does, without importing tempfile and random: ~11 M instructions of a check after
            # one edit, issue 18). Taken already (a process before with this id, killed mid-write):
            # not written this time, as any cache that cannot be written.
            temp = self.folder / f".check-{os.getpid()}-{name}.tmp"
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(made)
                os.replace(temp, self.folder / name)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except Exception:  # noqa: BLE001, S110 - an unwritable cache is only a slower next check
            pass
