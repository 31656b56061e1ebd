"""Likely duplicate partners: two entries with the same phone number or the same name.

A warning, not an error: two teams can share a switchboard. Example entries (sample data)
and nationwide lines are compared too, because a copy of a helpline in a municipality folder
is exactly the duplicate this is meant to catch.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.models import Partner
    from rummelig.problems import Problems
    from rummelig.repository import Record, Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
READS = {"partner": ("contact.phone", "name", "phone_key")}  # contact.phone: for its line


def _name_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def check(repo: Repository, problems: Problems) -> None:
    by_phone: dict[str, Record[Partner]] = {}
    by_name: dict[str, Record[Partner]] = {}
    for record in sorted(repo.partners.values(), key=lambda r: r.rel):
        partner = record.model
        phone = partner.phone_key
        if phone:
            first = by_phone.setdefault(phone, record)
            if first is not record:
                problems.warning(record.rel, record.line("contact", "phone"),
                                      f"telefonnummeret er det samme som i {first.rel}",
                                      "er det den samme partner? Så slet den ene fil, eller brug 'libraries' "
                                      "til at knytte den til flere biblioteker", "rules.duplicate-partner")
        name = _name_key(partner.name)
        first = by_name.setdefault(name, record)
        if first is not record:
            problems.warning(record.rel, record.line("name"), f"navnet '{partner.name}' bruges også i {first.rel}",
                                  "er det den samme partner? Så slet den ene fil; ellers gør navnene tydeligt "
                                  "forskellige, fx med bydel eller kommune", "rules.duplicate-partner")
