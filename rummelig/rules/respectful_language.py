"""Respectful language: a warning for every stigmatising word in what contributors write.

Checked: playbooks (front matter and text), library and partner files, and the hand-written
pages in docs/. The word list is data (rummelig/data/sprogbrug.yml); see rummelig/wordlist.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "file"  # each file on its own (rules/__init__.py)


def check(repo: Repository, problems: Problems) -> None:
    from rummelig.wordlist import load_wordlist, scan  # the list (pydantic): only when files are judged

    words, list_problems = load_wordlist()
    problems.extend(list_problems)
    # repo.texts holds the content files and (from the docs_pages rule, which runs earlier) docs/ pages.
    for rel, text in sorted(repo.texts.items()):
        kind = "markdown" if rel.endswith(".md") else "yaml"
        for hit in scan(text, kind, words):
            why = f" ({hit.term.why[0].lower()}{hit.term.why[1:].rstrip('.')})" if hit.term.why else ""
            problems.warning(
                rel, hit.line, f"'{hit.word}' kan virke stigmatiserende{why}",
                f"skriv hellere '{hit.term.suggestion}'",
                "language.respectful")
