"""Free-text notes stay in the library's own file: no page or API file of the site shows them
(issue 15 — even a note that follows the rules can point at a regular guest)."""

from __future__ import annotations

from datetime import date

from rummelig.site import build_site
from tests.support import write

NOTE = "Hjalp med en ansøgning om bolig, og det lykkedes."


def test_a_note_is_counted_but_never_published(repo):
    write(repo, "encounters/testbib/2026.csv", f"date,category,count,note\n2026-11-02,hjaelp,2,\"{NOTE}\"\n")
    result = build_site(repo, date(2026, 11, 30))
    assert not result.problems.has_errors(), [p.format() for p in result.problems]
    pages = {page.uri: page.content for page in result.pages}
    assert "**2 gode møder de seneste 12 måneder**" in pages["gode-moeder/testbib/opsummering.md"]
    assert [uri for uri, text in pages.items() if "Hjalp med en ansøgning" in text] == []
