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

What depends on one file alone — its link targets, a playbook's own anchors when it links to
one, a docs page's anchors — is `per_file` (rules/__init__.py): the pipeline keeps it with the
file, so a check after one edit renders no page that did not change (issue 18); only the
judging against the whole site runs on every check.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from rummelig import addresses, sitemap
from rummelig.loading.frontmatter import load_markdown, split_front_matter
from rummelig.problems import Problems
from rummelig.siteconfig import CONFIG, MarkdownConfig, load_markdown_config
from rummelig.suggest import closest

if TYPE_CHECKING:
    from rummelig.pagehtml import Rendered
    from rummelig.problems import Problem
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
    # The text's body and its first line: asked for only when a link fails (a check after one edit
    # does not read the files that did not change; issue 18).
    text: Callable[[], tuple[str, int]]


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


def _render(text: str, config: MarkdownConfig) -> Rendered:
    from rummelig import pagehtml  # only here: Python-Markdown and its extensions cost more than the rule

    return pagehtml.render(text, config)


def _ids(text: str, config: MarkdownConfig) -> set[str]:
    return _render(text, config).ids if not config.problem else set()


def _config(root: Path) -> MarkdownConfig:
    """The build's Markdown configuration for `root`, parsed once per content of mkdocs.yml (a
    process that checks many times sees an edit to it)."""
    key: tuple[str, bytes | None]
    try:
        key = (str(root), (root / CONFIG).read_bytes())
    except OSError:
        key = (str(root), None)
    if key not in _CONFIGS:
        _CONFIGS.clear()
        _CONFIGS[key] = load_markdown_config(root)
    return _CONFIGS[key]


_CONFIGS: dict[tuple[str, bytes | None], MarkdownConfig] = {}


def per_file(rel: str, text: str | None, record: Any, problems: list[Problem],  # noqa: ARG001 - the common signature
             root: Path | None = None, config: MarkdownConfig | None = None) -> dict[str, Any] | None:
    """What this rule needs of one file alone (rules/__init__.py): a playbook's or a docs page's
    link targets, in order (`links`), a playbook's own anchors when its text links to one
    (`own`), and a docs page's anchors (`ids`, what a link to it may name)."""
    if text is None:
        return None
    if record is not None and getattr(record.source, "kind", None) == "strategy":
        body, uri, docs = record.body, addresses.strategy(record.id), False
    elif rel.startswith("docs/") and rel.endswith(".md"):
        document = load_markdown(text, rel, Problems(), required=False)  # as loading/docs.py reads it
        if document is None:
            return None
        body, uri, docs = document.body, rel.removeprefix("docs/"), True
    else:
        return None
    if config is None:
        config = _config(root) if root is not None else MarkdownConfig([], {}, "no project")
    found: dict[str, Any] = {"uri": uri, "links": candidates(body) if "](" in body or "]:" in body else []}
    if docs:  # a few pages: each is rendered once, for its anchors and which candidates are links
        rendered = _render(body, config) if not config.problem else None
        found["ids"] = sorted(rendered.ids) if rendered else []
        found["not_links"] = [url for url in found["links"] if rendered and not _is_link(url, rendered)]
    elif found["links"] and "](#" in body:
        found["own"] = sorted(_ids(body, config))
    return found


def reads_text(found: Any) -> bool:
    """Does `check` read the text of a file with this finding (rules/__init__.py)? Only a page
    with links: for the line of a link that fails, and to confirm it is one."""
    return bool(found and found.get("links"))


def _is_link(url: str, rendered: Rendered) -> bool:
    """Is the candidate `url` a link or an image the build makes (not text in a code block)?"""
    real = set(rendered.links) | set(rendered.images)
    return url in real or url.replace("\n", " ") in real


class Site:
    """The pages and files of the site, and the anchors on each (computed when asked)."""

    def __init__(self, repo: Repository, config: MarkdownConfig, docs_ids: dict[str, list[str]]) -> None:
        self.repo = repo
        self.config = config
        self.files: set[str] = {p.uri for p in sitemap.generated_pages(repo)}
        self.files |= {p.uri for p in sitemap.docs_pages(repo)}
        self.files |= {rel.removeprefix("docs/") for rel in repo.docs_static}
        # The pages of files that are there but did not load (their own error stops the build): a
        # link to one is not reported too — "there is no strategies/x.md" would be false, and one
        # broken playbook gave an error in every file that links to it.
        self.unloaded: set[str] = {uri for kind in ("strategy", "library")
                                   for file_id in repo.file_ids(kind) - repo.records[kind].keys()
                                   for uri in addresses.pages_of(kind, file_id)}
        self._ids: dict[str, set[str]] = {uri: set(ids) for uri, ids in docs_ids.items()}
        self._generated: dict[str, str] | None = None

    def ids(self, uri: str) -> set[str]:
        """The anchors on the page `uri`: a docs page's come from its findings; a generated
        page is rendered when first asked."""
        if uri not in self._ids:
            self._ids[uri] = _ids(self._generated_markdown(uri), self.config)
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


