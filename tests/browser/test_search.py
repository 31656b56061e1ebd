"""Search in the browser, through Material's own search field (issue 4, items 1 and 7)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from browser.searchui import load_queries, open_search, search, wait_until_ready
from browser.site import Served

pytestmark = pytest.mark.browser


@pytest.fixture
def search_page(page: Page, site: Served) -> Page:
    page.goto(site.root)
    open_search(page)
    wait_until_ready(page)
    return page


def test_every_staff_query_finds_its_page_in_the_top_three(search_page: Page, site: Served, record_property):
    queries = load_queries()
    assert len(queries) >= 40
    misses = []
    for item in queries:
        found = search(search_page, item["query"], site.root)
        if item["expect"] not in found[:3]:
            misses.append(f"{item['query']!r} → {item['expect']} (fik: {', '.join(found[:3]) or 'intet'})")
    rate = (len(queries) - len(misses)) / len(queries)
    record_property("top3_rate", f"{rate:.1%} of {len(queries)}")
    print(f"\nsearch top-3: {len(queries) - len(misses)}/{len(queries)} = {rate:.1%}")
    assert misses == [], "\n".join(misses)


def test_search_forgives_inflections_and_synonyms(search_page: Page, site: Served):
    """Forms and words that appear nowhere on the page itself."""
    assert search(search_page, "plakatfuld", site.root)[0] == "strategier/paavirket-af-rusmidler/"
    assert search(search_page, "smidt ud", site.root)[0] == "strategier/bortvisning-og-karantaene/"
    assert "strategier/sover-paa-biblioteket/" in search(search_page, "sovende", site.root)[:3]


def test_stop_words_do_not_bury_the_answer(search_page: Page, site: Served):
    assert search(search_page, "hvad gør jeg når en gæst falder i søvn", site.root)[0] == \
        "strategier/sover-paa-biblioteket/"


def test_search_is_usable_by_keyboard_alone(page: Page, site: Served, record_property):
    page.goto(site.sub)
    page.keyboard.press("/")  # Material's shortcut (also "s" and "f") focuses the search field
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    wait_until_ready(page)
    started = page.evaluate("performance.now()")
    page.keyboard.press("o")  # one keystroke: the first results appear
    page.locator("li.md-search-result__item").first.wait_for()
    elapsed = page.evaluate("performance.now()") - started
    record_property("keystroke_to_first_result_ms", round(elapsed))
    print(f"\nkeystroke → first result shown: {elapsed:.0f} ms")
    page.keyboard.type("verdosis")
    page.wait_for_function("() => document.querySelector('li.md-search-result__item a')?.href"
                           ".includes('akut-sygdom-og-overdosis')")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "strategier/akut-sygdom-og-overdosis/" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/strategier/akut-sygdom-og-overdosis/**")
    assert page.locator("h1").inner_text() == "Akut sygdom og overdosis"


def test_search_works_under_a_sub_path(page: Page, site: Served):
    page.goto(site.sub + "strategier/")
    open_search(page)
    wait_until_ready(page)
    assert search(page, "overdosis", site.sub)[0] == "strategier/akut-sygdom-og-overdosis/"
