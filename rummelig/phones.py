"""A phone number as the models read it (`parse_phone`): plain code, without pydantic, so that a rule
can read a partner's or a library's number without importing the models' field types (issue 18:
roles-not-names reads it for every partner or library a check loads)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import phonenumbers


@lru_cache(maxsize=16384)  # the same numbers are parsed again for every page that shows them
def parse_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """A valid Danish, international or Danish short number, or None (do not modify the result)."""
    # phonenumbers (~20 ms to import, most of it compiling its patterns) only when a number is
    # read: a playbook has none (issue 18).
    import phonenumbers
    from phonenumbers import shortnumberinfo

    try:
        number = phonenumbers.parse(text, "DK")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        return number
    if number.country_code == 45 and shortnumberinfo.is_valid_short_number_for_region(number, "DK"):
        return number
    return None
