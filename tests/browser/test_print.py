"""Printing in Chromium: the contact card and the house-rules poster of every library fit one
A4 page without navigation; playbooks print without header, tabs or sidebars (issue 4, item 4)."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from rummelig.pipeline import check_repository
from tests.browser.site import PROJECT, Served

pytestmark = pytest.mark.browser

LIBRARIES = ["aalborg-bibliotekerne", "dokk1", "vesterbro-bibliotek"]
A4_POINTS = (595, 842)
# Words that only the table of contents, the search field or the Akut line print.
CHROME = ["Indholdsfortegnelse", "Søg", "Akut: ring"]
# Header, tabs, sidebars, search, footer, the Akut line: none of them on paper.
NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
              ".md-banner", ".md-search"]


def print_pdf(page: Page, url: str) -> PdfReader:
    page.goto(url)
    page.emulate_media(media="print")
    for selector in NAVIGATION:
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True, print_background=True)))


def text_of(pdf: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in pdf.pages).split())


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("sheet", ["kontaktkort", "husregler"])
def test_sheet_prints_on_one_a4_page_without_navigation(sheet: str, library: str, page: Page, site: Served):
    pdf = print_pdf(page, f"{site.root}biblioteker/{library}/{sheet}/")
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    text = text_of(pdf)
    assert [word for word in CHROME if word in text] == []
    if sheet == "kontaktkort":
        assert "Hvem ringer jeg til?" in text and "112" in text and "Hele landet" in text
        assert "Udskrevet fra Det rummelige bibliotek" in text
    else:  # the three libraries' profiles are samples: their rules never print as their own
        assert "Eksempel på husregler" in text and "Reglerne er de samme for alle" in text


def test_playbook_prints_cleanly(page: Page, site: Served):
    pdf = print_pdf(page, f"{site.root}strategier/konflikt-og-deeskalering/")
    text = text_of(pdf)
    assert "deeskalering" in text and "sidst gennemgået" in text and "Det kan du sige" in text
    assert [word for word in CHROME if word in text] == []
    assert len(pdf.pages) <= 4


TEMPLATES = sorted(r.id for r in check_repository(PROJECT).repo.strategies.values() if r.model.kind == "template")


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_template_prints_on_one_a4_page(template: str, page: Page, site: Served):
    pdf = print_pdf(page, f"{site.root}strategier/{template}/")
    assert len(pdf.pages) == 1
    text = text_of(pdf)
    assert [word for word in CHROME if word in text] == [] and "Eksempel fra redaktionen" not in text
