"""Broken links and anchors between pages, found by the check with file and line — the rules of
the build's `validation:` in mkdocs.yml (strict: a warning stops the build), before a build.

The pages contributors write links in: the playbooks' text (published at `strategier/<id>/`)
and the pages in docs/. Each link is resolved as MkDocs resolves it
(`mkdocs.structure.pages._RelativePathTreeprocessor.path_to_url`): external links (a scheme or
a host) are not checked here (`rummelig links` lists them); a link starting with `/` is
absolute (a warning in the build); a path is taken relative to the page's own source file and
must be a page or file of the site (`rummelig.sitemap`: generated pages, docs pages, the files
in docs/); a path with no extension that is not there is an "unrecognised" link; an anchor
must be an id on the target page.

Cheap first: link targets are read from the text with the patterns Python-Markdown's own link
patterns start from (inline targets, which may span a newline, and reference definitions).
Only a link that fails is confirmed by rendering the page as the build does
(`rummelig.pagehtml`) — a "link" inside a code block is then no link. Anchors come from the
rendered target page: a docs page, or a playbook's text; a generated page is rendered (that page
only) when a link names an anchor on it, which contributed text rarely does.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from rummelig import addresses, pagehtml, sitemap
from rummelig.loading.frontmatter import split_front_matter
from rummelig.rules.markup import site_markdown
from rummelig.suggest import closest

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
# The playbooks' bodies, the docs pages and the files of the site; a link to an anchor on a
# generated page renders the pages, which needs every record whole (the check then loads them).
READS: dict[str, tuple[str, ...]] = {}

_INLINE = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]*(?:\n[^)\s]*)?)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    uri: str          # the page's source uri inside docs/
    rel: str          # the file the text is in
    body: str
    first_line: int


@dataclass(frozen=True)
class Broken:
    url: str
    message: str
    fix: str
    code: str


def candidates(body: str) -> list[str]:
    """Every link target Python-Markdown could make of `body` (and some it does not)."""
    found = []
    for pattern in (_INLINE, _DEFINITION):
        for match in pattern.finditer(body):
            target = match.group(1).strip()
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            if target:
                found.append(target)
    return found


class Site:
    """The pages and files of the site, and the anchors on each (computed when asked)."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.config = site_markdown(repo)
        self.files: set[str] = {p.uri for p in sitemap.generated_pages(repo)}
        self.files |= {p.uri for p in sitemap.docs_pages(repo)}
        self.files |= {rel.removeprefix("docs/") for rel in repo.docs_static}
        self.docs_text = {page.rel.removeprefix("docs/"): page.document.body for page in repo.docs}
        self._ids: dict[str, set[str]] = {}
        self._generated: dict[str, str] | None = None

    def ids(self, uri: str) -> set[str]:
        if uri not in self._ids:
            if uri in self.docs_text:
                text = self.docs_text[uri]
            else:
                text = self._generated_markdown(uri)
            self._ids[uri] = pagehtml.render(text, self.config).ids if not self.config.problem else set()
        return self._ids[uri]

    def _generated_markdown(self, uri: str) -> str:
        if self._generated is None:
            self._generated = {}
        if uri not in self._generated:
            from rummelig.render.all_pages import render_pages  # only here: pages cost as much as the check

            self._generated.update((page.uri, page.content) for page in render_pages(self.repo, only={uri}))
        content = self._generated.get(uri, "")
        parts = split_front_matter(content)
        return parts[1] if parts else content


def judge(site: Site, source: Source, url: str, own_ids: set[str] | None = None) -> Broken | None:
    """What is wrong with one link of `source`, as the build would see it; None when nothing."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if url.startswith(("/", "\\")):
        return Broken(url, f"linket '{url}' starter med /, så det virker ikke, når sitet ligger i en undermappe",
                      "skriv linket relativt til siden, fx ../strategier/psykisk-krise.md", "links.absolute")
    if not parts.path:
        if parts.fragment and parts.fragment not in (own_ids if own_ids is not None else site.ids(source.uri)):
            return Broken(url, f"linket går til afsnittet '#{parts.fragment}' på samme side, som ikke findes",
                          "ret ankeret (det efter #), så det er id'et på en overskrift på siden", "links.anchor")
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source.uri), path)).lstrip("/")
    if target not in site.files:
        best = closest(target, sorted(site.files), cutoff=0.75)
        guess = f" (mente du '{addresses.relative(source.uri, best)}'?)" if best else ""
        if not posixpath.splitext(path)[1]:
            example = addresses.relative(source.uri, best) if best else "../strategier/psykisk-krise.md"
            return Broken(url, f"linket '{url}' peger ikke på en fil (der mangler .md eller filnavnet)",
                          f"link til sidens .md-fil, fx {example}", "links.unrecognized")
        folder, _, name = target.partition("/")
        if folder == addresses.STRATEGIES and name.endswith(".md") and "/" not in name:
            # A link between playbooks names the playbook's file, which lives in strategies/ (issue 17).
            playbook = name[:-3]
            return Broken(url, f"linket går til strategien '{playbook}', men der er ingen strategies/{playbook}.md",
                          f"ret linket til filnavnet på en strategi, der findes{guess}, eller opret strategien",
                          "links.not-found")
        return Broken(url, f"linket går til '{target}', som ikke findes på sitet",
                      f"ret linket, så det peger på en side eller fil, der findes{guess}", "links.not-found")
    if parts.fragment and target.endswith(".md") and parts.fragment not in site.ids(target):
        return Broken(url, f"linket går til afsnittet '#{parts.fragment}' på {target}, som ikke findes",
                      "ret ankeret (det efter #), så det er id'et på en overskrift på siden", "links.anchor")
    return None


def _locate(body: str, url: str) -> int:
    index = body.find(url)
    if index < 0:
        index = body.find(url.split("\n")[0])
    return body.count("\n", 0, index) if index >= 0 else 0


def check_source(site: Site, source: Source, problems: Problems) -> None:
    if "](" not in source.body and "]:" not in source.body:
        return
    own: set[str] | None = None  # a docs page's own ids: site.ids renders the page when asked
    if source.uri not in site.docs_text:  # a playbook's text: its own ids first, the whole page if needed
        own = pagehtml.render(source.body, site.config).ids if "](#" in source.body else set()
    broken = []
    for url in candidates(source.body):
        if "#" in url and not url.split("#", 1)[0] and own is not None and url.split("#", 1)[1] not in own:
            own = own | site.ids(source.uri)  # the playbook's whole page: its title and template headings
        found = judge(site, source, url, own)
        if found:
            broken.append(found)
    if not broken:
        return
    rendered = pagehtml.render(source.body, site.config)  # confirm: only what the build makes a link
    real = set(rendered.links) | set(rendered.images)
    for found in broken:
        if found.url in real or found.url.replace("\n", " ") in real:
            problems.error(source.rel, source.first_line + _locate(source.body, found.url), found.message, found.fix,
                           found.code)


def check(repo: Repository, problems: Problems) -> None:
    if site_markdown(repo).problem:
        return  # reported by the markup rule
    site = Site(repo)
    for record in repo.strategies.values():
        check_source(site, Source(addresses.strategy(record.id), record.rel, record.body, record.body_first_line),
                     problems)
    for page in repo.docs:
        check_source(site, Source(page.rel.removeprefix("docs/"), page.rel, page.document.body,
                                  page.document.body_first_line), problems)
