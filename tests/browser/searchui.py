"""Drive Material's search dialog like a person: open it, type, read the ranked results."""

from __future__ import annotations

from pathlib import Path

import yaml
from playwright.sync_api import Page

QUERIES = Path(__file__).with_name("queries.yml")

# Resolves when the result list has not changed for `quiet` ms after the last keystroke; the
# worker answers every keystroke in order, so the last answer is the one for the whole query.
_SETTLED = """([quiet]) => new Promise(resolve => {
  const list = document.querySelector('.md-search-result');
  let timer = setTimeout(resolve, quiet);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(() => {
    observer.disconnect(); resolve(); }, quiet); });
  observer.observe(list, {childList: true, subtree: true, characterData: true});
})"""

_RESULTS = """els => els.map(a => a.href)"""
_META = "document.querySelector('.md-search-result__meta')"
_CLEAR_META = f"() => {{ {_META}.textContent = ''; }}"
_ANSWERED = f"() => {_META}.textContent.trim() !== ''"


def load_queries() -> list[dict[str, str]]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]


def open_search(page: Page) -> None:
    """On a wide screen the field is in the header; on a narrow one behind the magnifier."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    page.locator("input.md-search__input").click()


def wait_until_ready(page: Page) -> None:
    """Material shows 'Initialiserer søgning' until its worker has built the index."""
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta')"
                           "?.textContent.includes('Initialiserer')")


def search(page: Page, query: str, base: str) -> list[str]:
    """Type `query` into the open search field; the result addresses relative to `base`, best first."""
    field = page.locator("input.md-search__input")
    # Paste the query, then press End: Material searches on key events, and typing every
    # character would search once per key (test_search_is_usable_by_keyboard_alone types).
    page.evaluate(_CLEAR_META)
    field.fill(query)
    field.press("End")
    page.wait_for_function(_ANSWERED)  # Material rewrites the count line for every answer
    page.evaluate(_SETTLED, [150])
    hrefs = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(_RESULTS)
    found: list[str] = []
    for href in hrefs:  # one page per result group; drop ?h=… (highlight) and #section
        address = href.split("#")[0].split("?")[0]
        address = address[len(base):] if address.startswith(base) else address
        if address not in found:
            found.append(address)
    return found
