"""Gode møder in a real browser (issue 7): the charts are visible in Chromium, and the tally
sheet and the summary print on one A4 page each. One build, served on 127.0.0.1."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import PROJECT, run_build, write
from playwright.sync_api import sync_playwright
from test_encounters import generated

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    root = tmp_path_factory.mktemp("gode-moeder") / "repo"
    from conftest import LIBRARY, PARTNER, STRATEGY

    write(root, "libraries/testbib.yml", LIBRARY)
    write(root, "partners/aarhus/vaerestedet.yml", PARTNER)
    write(root, "strategies/en-gaest-sover.md", STRATEGY)
    rows = generated(root)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "docs", root / "docs")
    if (PROJECT / "overrides").is_dir():
        shutil.copytree(PROJECT / "overrides", root / "overrides")
    (root / "rummelig").symlink_to(PROJECT / "rummelig")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    total = sum(r[3] for r in rows if r[0] == "testbib")
    yield f"http://127.0.0.1:{server.server_address[1]}/", total
    server.shutdown()
    server.server_close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_charts_are_visible_and_pages_print_on_a4(served):
    base, total = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)

        page.goto(base + "gode-moeder/testbib/")
        charts = page.locator("svg[role=img]")
        assert charts.count() == 2
        for index in range(2):
            box = charts.nth(index).bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 60
        assert charts.first.locator("polyline").count() == 1
        assert f"I alt {total:,}".replace(",", ".") + " gode møder" in page.inner_text("article")
        assert page.get_attribute("svg[role=img] >> nth=0", "aria-labelledby") == \
            "gm-testbib-trend-title gm-testbib-trend-desc"
        colour = "getComputedStyle(document.querySelector('.gode-moeder-chart svg text')).fill"
        red, green, blue = (int(v) for v in re.findall(r"\d+", page.evaluate(colour))[:3])
        assert max(red, green, blue) < 80                        # dark text on the light scheme
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        red, green, blue = (int(v) for v in re.findall(r"\d+", page.evaluate(colour))[:3])
        assert min(red, green, blue) > 180                       # light text on the dark scheme
        page.emulate_media(media="print")
        assert charts.first.bounding_box()["width"] > 300

        counts = {}
        printer = browser.new_page()  # no media emulation: pdf() uses the print style sheet
        for uri in ("gode-moeder/testbib/optaellingsark/", "gode-moeder/testbib/opsummering/"):
            printer.goto(base + uri)
            counts[uri] = pdf_pages(printer.pdf(format="A4"))
        browser.close()
    assert counts == {"gode-moeder/testbib/optaellingsark/": 1, "gode-moeder/testbib/opsummering/": 1}
    assert outside == []
