"""Page structure that keeps the site linear in the corpus (issue 8, docs-dev/performance.md):
a partner's full entry is written once, on its municipality page, and other pages link to it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rummelig.pipeline import check_repository
from rummelig.render.all_pages import render_pages

DESCRIPTION = "Et værested med kaffe, mad og nogen at tale med."


def test_partner_entry_is_written_once_and_linked(repo: Path) -> None:
    pages = {p.uri: p.content for p in render_pages(check_repository(repo).repo, date(2026, 11, 20))}
    full = [uri for uri, content in pages.items() if DESCRIPTION in content and uri.endswith(".md")]
    assert full == ["partnere/aarhus/index.md"]
    assert "## Værestedet i Testby { #vaerestedet }" in pages["partnere/aarhus/index.md"]
    assert "| [Værestedet i Testby](../../aarhus/index.md#vaerestedet) *(eksempel — ikke verificeret)* | Aarhus | " \
           "[70 20 12 01](tel:+4570201201) |" in pages["partnere/type/drop-in-centre/index.md"]
    library = pages["biblioteker/testbib/index.md"]
    assert "Se også [alle partnere i Aarhus](../../partnere/aarhus/index.md)." in library
    assert DESCRIPTION not in library and DESCRIPTION not in pages["biblioteker/testbib/kontaktkort.md"]
