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


def _others(group: list[Record[Partner]], record: Record[Partner]) -> str:
    others = [other.rel for other in group if other is not record]
    return ", ".join(others[:-1]) + " og " + others[-1] if len(others) > 1 else others[0]


def check(repo: Repository, problems: Problems) -> None:
    # Every file of a pair is told, each naming the other(s): `rummelig check <the new file>`
    # and a pull request's annotations show only the files it changed, and the new file may
    # sort before the one it repeats.
    by_phone: dict[str, list[Record[Partner]]] = {}
    by_name: dict[str, list[Record[Partner]]] = {}
    for record in sorted(repo.partners.values(), key=lambda r: r.rel):
        if record.model.phone_key:
            by_phone.setdefault(record.model.phone_key, []).append(record)
        by_name.setdefault(_name_key(record.model.name), []).append(record)
    for group in (g for g in by_phone.values() if len(g) > 1):
        for record in group:
            problems.warning(record.rel, record.line("contact", "phone"),
                             f"telefonnummeret er det samme som i {_others(group, record)}",
                             "er det den samme partner? Så slet den ene fil, eller brug 'libraries' "
                             "til at knytte den til flere biblioteker", "rules.duplicate-partner")
    for group in (g for g in by_name.values() if len(g) > 1):
        for record in group:
            problems.warning(record.rel, record.line("name"),
                             f"navnet '{record.model.name}' bruges også i {_others(group, record)}",
                             "er det den samme partner? Så slet den ene fil; ellers gør navnene tydeligt "
                             "forskellige, fx med bydel eller kommune", "rules.duplicate-partner")
