"""Find the content files and read them safely.

Only the content folders are read. Symlinks, wrong extensions, file names that are not
slugs and files in the wrong place are reported, never silently skipped.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rummelig.kinds import ENCOUNTERS_SAMPLE_MARKER, KINDS
from rummelig.problems import Problems
from rummelig.slugs import SLUG, slugify

MAX_BYTES = 256 * 1024
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}
CONTENT_SUFFIXES = {".yml", ".yaml", ".md", ".markdown", ".csv"}
# The errors pathlib treats as "not there" (pathlib._IGNORED_ERRNOS in Python 3.11).
_IGNORED_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


@dataclass(frozen=True)
class SourceFile:
    kind: str
    file: str           # absolute path, as text (`path` is the same as a Path)
    rel: str            # posix path relative to the repository root, used in messages
    id: str             # file name without extension
    folder: str | None  # the sub-folder (municipality slug or library id), if any

    @cached_property
    def path(self) -> Path:
        """The absolute path. Made when first asked for: a check after one edit asks for it for
        one file, and making 2,800 Paths was a third of finding the files (issue 18)."""
        return Path(self.file)


def split_name(name: str) -> tuple[str, str]:
    """(stem, suffix) of a file name, as `PurePath.stem` and `PurePath.suffix` give them ("a.b.md"
    → ("a.b", ".md"); ".env" and "x." have no suffix), without making a Path (issue 18;
    tests/loading/test_sources.py compares the two)."""
    i = name.rfind(".")
    if 0 < i < len(name) - 1:
        return name[:i], name[i:]
    return name, ""


def _without_ending(stem: str) -> str:
    """A file name's stem without a content ending doubled into it: 'vaerested.yml' (of
    'vaerested.yml.yml' or 'vaerested.yml.txt') → 'vaerested'."""
    base, ending = split_name(stem)
    return base if ending.lower() in CONTENT_SUFFIXES else stem


def _entry_test(test: Callable[[], bool]) -> bool:
    """An os.DirEntry test (is_dir follows links, as Path.is_dir does); False when the entry
    cannot be checked for one of the ignored reasons."""
    try:
        return test()
    except OSError as exc:
        if getattr(exc, "errno", None) not in _IGNORED_ERRNOS:
            raise
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    return _entry_test(entry.is_dir)


def _is_symlink(entry: os.DirEntry[str]) -> bool:
    return _entry_test(entry.is_symlink)


def rel_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


Unreadable = list[tuple[tuple[str, ...], str]]


def _walk(base: Path, unreadable: Unreadable) -> list[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """What `sorted(base.rglob("*"))` gives, as (parts below `base`, directory entry): every
    entry, hidden ones too, without following linked folders; a folder that cannot be read is
    added to `unreadable` as (parts, reason), never skipped silently. Hand-written on
    os.scandir because rglob, sorting Path objects and a stat call per entry took 0.2 s over
    a national corpus (2,800 files; issue 8); the order is the same (Paths compare by their
    parts)."""
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(str(base), ())]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            unreadable.append((prefix, exc.strerror or type(exc).__name__))
            continue
        for entry in entries:
            parts = (*prefix, entry.name)
            found.append((parts, entry))
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                if getattr(exc, "errno", None) not in _IGNORED_ERRNOS:
                    raise
                is_folder = False
            if is_folder:
                pending.append((entry.path, parts))
    found.sort(key=lambda item: item[0])
    return found


def discover(root: Path, problems: Problems) -> list[SourceFile]:
    """Every content file under `root`, in a stable order."""
    found: list[SourceFile] = []
    for kind in KINDS.values():
        folder, ext, depth = kind.folder, kind.extension, kind.depth
        base = root / folder
        if base.is_symlink():
            problems.error(folder, None, "mappen er et symbolsk link", "erstat linket med en rigtig mappe",
                           "files.symlink")
            continue
        if not base.is_dir():
            continue
        unreadable: Unreadable = []
        entries = _walk(base, unreadable)
        for parts, reason in unreadable:
            problems.error("/".join((folder, *parts)), None, f"mappen kan ikke læses ({reason}), så filerne i den "
                           "bliver ikke kontrolleret eller udgivet", "giv læseadgang til mappen, eller flyt den ud af "
                           "indholdet", "files.unreadable")
        for parts, dirent in entries:
            name = dirent.name
            if name in IGNORED_NAMES or any(p.startswith(".") for p in parts[:-1]):
                continue
            rel = "/".join((folder, *parts))
            stem, suffix = split_name(name)
            if name.startswith("."):
                # A hidden file or folder is never read; say so instead of skipping it silently
                # (editors' own files such as .swp backups are left alone).
                if _is_dir(dirent) or suffix.lower() in CONTENT_SUFFIXES:
                    problems.error(rel, None, f"'{name}' er skjult (navnet starter med et punktum) og bliver "
                                   "ikke læst", "fjern punktummet i starten af navnet, eller slet den", "files.hidden")
                continue
            if _is_symlink(dirent):
                problems.error(rel, None, "symbolske links er ikke tilladt i indholdsmapperne",
                               "læg selve filen her i stedet for et link", "files.symlink")
                continue
            if _is_dir(dirent):
                if len(parts) > depth:
                    problems.error(rel, None, "mappen ligger et forkert sted",
                                   f"filer af denne slags ligger som {kind.layout}", "files.misplaced")
                elif not SLUG.fullmatch(name):
                    problems.error(rel, None, f"mappenavnet '{name}' er ikke et gyldigt id",
                                   f"brug kun a-z, 0-9 og bindestreg, fx '{slugify(name)}'", "files.name")
                continue
            if len(parts) != depth + 1:
                problems.error(rel, None, "filen ligger et forkert sted",
                               f"flyt den, så den ligger som {kind.layout}", "files.misplaced")
                continue
            if kind.fmt == "csv" and name == ENCOUNTERS_SAMPLE_MARKER:
                pass  # encounters/<library-id>/eksempel.yml marks sample data (contract §5.4)
            elif suffix != ext:
                # A name the editor doubled or hid the ending of ('x.yml.txt', saved by Notepad; 'x' with
                # no ending) is renamed too, without the doubled part.
                bare = _without_ending(stem)
                # The name it should have, whole: 'Gæst Med Hund.markdown' → 'gaest-med-hund.md', not a
                # second message about the id after the first rename.
                good = bare if kind.fmt == "csv" or SLUG.fullmatch(bare) else slugify(bare)
                if suffix.lower() in CONTENT_SUFFIXES or bare != stem:
                    hint = f"omdøb den til '{good}{ext}'"
                elif suffix.lower() in ("", ".txt"):
                    hint = f"omdøb den til '{good}{ext}', hvis den hører til her; ellers flyt eller slet den"
                else:
                    hint = f"her må kun ligge {ext}-filer; flyt eller slet filen"
                what = (f"filendelsen '{suffix}' bruges ikke i {folder}/" if suffix
                        else f"filnavnet '{name}' har ingen endelse")
                problems.error(rel, None, what, hint, "files.extension")
                continue
            if kind.fmt == "csv":
                if not re.fullmatch(r"\d{4}", stem) and name != ENCOUNTERS_SAMPLE_MARKER:
                    problems.error(rel, None, f"filnavnet '{name}' skal være et årstal",
                                   "kald filen <år>.csv, fx 2026.csv", "files.name")
                    continue
            elif not SLUG.fullmatch(stem):
                problems.error(rel, None, f"filnavnet '{name}' er ikke et gyldigt id",
                               "brug kun små bogstaver a-z, tal og bindestreg: omdøb den til "
                               f"'{slugify(_without_ending(stem))}{ext}'", "files.name")
                continue
            folder_name = parts[0] if depth else None
            found.append(SourceFile(kind.key, dirent.path, rel, stem, folder_name))
    return found


def read_text(source: SourceFile, problems: Problems) -> str | None:
    """The file's text, or None (with a problem) when it cannot be used."""
    data = read_bytes(source, problems)
    return None if data is None else decode_text(source, data, problems)


