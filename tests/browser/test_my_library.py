""""Mit bibliotek" in the national edition (issue 12 §2): a colleague chooses their library on
its contact card; the red strip's "Hvem ringer jeg til?" then goes to that card on every page,
and the front page leads with the card's first rows. Served under a sub-path, so the way back
to the site root is tested too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.site import Served

pytestmark = pytest.mark.browser

NAME = "Dokk1 – Aarhus Bibliotekerne"
STRIP = "a.rb-akut__card"


def test_a_remembered_library_leads_the_strip_and_the_front_page_until_it_is_removed(page: Page, site: Served):
    card = f"{site.sub}biblioteker/dokk1/kontaktkort/"
    page.goto(f"{site.sub}strategier/psykisk-krise/")
    assert page.locator(STRIP).get_attribute("href") == "../../biblioteker/"
    assert page.locator(".rb-mine-home").count() == 0

    page.goto(card)
    page.get_by_role("button", name=f"Gør {NAME} til mit bibliotek").click()
    assert page.locator(".rb-mine").inner_text().startswith(f"{NAME} er dit bibliotek i denne browser")

    page.goto(f"{site.sub}strategier/psykisk-krise/")
    link = page.locator(STRIP)
    assert link.inner_text() == f"Hvem ringer jeg til? ({NAME})"
    assert link.evaluate("a => a.href") == card
    link.click()
    page.wait_for_load_state()
    assert page.url == card

    rows = [row.locator("strong").first.inner_text() for row in page.locator(".rb-card li").all()[:4]]
    page.goto(site.sub)
    home = page.locator(".rb-mine-home")
    assert home.locator("p > strong").inner_text() == f"Dit bibliotek: {NAME}"
    home.locator("li").first.wait_for()
    assert [row.locator("strong").first.inner_text() for row in home.locator("li").all()] == rows and rows
    assert "70 11 31 31" in home.locator("li").first.inner_text()  # the number first, as on the card
    first_partner = home.locator("li a[href*='partnere/']").first.evaluate("a => a.href")
    assert first_partner.startswith(f"{site.sub}partnere/")

    page.goto(card)
    page.get_by_role("button", name="Fjern valget").click()
    assert page.get_by_role("button", name=f"Gør {NAME} til mit bibliotek").is_visible()
    page.goto(site.sub)
    assert page.locator(".rb-mine-home").inner_text() == ""
    assert page.locator(STRIP).inner_text() == "Hvem ringer jeg til?"
    assert page.locator(STRIP).get_attribute("href") == "biblioteker/"
