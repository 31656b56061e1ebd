"""Danish display formats for values shown on pages (phone numbers, weekdays, opening hours,
numbers), and Markdown escaping. Dates: `rummelig.dates`."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import phonenumbers

from rummelig.models.reference import WEEKDAYS
from rummelig.phones import parse_phone

if TYPE_CHECKING:
    from rummelig.models.partner import OpeningWindow

_DAY_ORDER = list(WEEKDAYS)
_SHORT = {"mon": "man", "tue": "tir", "wed": "ons", "thu": "tor", "fri": "fre", "sat": "lør", "sun": "søn"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!{}])")


def md(text: object) -> str:
    """Escape a contributed value so it shows as plain text in Markdown (never as markup)."""
    value = str(text).replace("&", "&amp;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return value.replace("\n", " ")


def number(value: int) -> str:
    """12345 → '12.345' (Danish thousands separator)."""
    return f"{value:,}".replace(",", ".")


def phone_display(text: str) -> str:
    number = parse_phone(text)
    if number is None:
        return text
    if number.country_code == 45:
        digits = phonenumbers.national_significant_number(number)
        if len(digits) == 8:
            # As the service itself writes it ("70 201 201", "80 200 500"), when the contributor
            # grouped the digits; otherwise in pairs.
            written = re.sub(r"^(?:\+|00)45\s*", "", text.strip())
            if re.fullmatch(r"\d{2,4}(?: \d{2,4})+", written) and written.replace(" ", "") == digits:
                return written
            return " ".join(digits[i:i + 2] for i in range(0, 8, 2))
        if len(digits) == 6:  # the EU's 116 numbers: 116 111, 116 123
            return f"{digits[:3]} {digits[3:]}"
        return digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_tel(text: str) -> str:
    number = parse_phone(text)
    if number is None:
        return ""
    if number.country_code == 45 and len(phonenumbers.national_significant_number(number)) < 8:
        return phonenumbers.national_significant_number(number)  # short numbers are dialled as they are
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_link(text: str) -> str:
    tel = phone_tel(text)
    shown = phone_display(text)
    return f"[{md(shown)}](tel:{tel})" if tel else md(shown)


def days_display(days: list[str]) -> str:
    """['mon','tue','wed','fri'] → 'man–ons, fre'."""
    ordered = sorted(set(days), key=_DAY_ORDER.index)
    runs: list[list[str]] = []
    for day in ordered:
        if runs and _DAY_ORDER.index(day) == _DAY_ORDER.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(ordered) == 7:
        return "alle dage"
    parts = [_SHORT[r[0]] if len(r) == 1 else f"{_SHORT[r[0]]}–{_SHORT[r[-1]]}" for r in runs]
    return ", ".join(parts)


def opening_hours(windows: list[OpeningWindow], with_overnight: bool = True) -> str:
    """A partner's opening hours on one line: 'man–fre 09:00–15:00; lør 10:00–14:00'."""
    parts = []
    for window in windows:
        text = f"{days_display(list(window.days))} {window.opens}–{window.closes}"
        if with_overnight and window.overnight:
            text += " (til næste dag)"
        parts.append(text)
    return "; ".join(parts)


def hours_html(windows: list[OpeningWindow]) -> str:
    """The week's opening hours as inline HTML that a small script (docs/assets/javascripts/
    opening-hours.js) turns into today's hours ("i dag 09:00–15:00", "i dag til 08:00 og fra
    16:00", "lukket i dag"); without the script, or printed, the whole week shows."""
    data = "|".join(f"{','.join(w.days)} {w.opens}-{w.closes}{' +1' if w.overnight else ''}" for w in windows)
    return f'<span class="rb-hours" data-hours="{html.escape(data)}">{html.escape(opening_hours(windows))}</span>'


def host(url: str) -> str:
    """A web address as people read it: 'https://www.aarhus.dk/x' → 'www.aarhus.dk/x'."""
    return re.sub(r"^https?://", "", url).rstrip("/")
