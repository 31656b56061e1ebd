"""Search in the browser at national scale: time from a page that just loaded to the first
result, and the bytes the browser fetched for it (issue 14).

For each of `runs` page loads, in a fresh browser context (an empty cache, as after a new
start of the browser): open a playbook page, wait for its load event, focus the header search
box with Material's "/" shortcut, type the query, and stop the clock when the first result is
in the list. Both ends of the clock are read in the page (performance.now()): the stop is taken
by a MutationObserver on the result list when the first item is inserted, not when Playwright
next looks (its polling and round trips added 50-350 ms under load, docs-dev/performance.md).
`typing_ms` is how long Playwright took to type "/" and the query (the first result may come
before the typing ends, for the part typed so far, as it does for a person); `driver_ms` is the
old clock, stopped when Playwright saw the result, for comparison with earlier figures;
`page_load_ms` is the page's own load (navigation start to the load event), which the search
must not slow down; `last_after_typing_ms` is the time from the last key to the answer to the
whole query (the list's last change). Bytes are the
response bodies fetched after the load event (the search's files only: the page itself is
already there). Served from 127.0.0.1 or opened from file:// (the offline copy, `make offline`).

Usage: python -m bench.search SITE [--file] [--runs 10] [--query overdosis] [--page strategier/psykisk-krise/]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (the browser tests' helpers)

QUERY = "overdosis"
PAGE = "strategier/psykisk-krise/"

# In the page, before its own scripts: the time the first result is inserted into Material's
# result list, the time of the last change to a list with results (the answer to the whole
# query, once the list has settled), and the time of the last key released (the query typed).
CLOCK = """
addEventListener("keyup", function () { window.__benchTyped = performance.now(); }, true);
addEventListener("DOMContentLoaded", function () {
  var list = document.querySelector(".md-search-result__list");
  if (!list) return;
  new MutationObserver(function () {
    if (!list.querySelector("li.md-search-result__item")) return;
    window.__benchLastResult = performance.now();
    if (window.__benchFirstResult === undefined) window.__benchFirstResult = window.__benchLastResult;
  }).observe(list, { childList: true });
});
"""


# Resolves when the result list has not changed for `quiet` ms.
SETTLED = """(quiet) => new Promise(resolve => {
  const list = document.querySelector(".md-search-result__list");
  let timer = setTimeout(resolve, quiet);
  new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(resolve, quiet); })
    .observe(list, { childList: true, subtree: true });
})"""


def _body_size(request: Any) -> int:
    try:
        return request.sizes()["responseBodySize"]
    except Exception:  # noqa: BLE001 - a request without a body
        return 0


def _measure(url: str, query: str, runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    typing: list[float] = []
    driver: list[float] = []
    loads: list[float] = []
    after_typing: list[float] = []
    fetched: list[int] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for _ in range(runs):
                context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
                context.add_init_script(CLOCK)
                page = context.new_page()
                loaded = {"done": False}
                requests: list[Any] = []

                # Only noted here: asking for a request's size is a round trip to the browser,
                # and in this handler it held up the typing (Playwright's events and calls
                # share one thread).
                def finished(request, loaded=loaded, requests=requests) -> None:
                    if loaded["done"]:
                        requests.append(request)

                page.on("requestfinished", finished)
                page.goto(url, wait_until="load")
                loaded["done"] = True
                started = page.evaluate("performance.now()")
                page.keyboard.press("/")
                page.keyboard.type(query)
                page.locator("li.md-search-result__item").first.wait_for(timeout=60_000)
                first, typed, now, load = page.evaluate(
                    "[window.__benchFirstResult, window.__benchTyped, performance.now(),"
                    " performance.getEntriesByType('navigation')[0].loadEventStart]")
                driver.append(now - started)
                loads.append(load)
                times.append(first - started)
                typing.append(typed - started)
                # the answer to the whole query, and the result's last files (for the byte count)
                page.evaluate(SETTLED, 300)
                last = page.evaluate("window.__benchLastResult")
                after_typing.append(last - typed)
                fetched.append(sum(_body_size(request) for request in requests))
                context.close()
        finally:
            browser.close()
    return {"median_ms": round(statistics.median(times)), "runs_ms": [round(t) for t in times],
            "median_bytes": round(statistics.median(fetched)), "typing_ms": round(statistics.median(typing)),
            "driver_ms": round(statistics.median(driver)), "page_load_ms": round(statistics.median(loads)),
            "last_after_typing_ms": round(statistics.median(after_typing)),
            "query": query}


def measure(site: Path, file_url: bool = False, runs: int = 10, query: str = QUERY, page: str = PAGE) -> dict:
    """Time to first result and bytes, median of `runs` fresh page loads."""
    if file_url:
        target = page.rstrip("/") + ".html" if not page.endswith(".html") else page
        return {"where": "file://", **_measure((site / target).as_uri(), query, runs)}
    with serve(site) as served:
        return {"where": "127.0.0.1", **_measure(served.root + page, query, runs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time from page load to the first search result.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--file", action="store_true", help="open the site from file:// (an offline build)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--query", default=QUERY)
    parser.add_argument("--page", default=PAGE)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.site, args.file, args.runs, args.query, args.page), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
