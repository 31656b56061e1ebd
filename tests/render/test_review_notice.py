"""render/review_notice.py: overdue pages show a discreet notice."""

from __future__ import annotations

from datetime import date

from rummelig.pipeline import check_repository
from rummelig.render.all_pages import render_pages


def test_overdue_pages_show_a_discreet_notice(repo):
    def pages(today: date) -> dict[str, str]:
        return {p.uri: p.content for p in render_pages(check_repository(repo).repo, today)}

    fresh, stale_pages = pages(date(2027, 11, 1)), pages(date(2027, 11, 2))
    assert "Trænger til gennemgang" not in fresh["strategier/en-gaest-sover.md"]
    assert "Siden er sidst gennemgået 1. november 2026. · *Trænger til gennemgang (senest 1. november 2027)*" in \
        stale_pages["strategier/en-gaest-sover.md"]
    assert "Sidst kontrolleret 1. november 2026. *Det er mere end et år siden – tjek oplysningerne, før du bruger " \
           "dem.*" in stale_pages["partnere/aarhus/index.md"]
    assert "*Profilen skulle have været gennemgået igen senest 1. november 2027 – tjek oplysningerne, før du " \
           "bruger dem.*" in stale_pages["biblioteker/testbib/index.md"]
