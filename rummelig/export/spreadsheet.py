"""CSV cells a spreadsheet opens as text, never as a formula (CSV injection, OWASP).

Excel, LibreOffice and Google Sheets read a cell that starts with = + - @ (or a tab or a
carriage return before one) as a formula: a partner named ``=HYPERLINK("https://…","Klik")``
would become a live link, and ``=cmd|…`` has run programs. Such a cell gets a leading
apostrophe, which spreadsheets show as text and do not display. A number or a phone number
(digits, spaces and ``+ - . ( )`` only: nothing a formula can call) is left as it is, so
"+4570201201" stays a phone number. Hand-written: a one-line rule, no library needed.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9 .()+-]*")


def safe_cell(value: object) -> object:
    """`value` as a CSV cell that cannot start a formula; non-strings are returned unchanged."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START) or _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(row: dict[str, object]) -> dict[str, object]:
    return {key: safe_cell(value) for key, value in row.items()}
