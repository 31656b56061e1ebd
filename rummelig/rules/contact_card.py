"""A library's contact card prints on one A4 page (rummelig/contact_card.py): when a library's
own choice of rows (`contact_card:`) does not fit, the check warns and names what is left out.
A card the library did not choose is bounded by itself (one partner per type, then the region's
and the country's lines until the page is full; the card links to the rest), so it never warns:
every library in a country with many national lines would otherwise get the same warning."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
# What `rummelig.contact_card.card` reads of each record (rules/__init__.py).
READS = {"library": ("contact_card", "municipality"),
         "partner": ("is_akut", "is_verified", "libraries", "name", "type")}


def check(repo: Repository, problems: Problems) -> None:
    from rummelig.contact_card import MAX_ROWS, card  # here: the registry imports every rule on every check

    for library_id, record in sorted(repo.libraries.items()):
        if record.model.contact_card is None:
            # A card the library did not choose is bounded by itself: no warning, so no card to
            # make (making one sorts every partner of the country: most of a check after an edit
            # that changes a partner's facts, issue 18).
            continue
        the_card = card(repo, library_id)
        if not the_card.dropped:
            continue
        count = len(the_card.rows) + len(the_card.dropped)
        cut = ", ".join(r.id for r in the_card.dropped)
        fix = f"skriv færre partnere i contact_card; nu står disse ikke på kortet: {cut}"
        problems.warning(record.rel, record.line("contact_card"),
                         f"kontaktkortet har {count} rækker, men kun {MAX_ROWS} kan stå på én A4-side",
                         fix, "rules.card-too-long")
