"""The hand-written pages in `docs/`, read by our strict loader (issue 6).

MkDocs reads `docs/` itself, follows symlinks (`docs/leak.md -> ../.env` published the file)
and swallows front-matter errors (the broken block is published as page text). So before a
build the core reads the same files: every symlink is refused, and the front matter of every
page goes through the strict YAML reader.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rummelig.loading.frontmatter import MarkdownDocument, load_markdown
from rummelig.loading.loaded import Loaded
from rummelig.loading.sources import SourceFile, rel_path
from rummelig.loading.static_files import check_static
from rummelig.problems import Problems

DOCS = "docs"


@dataclass
class DocsPage:
    source: SourceFile
    text: str
    document: MarkdownDocument

    @property
    def rel(self) -> str:
        return self.source.rel


class LazyDocsPage(DocsPage):
    """A page the check did not read (its signature said it had not changed since its front
    matter loaded): its text is read, and its front matter loaded again, when first asked for."""

    def __init__(self, source: SourceFile, text: Callable[[], str]) -> None:
        self.source = source
        self._text: Callable[[], str] | None = text
        self._loaded: tuple[str, MarkdownDocument] | None = None

    def _load(self) -> tuple[str, MarkdownDocument]:
        if self._loaded is None:
            assert self._text is not None
            text = self._text()
            document = load_markdown(text, self.source.rel, Problems(), required=False)
            # It loaded when it was read (that is why it is a page); the bytes are the same.
            self._loaded = (text, document or MarkdownDocument(Loaded(data={}), text, 1))
            self._text = None
        return self._loaded

    @property
    def text(self) -> str:  # type: ignore[override]
        return self._load()[0]

    @property
    def document(self) -> MarkdownDocument:  # type: ignore[override]
        return self._load()[1]


def discover_docs(root: Path, problems: Problems, static: list[str] | None = None) -> list[SourceFile]:
    """Every Markdown page under docs/; every other file is judged as a static file
    (`static_files.check_static`); every symlink and unreadable folder is an error. Hidden
    files and folders are skipped: MkDocs does not publish them. The other files' paths are
    added to `static` (links may point at them)."""
    base = root / DOCS
    if base.is_symlink():
        problems.error(DOCS, None, "mappen docs er et symbolsk link", "erstat linket med en rigtig mappe",
                       "files.symlink")
        return []
    if not base.is_dir():
        return []
    found: list[SourceFile] = []

    def unreadable(exc: OSError) -> None:
        where = rel_path(Path(exc.filename), root) if exc.filename else DOCS
        problems.error(where, None, f"mappen kan ikke læses ({exc.strerror}), så MkDocs kan ikke bygge den",
                       "giv læseadgang til mappen, eller flyt den ud af docs/", "files.unreadable")

    for folder, dirs, files in os.walk(base, followlinks=False, onerror=unreadable):
        here = Path(folder)
        for name in sorted(dirs + files):
            path = here / name
            if path.is_symlink():
                problems.error(rel_path(path, root), None,
                               "symbolske links er ikke tilladt i docs/ (MkDocs ville udgive det, linket peger på)",
                               "læg selve filen her i stedet for et link", "files.symlink")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or name.startswith("."):
                continue
            rel = rel_path(path, root)
            if name.endswith(".md"):
                found.append(SourceFile("docs", str(path), rel, path.stem, None))
            else:
                check_static(path, rel, problems)
                if static is not None:
                    static.append(rel)
    return found


def load_docs_page(source: SourceFile, text: str, problems: Problems) -> DocsPage | None:
    """One page of docs/, already read: its front matter through the strict reader."""
    document = load_markdown(text, source.rel, problems, required=False)
    return DocsPage(source, text, document) if document is not None else None
