"""Respectful language: a warning for every stigmatising word in what contributors write.

Checked: playbooks (front matter and text), library and partner files, and the hand-written
pages in docs/. The word list is data (rummelig/data/sprogbrug.yml); see rummelig/wordlist.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.loading.sources import MAX_BYTES
from rummelig.wordlist import load_wordlist, scan

if TYPE_CHECKING:
    from rummelig.repository import Repository


def _docs_pages(repo: Repository) -> dict[str, str]:
    """The hand-written pages in docs/ (read quietly: file problems are other rules' business)."""
    pages: dict[str, str] = {}
    docs = repo.root / "docs"
    if not docs.is_dir() or docs.is_symlink():
        return pages
    for path in sorted(docs.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        pages[path.relative_to(repo.root).as_posix()] = text.replace("\r\n", "\n")
    return pages


def check(repo: Repository) -> None:
    words, list_problems = load_wordlist()
    repo.problems.extend(list_problems)
    texts = {**repo.texts, **_docs_pages(repo)}
    for rel, text in sorted(texts.items()):
        kind = "markdown" if rel.endswith(".md") else "yaml"
        for hit in scan(text, kind, words):
            why = f" ({hit.term.why[0].lower()}{hit.term.why[1:].rstrip('.')})" if hit.term.why else ""
            repo.problems.warning(
                rel, hit.line, f"'{hit.word}' kan virke stigmatiserende{why}",
                f"skriv hellere '{hit.term.suggestion}'",
                "language.respectful")
