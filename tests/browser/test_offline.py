"""The offline copy (`make offline`): opened from a folder via file://, search included, with
no request leaving the folder (issue 4, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from tests.browser.searchui import open_search, search, wait_until_ready
from tests.browser.site import build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offline") / "det-rummelige-bibliotek"
    build(folder, offline=True)  # what `make offline` runs (RUMMELIG_OFFLINE=true)
    return folder


def test_offline_copy_searches_from_file_urls_without_leaving_the_folder(offline_copy: Path,
                                                                          context: BrowserContext):
    outside: list[str] = []
    folder = offline_copy.as_uri()
    context.on("request", lambda r: None if r.url.startswith((folder, "data:", "blob:", "about:"))
               else outside.append(r.url))
    page = context.new_page()
    page.goto(folder + "/index.html")
    assert page.locator("a.md-tabs__link", has_text="Strategier").get_attribute("href") == "strategier/index.html"
    open_search(page)
    wait_until_ready(page)
    found = search(page, "plakatfuld", folder + "/")  # a synonym: found through the synonym list
    assert found[0] == "strategier/paavirket-af-rusmidler.html"
    page.locator("li.md-search-result__item a").first.click()
    page.wait_for_url("**/strategier/paavirket-af-rusmidler.html*")
    page.locator(".rb-akut a", has_text="Hvem ringer jeg til?").click()
    page.wait_for_url("**/biblioteker/index.html")
    assert outside == []


def test_offline_copy_remembers_my_library_and_says_what_the_front_page_can_show(offline_copy: Path,
                                                                                  context: BrowserContext):
    """From a file share the front page cannot read the card (a browser refuses to fetch file://),
    so it shows the link — and the card says that, not "de første numre" (found in the QA pass)."""
    name = "Dokk1 – Aarhus Bibliotekerne"
    page = context.new_page()
    page.goto(offline_copy.as_uri() + "/biblioteker/dokk1/kontaktkort.html")
    page.get_by_role("button", name=f"Gør {name} til mit bibliotek").click()
    assert page.locator(".rb-mine p").inner_text() == (
        f"{name} er dit bibliotek i denne browser: \"Hvem ringer jeg til?\" øverst på hver side fører hertil, "
        "og forsiden viser et link til kortet. Fjern valget")
    page.goto(offline_copy.as_uri() + "/index.html")
    home = page.locator(".rb-mine-home")
    assert home.inner_text() == f"Dit bibliotek: {name} · Hvem ringer jeg til? · skift bibliotek"
    home.get_by_role("link", name="Hvem ringer jeg til?").click()
    page.wait_for_url("**/biblioteker/dokk1/kontaktkort.html")