def read_bytes(source: SourceFile, problems: Problems) -> bytes | None:
    """The file's bytes, or None (with a problem) when it cannot be read."""
    try:
        with open(source.file, "rb") as handle:
            return handle.read()
    except OSError as exc:
        problems.error(source.rel, None, f"filen kan ikke læses ({exc.strerror})", "tjek filens rettigheder",
                       "files.unreadable")
        return None


def decode_text(source: SourceFile, data: bytes, problems: Problems) -> str | None:
    """The text of a file's bytes, or None (with a problem) when it cannot be used. A pure
    function of the bytes and the path: the check's cache (rummelig/cache.py) relies on it."""
    if len(data) > MAX_BYTES:
        problems.error(source.rel, None, f"filen er for stor ({len(data) // 1024} KB, højst {MAX_BYTES // 1024} KB)",
                       "del indholdet op i flere filer", "files.too-large")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(source.rel, line, "filen er ikke gemt som UTF-8",
                       "gem filen igen med tegnsættet UTF-8 (i de fleste editorer: 'Gem som' → UTF-8)",
                       "files.encoding")
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.error(source.rel, line, "filen indeholder et nul-tegn (binære data)",
                       "gem filen igen som almindelig tekst", "files.binary")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        kind = KINDS.get(source.kind)  # None: a hand-written page in docs/
        problems.error(source.rel, 1, "filen er tom",
                       kind.empty_fix if kind else "skriv sidens tekst i den, eller slet filen", "files.empty")
        return None
    return text
