"""Every page address the site will have, with where each page comes from — from the loaded
repository alone, without rendering (rendering every page costs as much as the whole check).

The address rule (`rules/page_addresses.py`) finds two sources of one address with it, and the
link rule (`rules/links.py`) the pages a link may point to. `tests/rules/test_page_addresses.py`
asserts it lists exactly the pages `render_pages` makes, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from rummelig import addresses
from rummelig.kinds import KINDS
from rummelig.models.reference import PARTNER_TYPES
from rummelig.repository import Repository


@dataclass(frozen=True)
class PlannedPage:
    uri: str                 # the source uri inside docs/ (rummelig.addresses)
    source: str | None       # the file it is made from or is (None: made from no single file)
    what: str                # Danish: what the page is, for messages

    @property
    def address(self) -> str:
        """Where it lands on the site: the URL of a page, the path of any other file."""
        return addresses.url(self.uri)


def generated_pages(repo: Repository) -> list[PlannedPage]:
    """The pages the page producers (render/all_pages.py) make for `repo`."""
    found: list[PlannedPage] = []
    for record in repo.strategies.values():
        found.append(PlannedPage(addresses.strategy(record.id), record.rel, "strategiens side"))
    for library in repo.libraries.values():
        for uri in addresses.pages_of("library", library.id):
            found.append(PlannedPage(uri, library.rel, "en af bibliotekets sider"))
    # The areas in order, from the files' folders alone (partners_by_area also sorts each area's
    # partners by name, which the repository rules would have to read: issue 18).
    for area in sorted({record.area for record in repo.partners.values()}):
        found.append(PlannedPage(addresses.area(area), f"partners/{area}/", "partnersiden for området"))
    for type_key in PARTNER_TYPES:
        found.append(PlannedPage(addresses.partner_type(type_key), None, "siden for en partnertype"))
    for uri, what in addresses.fixed_pages().items():
        found.append(PlannedPage(uri, None, what))
    for kind in KINDS.values():
        if kind.api:
            found.append(PlannedPage(addresses.api(kind.api), None, f"api/{kind.api}.json"))
    return found


def docs_pages(repo: Repository) -> list[PlannedPage]:
    """The hand-written pages in docs/."""
    return [PlannedPage(page.rel.removeprefix("docs/"), page.rel, "siden") for page in repo.docs]
