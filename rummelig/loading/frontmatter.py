"""Markdown files with YAML front matter, read by our strict YAML reader.

MkDocs' own front-matter parser swallows errors and publishes a broken block as page text,
so the core splits and parses front matter itself and reports where it is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rummelig.loading.loaded import Loaded
from rummelig.problems import Problems

_FENCE = "---"


@dataclass
class MarkdownDocument:
    meta: Loaded
    body: str
    body_first_line: int


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter, body, first line of the body) or None when the file does not
    start with a front-matter block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None


_SECTION = re.compile(r"#{2,6}\s")


def _unclosed(text: str) -> tuple[int, str, str]:
    """(line, problem, fix) for a file whose keys at the top are not closed by a second '---':
    the closing line belongs just before the text, which starts at the first '##' heading (a
    single '#' is a comment among the keys, as in the template)."""
    problem = "linjen med --- efter nøglerne øverst i filen mangler, så teksten kan ikke skilles fra nøglerne"
    for index, line in enumerate(text.split("\n")[1:], start=2):
        if _SECTION.match(line):
            return index, problem, f"skriv en linje med kun --- efter den sidste nøgle, før '{line.strip()[:40]}'"
    return 1, problem, "skriv en linje med kun --- efter den sidste nøgle (fx last_reviewed), før teksten begynder"


def load_markdown(text: str, path: str, problems: Problems, *, required: bool = True) -> MarkdownDocument | None:
    parts = split_front_matter(text)
    if parts is None:
        if not required:
            return MarkdownDocument(Loaded(data={}), text, 1)
        if text.startswith(_FENCE):
            line, problem, fix = _unclosed(text)
            problems.error(path, line, problem, fix, "frontmatter.unclosed")
        else:
            problems.error(path, 1, "filen starter ikke med front matter",
                           "start filen med en linje med ---, nøglerne (title, kind, …) og så en linje med ---",
                           "frontmatter.missing")
        return None
    front, body, body_line = parts
    if not front.strip():
        problems.error(path, 1, "front matter er tom",
                       "udfyld nøglerne mellem de to linjer med --- (se skabelonen)", "frontmatter.empty")
        return None
    from rummelig.loading.yamlfile import load_yaml  # PyYAML: only when a front matter is read

    meta = load_yaml(front, path, problems, first_line=2)
    if meta is None:
        return None
    if not isinstance(meta.data, dict):
        problems.error(path, 2, "front matter skal bestå af nøgler og værdier",
                       "skriv én nøgle pr. linje som 'nøgle: værdi'", "frontmatter.not-mapping")
        return None
    return MarkdownDocument(meta, body, body_line)
