"""Pagefind on the same built pages, for the side-by-side in docs-dev/search.md (issue 14).

Not part of `make test` or `make bench`, and Pagefind is not a project dependency: install it
into the venv to run this (`.venv/bin/pip install "pagefind[bin]"`; the registry package ships
the binary). It indexes a copy of a built site (Danish stemming, the page's content area only)
and measures, in Chromium over 127.0.0.1, through Pagefind's own JavaScript API:
  - ranking on the query set (tests/browser/queries.yml), top-1 and top-3 per half; an
    expected #anchor is compared with the best sub-result's address;
  - time from a page that just loaded to the first result's data, and the bytes fetched
    (median of `runs` fresh browser contexts);
  - whether it searches from file:// at all.

Usage: python -m bench.pagefind_compare SITE [--runs 10] [--query overdosis]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (the browser tests' helpers)

QUERIES = PROJECT / "tests" / "browser" / "queries.yml"

_SEARCH = """async ([query, count]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({});
  const found = await pagefind.search(query);
  const out = [];
  for (const result of found.results.slice(0, count)) {
    const data = await result.data();
    out.push([data.url, data.sub_results && data.sub_results[0] ? data.sub_results[0].url : data.url]);
  }
  return out;
}"""


def index(site: Path, work: Path) -> tuple[Path, float]:
    copy = work / "site"
    shutil.copytree(site, copy)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--force-language", "da",
                    "--root-selector", ".md-content"], check=True, capture_output=True)
    return copy, time.perf_counter() - started


def _address(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    page = parts.path.lstrip("/")
    return page, page + ("#" + parts.fragment if parts.fragment else "")


def ranking(page, half: list[dict]) -> tuple[int, int]:
    top1 = top3 = 0
    for item in half:
        expect = item["expect"]
        found = [(_address(u)[0], _address(s)[1]) for u, s in page.evaluate(_SEARCH, [item["query"], 3])]
        addresses = [anchored if "#" in expect else plain for plain, anchored in found]
        top1 += addresses[:1] == [expect]
        top3 += expect in addresses[:3]
    return top1, top3


def first_result(url: str, query: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    times, fetched = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            sizes, loaded = [], {"done": False}
            page.on("requestfinished", lambda r, s=sizes, d=loaded: s.append(r.sizes()["responseBodySize"])
                    if d["done"] else None)
            page.goto(url, wait_until="load")
            loaded["done"] = True
            started = page.evaluate("performance.now()")
            page.evaluate(_SEARCH, [query, 1])
            times.append(page.evaluate("performance.now()") - started)
            page.wait_for_timeout(200)
            fetched.append(sum(sizes))
            context.close()
        browser.close()
    return {"median_ms": round(statistics.median(times)), "runs_ms": [round(t) for t in times],
            "median_bytes": round(statistics.median(fetched))}


def from_file(site: Path) -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        try:
            page.evaluate(_SEARCH.replace("'/pagefind/pagefind.js'", "'./pagefind/pagefind.js'"), ["overdosis", 1])
            verdict = "searches"
        except Exception as error:  # noqa: BLE001 - what the browser says is the finding
            verdict = "fails: " + str(error).splitlines()[0][:200]
        browser.close()
    return verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pagefind on a built site: ranking, time, bytes, file://.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--query", default="overdosis")
    parser.add_argument("--no-ranking", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        copy, seconds = index(args.site, Path(tmp))
        result: dict = {"index_seconds": round(seconds, 1),
                        "index_bytes": sum(p.stat().st_size for p in (copy / "pagefind").rglob("*") if p.is_file())}
        with serve(copy) as served:
            if not args.no_ranking:
                from playwright.sync_api import sync_playwright

                queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    page = browser.new_page()
                    page.goto(served.root)
                    for half in ("tuning", "held_out"):
                        top1, top3 = ranking(page, queries[half])
                        result[half] = {"top1": top1, "top3": top3, "total": len(queries[half])}
                    browser.close()
            result["served"] = first_result(served.root + "strategier/psykisk-krise/", args.query, args.runs)
        result["file"] = from_file(copy)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
