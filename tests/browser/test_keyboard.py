"""The keyboard in a real browser: every Tab stop before the content can be seen, and the
navigation drawer opens and closes from the keyboard (overrides/partials/search.html,
docs/assets/javascripts/drawer-button.js, the drawer rule in rummelig.css)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.site import Served

pytestmark = pytest.mark.browser

SITUATION = "strategier/sover-paa-biblioteket/"

# Where document.activeElement is, whether it can be seen, and a short name for the report.
FOCUSED = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  const seen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < innerWidth && r.top < innerHeight && style.visibility === "visible";
  const name = e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().split(/\\s+/).join(".") : "")
    + " «" + (e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 30) + "»";
  return {seen, name, content: !!e.closest(".md-content"),
          box: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]};
}"""


@pytest.fixture
def situation(browser: Browser, site: Served) -> Iterator[Callable[[int], Page]]:
    """Opens the situation page in a window `width` px wide (closed after the test)."""
    contexts: list[BrowserContext] = []

    def open_at(width: int) -> Page:
        contexts.append(browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}))
        page = contexts[-1].new_page()
        page.goto(site.sub + SITUATION, wait_until="load")
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [1280, 1024, 390])
def test_every_tab_stop_before_the_content_can_be_seen(situation: Callable[[int], Page], width: int):
    page = situation(width)
    unseen: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["content"]:
            break
        if not focused["seen"]:
            unseen.append(f"{focused['name']} at {focused['box']}")
    else:
        pytest.fail(f"80 Tabs at {width} px never reached the page's content")
    assert unseen == [], f"unseen Tab stops at {width} px: {unseen}"


def test_the_navigation_drawer_opens_and_closes_from_the_keyboard(situation: Callable[[int], Page]):
    page = situation(1024)
    button = page.locator(".md-header label[for='__drawer']")
    drawer_links = page.locator(".md-sidebar--primary .md-nav__link[href]")
    expect(drawer_links.first).to_be_hidden()
    for _ in range(15):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("15 Tabs never reached the header's menu button")
    expect(button).to_have_attribute("role", "button")
    expect(button).to_have_attribute("aria-label", "Menu")
    expect(button).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(button).to_have_attribute("aria-expanded", "true")
    focused = page.locator(":focus")
    expect(focused).to_have_count(1)
    assert focused.evaluate("e => !!e.closest('.md-sidebar--primary')")
    expect(focused).to_be_in_viewport()
    expect(drawer_links.first).to_be_in_viewport()
    page.keyboard.press("Tab")  # the next link in the drawer can be seen too
    expect(page.locator(":focus")).to_be_in_viewport()

    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(drawer_links.first).to_be_hidden()  # after the slide out

    page.keyboard.press(" ")  # Space opens it as well
    expect(page.locator("#__drawer")).to_be_checked()
