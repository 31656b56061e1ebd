"""The hand-written pages in `docs/`, read by our strict loader (issue 6).

MkDocs reads `docs/` itself, follows symlinks (`docs/leak.md -> ../.env` published the file)
and swallows front-matter errors (the broken block is published as page text). So before a
build the core reads the same files: every symlink is refused, and the front matter of every
page goes through the strict YAML reader.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from rummelig.loading.frontmatter import MarkdownDocument, load_markdown
from rummelig.loading.sources import MAX_BYTES, SourceFile, read_text, rel_path
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


def discover_docs(root: Path, problems: Problems) -> list[SourceFile]:
    """Every Markdown page under docs/; every symlink there is an error."""
    base = root / DOCS
    if base.is_symlink():
        problems.error(DOCS, None, "mappen docs er et symbolsk link", "erstat linket med en rigtig mappe",
                       "files.symlink")
        return []
    if not base.is_dir():
        return []
    found: list[SourceFile] = []
    for folder, dirs, files in os.walk(base, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs + files):
            path = here / name
            if path.is_symlink():
                problems.error(rel_path(path, root), None,
                               "symbolske links er ikke tilladt i docs/ (MkDocs ville udgive det, linket peger på)",
                               "læg selve filen her i stedet for et link", "files.symlink")
        dirs.sort()
        for name in sorted(files):
            path = here / name
            if path.is_symlink():
                continue
            rel = rel_path(path, root)
            if name.endswith(".md"):
                found.append(SourceFile("docs", path, rel, path.stem, None))
            else:
                _check_static(path, rel, root, problems)
    return found


_PAGES = {".html", ".htm", ".xhtml", ".shtml", ".xht"}
_SCRIPTED = re.compile(rb"<script|\son[a-z]+\s*=|javascript:|<foreignObject", re.IGNORECASE)


def _check_static(path: Path, rel: str, root: Path, problems: Problems) -> None:
    """MkDocs copies every other file in docs/ to the site as it is: no HTML pages, no
    scripts outside docs/assets/ (the project's own), no script inside SVG images."""
    suffix = path.suffix.lower()
    if suffix in _PAGES:
        problems.error(rel, None, "HTML-filer i docs/ bliver udgivet, som de er, uden kontrol",
                       "skriv siden som Markdown (.md) i stedet", "docs.static-html")
    elif suffix in (".js", ".mjs") and not rel.startswith(f"{DOCS}/assets/"):
        problems.error(rel, None, "JavaScript må kun ligge i docs/assets/ (projektets egne filer)",
                       "flyt eller slet filen", "docs.static-script")
    elif suffix == ".svg":
        try:
            data = path.read_bytes()[:MAX_BYTES]
        except OSError:
            return
        if _SCRIPTED.search(data):
            problems.error(rel, None, "SVG-billedet indeholder script, en hændelse (on…=) eller et javascript:-link",
                           "gem billedet uden script, fx eksporteret som almindelig SVG eller PNG", "docs.svg-script")


def load_docs(root: Path, problems: Problems) -> list[DocsPage]:
    pages = []
    for source in discover_docs(root, problems):
        text = read_text(source, problems)
        if text is None:
            continue
        document = load_markdown(text, source.rel, problems, required=False)
        if document is not None:
            pages.append(DocsPage(source, text, document))
    return pages
