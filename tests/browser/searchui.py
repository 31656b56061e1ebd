"""Drive Material's search dialog like a person: open it, type, read the ranked results."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from playwright.sync_api import Page

QUERIES = Path(__file__).with_name("queries.yml")

# Resolves when the result list has not changed for `quiet` ms after the last keystroke; the
# worker answers every keystroke in order, so the last answer is the one for the whole query.
SETTLED = """([quiet]) => new Promise(resolve => {
  const list = document.querySelector('.md-search-result');
  let timer = setTimeout(resolve, quiet);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(() => {
    observer.disconnect(); resolve(); }, quiet); });
  observer.observe(list, {childList: true, subtree: true, characterData: true});
})"""

_RESULTS = """els => els.map(a => a.href)"""
_QUIET_MS = 25
_META = "document.querySelector('.md-search-result__meta')"
_CLEAR_META = f"() => {{ {_META}.textContent = ''; }}"
# Answered: the count line is rewritten, and (for a query) the list has items: our search never
# answers a query with an empty list (no match gives the situations), so an empty list is the
# answer to an earlier, empty query that arrived late.
_ANSWERED = (f"() => {_META}.textContent.trim() !== '' && "
             "document.querySelectorAll('li.md-search-result__item').length > 0")


def load_queries(half: str = "tuning") -> list[dict[str, str]]:
    """One set of the query set: "tuning", a set retired into tuning ("held_out" … "held_out_6"),
    or a never-tuned one written later (see queries.yml)."""
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))[half]


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


def search(page: Page, query: str, base: str, anchors: bool = False) -> list[str]:
    """Type `query` into the open search field; the result addresses relative to `base`, best
    first, without the highlight parameter. With `anchors`, a result keeps its #anchor (a
    partner's entry on its municipality's page); without, one address per page."""
    field = page.locator("input.md-search__input")
    # Paste the query, then press End: Material searches on key events, and typing every
    # character would search once per key (test_search_is_usable_by_keyboard_alone types).
    page.evaluate(_CLEAR_META)
    field.fill(query)
    field.press("End")
    page.wait_for_function(_ANSWERED)  # Material rewrites the count line for every answer
    # A pasted query is one keystroke (End), so one answer: the list is whole once it is answered.
    # The short quiet only guards a late re-render. 150 ms here made the ranking test 10–12 min;
    # 25 ms gave the same ranks for every one of 2,755 queries, all sets, misses compared line by
    # line (697 s → 322 s in one session, docs-dev/search.md "The ranking test's own time").
    page.evaluate(SETTLED, [_QUIET_MS])
    hrefs = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(_RESULTS)
    found: list[str] = []
    for href in hrefs:  # the link is base + address + ?h=… (highlight) + #anchor
        parts = urlsplit(href)
        address = parts._replace(query="", fragment=parts.fragment if anchors else "").geturl()
        address = unquote(address[len(base):] if address.startswith(base) else address)  # #værested
        if address not in found:
            found.append(address)
    return found


@dataclass
class Rates:
    top1: int
    top3: int
    total: int
    misses: list[str] = field(default_factory=list, repr=False)  # never printed for the held-out half

    def line(self, name: str) -> str:
        return (f"{name}: top-1 {self.top1}/{self.total} = {self.top1 / self.total:.1%}, "
                f"top-3 {self.top3}/{self.total} = {self.top3 / self.total:.1%}")


def rank(page: Page, queries: list[dict[str, str]], base: str) -> Rates:
    """Top-1 and top-3 over a list of {query, expect}. An expected address with an #anchor must
    match with its anchor; without one, any result on that page counts."""
    rates = Rates(0, 0, len(queries))
    for item in queries:
        expect = item["expect"]
        found = search(page, item["query"], base, anchors="#" in expect)
        rates.top1 += found[:1] == [expect]
        rates.top3 += expect in found[:3]
        if found[:1] != [expect]:
            rates.misses.append(f"{item['query']!r} → {expect} (fik: {', '.join(found[:3]) or 'intet'})")
    return rates
