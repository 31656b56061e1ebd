"""Front matter in Markdown files (rummelig/loading/frontmatter.py): lines count from the file."""

from __future__ import annotations

from rummelig.loading.frontmatter import load_markdown
from rummelig.problems import Problems


def test_front_matter_lines_count_from_the_file():
    problems = Problems()
    doc = load_markdown("---\ntitle: A\ntitle: B\n---\nbody\n", "s.md", problems)
    assert doc is None
    assert [p.format() for p in problems] == [
        "s.md:3: nøglen 'title' står to gange (første gang i linje 2) — slet den ene, så nøglen kun står én gang"]


def test_markdown_without_front_matter():
    problems = Problems()
    assert load_markdown("# Titel\n", "s.md", problems) is None
    assert [p.format() for p in problems] == [
        "s.md:1: filen starter ikke med front matter — start filen med en linje med ---, nøglerne "
        "(title, kind, …) og så en linje med ---"]


def test_unclosed_front_matter():
    problems = Problems()
    assert load_markdown("---\ntitle: A\n# Titel\n", "s.md", problems) is None
    assert [p.code for p in problems] == ["frontmatter.unclosed"]
