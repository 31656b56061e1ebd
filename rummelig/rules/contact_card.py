"""A library's contact card prints on one A4 page (rummelig/contact_card.py): more rows than
fit is a warning that names what to cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.contact_card import MAX_ROWS, card

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository


def check(repo: Repository, problems: Problems) -> None:
    for library_id, record in sorted(repo.libraries.items()):
        the_card = card(repo, library_id)
        if not the_card.dropped:
            continue
        count = len(the_card.rows) + len(the_card.dropped)
        cut = ", ".join(r.id for r in the_card.dropped)
        chosen = record.model.contact_card is not None
        fix = (f"skriv færre partnere i contact_card; nu står disse ikke på kortet: {cut}" if chosen else
               f"vælg selv kortets rækker med contact_card: [...] (de vigtigste først); nu står disse ikke på "
               f"kortet: {cut}")
        problems.warning(record.rel, record.line("contact_card") if chosen else None,
                         f"kontaktkortet har {count} rækker, men kun {MAX_ROWS} kan stå på én A4-side",
                         fix, "rules.card-too-long")