# A web address written without https:// ("www.sundhed.dk", "sundhed.dk/psykiatri"): MkDocs takes
# it for a file of the site. Top-level domains a Danish library links to; a file name such as
# "plakat.pdf" or "side.md" is not one of them. Kept as text, compiled by `re` on its first use: only
# a link to a missing file is matched against it (issue 18).
_WEB_ADDRESS = (r"(?i)(?://)?(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:dk|com|org|net|eu|info|nu|se|no|de|"
                r"gov|int|io)(?:[/?#]|$))")


def _page_of_source_file(site: Site, target: str) -> str | None:
    """The page a link to a content file stands for ('libraries/dokk1.yml' → the library's
    page, 'partners/aarhus/x.yml' → its entry), when that page is on the site."""
    parts = target.split("/")
    if len(parts) == 2 and parts[0] == "libraries" and parts[1].endswith(".yml"):
        page = addresses.library(parts[1][:-4])
        return page if page in site.files else None
    if len(parts) == 3 and parts[0] == "partners" and parts[2].endswith(".yml"):
        page, partner_id = addresses.area(parts[1]), parts[2][:-4]
        return addresses.partner(parts[1], partner_id) if page in site.files and partner_id in site.ids(page) else None
    return None


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
        if target in site.unloaded:
            return None  # the target's own file has an error, reported there
        if re.match(_WEB_ADDRESS, path):
            return Broken(url, f"linket '{url}' mangler https:// foran, så det læses som en side her på sitet",
                          f"skriv hele adressen, fx https://{path.removeprefix('//')}", "links.no-scheme")
        page = _page_of_source_file(site, target)
        if page is not None:
            what = "bibliotekets side" if target.startswith("libraries/") else "partnerens afsnit på områdets side"
            return Broken(url, f"linket går til filen '{target}', som ikke selv kommer på sitet",
                          f"link til {what} i stedet: {addresses.relative(source.uri, page)}", "links.source-file")
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


def check_source(site: Site, source: Source, found: dict[str, Any], problems: Problems) -> None:
    """The links of one page (`found`: its `per_file` findings) judged against the site."""
    if not found["links"]:
        return
    own: set[str] | None = None  # a docs page's own ids: site.ids has them
    if "ids" not in found:  # a playbook's text: its own ids first, the whole page if needed
        own = set(found.get("own", ()))
    broken = []
    shown = set(found.get("not_links", ()))  # a docs page's example links in code: text, never judged
    for url in found["links"]:
        if url in shown:
            continue
        if "#" in url and not url.split("#", 1)[0] and own is not None and url.split("#", 1)[1] not in own:
            own = own | site.ids(source.uri)  # the playbook's whole page: its title and template headings
        wrong = judge(site, source, url, own)
        if wrong:
            broken.append(wrong)
    if not broken:
        return
    body, first_line = source.text()
    if "not_links" in found:  # a docs page: its candidates that are no links were left out above
        real = broken
    else:  # confirm: only what the build makes a link
        rendered = _render(body, site.config)
        real = [item for item in broken if _is_link(item.url, rendered)]
    for item in real:
        problems.error(source.rel, first_line + _locate(body, item.url), item.message, item.fix, item.code)


def _findings(repo: Repository, rel: str, text: Callable[[], str | None], record: Any,
              config: MarkdownConfig) -> Any:
    """One file's findings: kept by the pipeline, or worked out now (`text` read only then)."""
    if rel in repo.findings:
        return repo.findings[rel].get(__name__.rsplit(".", 1)[1])
    return per_file(rel, text(), record, [], config=config)


def _record_text(record: Any) -> Callable[[], tuple[str, int]]:
    return lambda: (record.body, record.body_first_line)  # the body first: a record of facts reads it then


def _text_of(page: Any) -> Callable[[], str]:
    return lambda: str(page.text)


def _page_text(page: Any) -> Callable[[], tuple[str, int]]:
    return lambda: (page.document.body, page.document.body_first_line)


def check(repo: Repository, problems: Problems) -> None:
    config = repo._once("markdown_config", lambda: load_markdown_config(repo.root))  # as rules/markup.py reads it
    if config.problem:
        return  # reported by the markup rule
    pages = [(page, _findings(repo, page.rel, _text_of(page), None, config)) for page in repo.docs]
    site = Site(repo, config, {found["uri"]: found["ids"] for _, found in pages if found})
    for record in repo.strategies.values():
        found = _findings(repo, record.rel, partial(repo.texts.get, record.rel, ""), record, config)
        if found and found["links"]:
            check_source(site, Source(found["uri"], record.rel, _record_text(record)), found, problems)
    for page, found in pages:
        if found and found["links"]:
            check_source(site, Source(found["uri"], page.rel, _page_text(page)), found, problems)
