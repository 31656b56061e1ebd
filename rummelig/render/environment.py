"""Stage 4: what every page producer shares — the Jinja2 environment (Markdown-safe filters,
the `addr` global that owns page addresses, `link` for relative links) and the `Page` a
producer returns.

Producers are free functions `pages(renderer) -> list[Page]` in their own modules
(`render/*_pages.py`, `encounters/pages.py`, `api.py`); `render/all_pages.py` lists them.
Nothing here imports a producer, so the registry sits at the top and producers below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket

from rummelig import addresses
from rummelig.dates import danish_date
from rummelig.encounters.view import EncounterView
from rummelig.models.address import address_text
from rummelig.models.reference import (
    APPROACHES,
    NATIONWIDE_SLUG,
    PARTNER_TYPES,
    STATUSES,
    STRATEGY_KINDS,
    area_name,
)
from rummelig.render import format as fmt
from rummelig.render import review_notice
from rummelig.repository import Repository


@dataclass(frozen=True)
class Page:
    uri: str       # source path inside docs/, e.g. "strategier/psykisk-krise.md" (rummelig.addresses)
    content: str   # Markdown with a front matter block made by us (or the text of an api/*.json file)


# libyaml's emitter where PyYAML has it: 6× faster than the pure-Python one on a national build's
# 1,328 front matters (1.3 s → 0.2 s) and byte-identical on all of them; either way the block loads
# back to `meta` (tests/render/test_front_matter.py).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict[str, Any]) -> str:
    clean = {k: v for k, v in meta.items() if v not in (None, [], "")}
    body = yaml.dump(clean, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + body + "---\n\n"


@pass_context
def _link(context: Any, target: str) -> str:
    """A relative link from the page being rendered to `target` (a source uri from `addr`)."""
    return addresses.relative(context["page_uri"], target)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory, for a process that makes many environments: every
    render makes its own (its globals are the repository's), and a preview renders after every
    save (issue 18). Keyed by Jinja by the template's name and a hash of its source."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = MemoryBytecodeCache()


def environment() -> Environment:
    env = Environment(loader=PackageLoader("rummelig", "render/templates"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
                      bytecode_cache=COMPILED)
    env.filters.update(md=fmt.md, date=danish_date, phone=fmt.phone_link, phone_text=fmt.phone_display,
                       days=fmt.days_display, opening_hours=fmt.opening_hours, number=fmt.number,
                       tel=fmt.phone_tel, host=fmt.host, address=address_text, hours_html=fmt.hours_html)
    env.globals.update(link=_link, addr=addresses, PARTNER_TYPES=PARTNER_TYPES, APPROACHES=APPROACHES,
                       KINDS=STRATEGY_KINDS, STATUSES=STATUSES, NATIONWIDE=NATIONWIDE_SLUG, area_name=area_name)
    return env


class Renderer:
    """The repository, the build day and the template environment, shared by every producer."""

    def __init__(self, repo: Repository, today: date | None = None, library: str | None = None,
                 only: set[str] | None = None) -> None:
        self.repo = repo
        self.today = today or repo.today
        self.library = library      # the library whose edition this is (None: the national edition)
        self.only = only            # the pages to make (source uris), None: all (rummelig/render/dependencies.py)
        self.env = environment()
        self.encounters = EncounterView(repo, self.today)
        self.env.globals.update(repo=repo, today=self.today, encounters=self.encounters,
                                edition=repo.libraries.get(library) if library else None,
                                overdue_notice=lambda record: review_notice.notice(record, self.today))

    def wants(self, *uris: str) -> bool:
        """Is any of these pages to be made? Producers ask before they gather a page's data."""
        return self.only is None or any(uri in self.only for uri in uris)

    def page(self, uri: str, template: str, meta: dict[str, Any], **context: Any) -> Page:
        body = self.env.get_template(template).render(page_uri=uri, **context)
        return Page(uri, front_matter(meta) + body)
