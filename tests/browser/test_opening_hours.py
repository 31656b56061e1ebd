"""Today's opening hours on contact rows (docs/assets/javascripts/opening-hours.js) in a real
Chromium with the clock set: what a colleague reads on the card is whether they can call now."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.site import Served

pytestmark = pytest.mark.browser

CARD = "biblioteker/aalborg-bibliotekerne/kontaktkort/"
DOCTOR = "Lægevagten i Region Nordjylland"  # weekdays 16–8, weekends all day (its partner file)


@pytest.fixture
def at(browser: Browser, site: Served) -> Iterator:
    contexts = []

    def open_card(when: datetime, media: str = "screen") -> Page:
        context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
        contexts.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(when)
        page.emulate_media(media=media)
        page.goto(site.root + CARD)
        return page

    yield open_card
    for context in contexts:
        context.close()


def hours(page: Page, name: str) -> str:
    return page.locator("li", has_text=name).locator(".rb-hours").inner_text()


@pytest.mark.parametrize(("when", "expected"), [
    (datetime(2026, 11, 30, 10, 0), "i dag til 08:00 og fra 16:00"),  # Monday: the rest of Sunday, then tonight
    (datetime(2026, 12, 1, 10, 0), "i dag til 08:00 og fra 16:00"),   # Tuesday: the rest of Monday night
    (datetime(2026, 12, 5, 10, 0), "i dag døgnet rundt"),             # Saturday
])
def test_the_doctor_on_call_shows_today_as_a_reader_needs_it(at, when, expected):
    page = at(when)
    assert hours(page, DOCTOR) == expected
    assert page.locator("li", has_text=DOCTOR).locator(".rb-hours").get_attribute("title") == (
        "Hele ugen: man 00:00–08:00; man–fre 16:00–08:00 (til næste dag); lør–søn 00:00–24:00")
    assert hours(page, "Giftlinjen") == "i dag døgnet rundt"


def test_a_day_without_hours_says_closed_and_a_day_window_shows_its_times(at):
    script = """days => {
        const span = document.createElement("span");
        span.className = "rb-hours";
        span.setAttribute("data-hours", days);
        document.body.append(span);
        window.rummeligOpeningHours();
        return span.textContent;
    }"""
    saturday, monday = at(datetime(2026, 12, 5, 12, 0)), at(datetime(2026, 11, 30, 12, 0))
    assert saturday.evaluate(script, "mon,tue,wed,thu,fri 09:00-15:00") == "lukket i dag"
    assert monday.evaluate(script, "mon,tue,wed,thu,fri 09:00-15:00|sat 10:00-13:00") == "i dag 09:00–15:00"
    assert saturday.evaluate(script, "fri 22:00-03:00 +1|sat 10:00-13:00") == "i dag til 03:00 og 10:00–13:00"


def test_a_printed_card_keeps_the_whole_week(at):
    page = at(datetime(2026, 11, 30, 10, 0), media="print")
    assert hours(page, DOCTOR) == "man 00:00–08:00; man–fre 16:00–08:00 (til næste dag); lør–søn 00:00–24:00"
