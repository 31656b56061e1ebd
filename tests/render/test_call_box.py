"""The "Ring til" box of a playbook shows the lines its own text tells staff to call."""

from __future__ import annotations

from datetime import date

import pytest

from rummelig.site import build_site
from tests.support import PROJECT

TODAY = date(2026, 12, 1)
# The three playbooks tell staff to call Giftlinjen (akut-sygdom also the lægevagt): both are
# partners of the type "helpline", which must be one of their partner types for the box to show them.
POISON_LINE_PAGES = ["strategier/akut-sygdom-og-overdosis.md", "strategier/paavirket-af-rusmidler.md",
                     "strategier/stoffer-paa-biblioteket-og-naloxon.md"]


def _call_box(page: str) -> str:
    """The rows of the page's "Ring til" admonition (indented lines after its header)."""
    lines = page.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith('!!! rb-call "Ring til'))
    box = []
    for line in lines[start + 1:]:
        if line and not line.startswith("    "):
            break
        box.append(line)
    return "\n".join(box)


def _pages(library: str | None) -> dict[str, str]:
    result = build_site(PROJECT, TODAY, library)
    assert not result.problems.has_errors(), [p.format() for p in result.problems.errors]
    return {page.uri: page.content for page in result.pages}


@pytest.mark.parametrize("library", [None, "aalborg-bibliotekerne", "dokk1", "vesterbro-bibliotek"])
def test_the_playbooks_that_say_call_the_poison_line_show_it_in_their_box(library):
    pages = _pages(library)
    for uri in POISON_LINE_PAGES:
        box = _call_box(pages[uri])
        assert "Giftlinjen" in box and "82 12 12 12" in box, (uri, box)
    if library:  # a library's edition also shows its region's medical helpline on the acute page
        box = _call_box(pages["strategier/akut-sygdom-og-overdosis.md"])
        assert "Lægevagten i Region" in box or "Akuttelefonen 1813" in box, box
