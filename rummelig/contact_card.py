"""Whom to call, right now: the rows of a library's contact card, and the partners a
playbook shows where they are needed (issue 12 §2, §4).

The card is one A4 page and one phone screen, always, whatever the number of partners in
the municipality:
- the library's own choice (`contact_card:` partner ids, in order), otherwise its verified
  partners (checked with the partner by a library, not samples) whose `libraries` include it,
  one per partner type in the contract's type order;
- then its region's lines (1813 in Region Hovedstaden, the lægevagt elsewhere) and the
  nationwide lines, each once;
- 112 and 114 are the card's akut box, never rows.
Rows beyond one A4 page are left out (`Card.fit`) and the check warns, naming them
(`rules/contact_card.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from rummelig.models.reference import CARD_MAX_ROWS, NATIONWIDE_SLUG, PARTNER_TYPES, municipalities

if TYPE_CHECKING:
    from rummelig.models import Partner
    from rummelig.repository import Record, Repository

MAX_ROWS = CARD_MAX_ROWS
# Partners shown on a playbook, near the top, in a library's edition.
MAX_HELP_ROWS = 4

_TYPE_ORDER = {key: index for index, key in enumerate(PARTNER_TYPES)}


def is_akut(partner: Partner) -> bool:
    """112 or 114: shown in the akut box, not as a row."""
    return partner.is_akut


@dataclass
class Card:
    library_id: str
    chosen: bool                                    # True: the library's own `contact_card:` list
    local: list[Record[Partner]] = field(default_factory=list)
    regional: list[Record[Partner]] = field(default_factory=list)
    nationwide: list[Record[Partner]] = field(default_factory=list)
    dropped: list[Record[Partner]] = field(default_factory=list)  # rows that did not fit one A4 page

    def fit(self) -> Card:
        """At most MAX_ROWS rows: the last ones (nationwide lines first, then the region's, then
        the library's own from the end of its list) go to `dropped`."""
        while len(self.rows) > MAX_ROWS:
            section = self.nationwide or self.regional or self.local
            self.dropped.insert(0, section.pop())
        return self

    @property
    def rows(self) -> list[Record[Partner]]:
        return [*self.local, *self.regional, *self.nationwide]

    @property
    def has_samples(self) -> bool:
        return any(r.model.is_sample for r in self.rows)

    @property
    def has_unconfirmed(self) -> bool:
        return any(not r.model.is_sample and not r.model.is_verified for r in self.rows)


def _by_type(records: Iterable[Record[Partner]]) -> list[Record[Partner]]:
    return sorted(records, key=lambda r: (_TYPE_ORDER[r.model.type], r.model.name.lower()))


def region_of(repo: Repository, library_id: str) -> str | None:
    """The partner folder of the library's region (`region-midtjylland`)."""
    municipality = municipalities().get(repo.libraries[library_id].model.municipality)
    return municipality.region_slug if municipality else None


def card(repo: Repository, library_id: str) -> Card:
    library = repo.libraries[library_id].model
    by_area = repo.partners_by_area()
    region = region_of(repo, library_id)
    regional = [r for r in by_area.get(region or "", []) if not is_akut(r.model)]
    nationwide = [r for r in by_area.get(NATIONWIDE_SLUG, []) if not is_akut(r.model)]
    if library.contact_card is not None:
        local = [repo.partners[i] for i in library.contact_card if i in repo.partners]
        chosen_ids = {r.id for r in local}
        return Card(library_id, True, [r for r in local if not is_akut(r.model)],
                    _by_type(r for r in regional if r.id not in chosen_ids),
                    _by_type(r for r in nationwide if r.id not in chosen_ids)).fit()
    local = []
    seen_types: set[str] = set()
    for record in repo.partners_for_library(library_id):  # verified first, then type order
        if record.model.is_verified and record.model.type not in seen_types and not is_akut(record.model):
            seen_types.add(record.model.type)
            local.append(record)
    return Card(library_id, False, _by_type(local), _by_type(regional), _by_type(nationwide)).fit()


_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def _stemmer() -> Any:
    import snowballstemmer  # only here: the check's card rule does not stem

    return snowballstemmer.stemmer("danish")


@cache  # the same partner texts are stemmed for every playbook that may show them
def _text_stems(text: str) -> frozenset[str]:
    stem = _stemmer().stemWord
    return frozenset(stem(word.lower()) for word in _WORD.findall(text))


def _stems(texts: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(_text_stems(text) for text in texts))


def _partner_stems(partner: Partner) -> frozenset[str]:
    return _stems([partner.name, partner.description, *partner.helps_with, *partner.when_to_contact])


def help_rows(repo: Repository, library_id: str | None, partner_types: list[str],
              about: Iterable[str] = (), playbook_id: str | None = None) -> list[Record[Partner]]:
    """The partners a playbook shows near the top: of the playbook's partner types, in the
    order the playbook names the types, and only those whose `situations` name the playbook
    (`playbook_id`) or who list no situations (all helplines share one type: Giftlinjen is
    not for a psychiatric crisis). In a library's edition: its card's partners first,
    then its other verified partners, its region's and the nationwide lines; without a library
    only nationwide lines (a local number must never appear in another municipality's
    context). Samples are never shown here. Within a type, a partner whose description shares
    words with the playbook (`about`: its title, summary, tags, keywords) comes first, so a
    page on suicidal thoughts shows Livslinien before the poison line."""
    if not partner_types:
        return []
    topic = _stems(about)
    wanted = {key: index for index, key in enumerate(partner_types)}
    pool: list[Record[Partner]] = []
    if library_id is not None:
        the_card = card(repo, library_id)
        pool += the_card.local
        pool += [r for r in repo.partners_for_library(library_id) if r.model.is_verified]
        pool += the_card.regional + the_card.nationwide
    else:
        pool += [r for r in repo.partners_by_area().get(NATIONWIDE_SLUG, []) if not is_akut(r.model)]
    found: list[Record[Partner]] = []
    for record in pool:
        partner = record.model
        if (partner.type in wanted and not partner.is_sample and partner.contact.phone and record not in found
                and (playbook_id is None or partner.is_for(playbook_id))):
            found.append(record)
    # Stable: the pool's order (card, verified, region, country) among equally relevant rows.
    found.sort(key=lambda r: (wanted[r.model.type], -len(topic & _partner_stems(r.model))))
    return found[:MAX_HELP_ROWS]
