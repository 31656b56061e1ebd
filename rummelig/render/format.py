"""Danish display formats for values shown on pages, and Markdown escaping."""

from __future__ import annotations

import posixpath
import re
from datetime import date

import phonenumbers

from rummelig.models.reference import WEEKDAYS
from rummelig.models.types import MONTHS, parse_phone

_DAY_ORDER = list(WEEKDAYS)
_SHORT = {"mon": "man", "tue": "tir", "wed": "ons", "thu": "tor", "fri": "fre", "sat": "lør", "sun": "søn"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!{}])")


def md(text: object) -> str:
    """Escape a contributed value so it shows as plain text in Markdown (never as markup)."""
    value = str(text).replace("&", "&amp;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return value.replace("\n", " ")


def danish_date(value: date) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def phone_display(text: str) -> str:
    number = parse_phone(text)
    if number is None:
        return text
    if number.country_code == 45:
        digits = phonenumbers.national_significant_number(number)
        if len(digits) == 8:
            return " ".join(digits[i:i + 2] for i in range(0, 8, 2))
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


def relative(from_uri: str, to_uri: str) -> str:
    """A relative Markdown link from one page's source uri to another's."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
