"""Fixtures for the browser tests: the real site, built once per session into a temp folder and
served on 127.0.0.1 (root and sub-path), and one headless Debian Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, SUB_PATH, Served, build, serve


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The project's site, built with `site_url` under the sub-path (so the 404 page works
    there), served at http://127.0.0.1:<port>/ and http://127.0.0.1:<port>/rummelig/."""
    site_dir = tmp_path_factory.mktemp("site")
    build(site_dir, site_url="http://127.0.0.1" + SUB_PATH)
    with serve(site_dir) as served:
        yield served


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
