"""The moment of need in a real Chromium (issue 12): every situation's first steps are above
the fold on a desktop and a phone, and a library's contact card stays one A4 page and one
phone screen wide even with 40 partners in its municipality."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from rummelig.pipeline import check_repository
from tests.browser.site import PROJECT, Served, build, serve

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 900), (390, 844)]
SITUATIONS = sorted(r.id for r in check_repository(PROJECT).repo.strategies.values() if r.model.kind == "situation")
TYPES = ["street-nurse", "drop-in-centre", "shelter", "night-shelter", "outreach-worker", "addiction-treatment",
         "psychiatric-emergency", "health-clinic", "municipal-services", "legal-aid", "volunteer-organisation",
         "council-for-vulnerable", "other"]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS, ids=lambda v: str(v))
def test_every_situation_shows_its_first_steps_above_the_fold(browser: Browser, site: Served, width: int,
                                                             height: int):
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": height})
    page = context.new_page()
    below = []
    for strategy_id in SITUATIONS:
        page.goto(f"{site.root}strategier/{strategy_id}/")
        box = page.locator(".admonition.rb-now").bounding_box()
        if box is None or box["y"] + box["height"] > height:
            below.append((strategy_id, None if box is None else round(box["y"] + box["height"])))
    context.close()
    assert below == []


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The project with 40 more partners in Aarhus, each with a phone, checked by Dokk1: the
    Dokk1 edition is built and served."""
    root = tmp_path_factory.mktemp("crowded") / "repo"
    shutil.copytree(PROJECT, root, ignore=shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "dist",
                                                                 "__pycache__", ".pytest_cache", "bench"))
    for number in range(40):
        (root / f"partners/aarhus/ekstra-partner-{number:02d}.yml").write_text(
            f"name: Ekstra partner nummer {number} med et ret langt navn i Aarhus\n"
            f"type: {TYPES[number % len(TYPES)]}\n"
            "description: En partner, der findes for at fylde kortet.\n"
            "helps_with: [en snak]\nwhen_to_contact:\n  - En gæst har brug for hjælp.\n"
            f"contact:\n  phone: \"70 30 {40 + number // 10:02d} {10 + number:02d}\"\n"
            "opening_hours:\n  - days: [mon, tue, wed, thu, fri]\n    opens: \"09:00\"\n    closes: \"15:00\"\n"
            "  - days: [sat]\n    opens: \"10:00\"\n    closes: \"13:00\"\n"
            "last_verified: 2026-11-30\nverified_by: dokk1\n", encoding="utf-8")
    site_dir = root.parent / "site"
    build(site_dir, root=root, library="dokk1")
    with serve(site_dir) as served:
        yield served


def test_a_crowded_card_prints_on_one_a4_page(page: Page, crowded: Served):
    page.goto(f"{crowded.root}biblioteker/dokk1/kontaktkort/")
    assert page.locator(".rb-card li").count() >= 13  # one per type, and the region's and the country's lines
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Udskrevet fra Det rummelige bibliotek" in text and "70 11 31 31" in text


def test_a_crowded_card_fits_a_phone_without_sideways_scrolling(browser: Browser, crowded: Served):
    context = browser.new_context(locale="da-DK", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{crowded.root}biblioteker/dokk1/kontaktkort/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    heights = page.eval_on_selector_all(".rb-card .rb-phone", "els => els.map(e => e.getClientRects().length)")
    assert heights and all(lines == 1 for lines in heights)  # a number never wraps
    assert not page.locator(".rb-print-only").first.is_visible()  # "Udskrevet fra …" only on paper
    assert page.locator(".md-banner >> text=Hvem ringer jeg til?").is_visible()  # kept on a phone
    context.close()
