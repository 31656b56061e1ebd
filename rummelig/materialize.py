"""Write the whole site source as plain files, for engines that do not run our hooks.

`materialize(root, out)` writes

    <out>/docs/        the hand-written docs/ pages and assets, plus every generated page
                       (Markdown) and the api/*.json files, as ordinary files
    <out>/mkdocs.yml   the project's config without `hooks:` and `watch:`, docs_dir: docs
    <out>/<custom_dir> the theme's custom_dir, if the config names one

so `mkdocs build`, `properdocs build` or Zensical (which reads mkdocs.yml and ignores hooks)
can build it from <out>. What is lost is in docs-dev/engines.md.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from rummelig import pagehtml, privacy
from rummelig.loading.frontmatter import split_front_matter
from rummelig.outdir import refusal, start
from rummelig.problems import Problems
from rummelig.render.environment import Page
from rummelig.rules.markup import html_findings
from rummelig.site import build_site, theme_extra
from rummelig.siteconfig import CONFIG, MarkdownConfig, dump_config, markdown_config, read_config

MARKER = ".rummelig-materialized"
DROPPED_KEYS = ("hooks", "watch")  # hooks: the pages are files now; watch: names folders not copied


@dataclass
class MaterializeResult:
    problems: Problems
    pages: int = 0
    copied: int = 0
    refused: str = ""                   # a Danish reason when nothing was written


def plain_config(config: dict[str, Any], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The project's config as an engine without our hooks needs it; `extra` is what the hook
    would have put into `extra` (the edition and the theme's addresses)."""
    plain = {k: v for k, v in config.items() if k not in DROPPED_KEYS}
    plain["docs_dir"] = "docs"
    plain["site_dir"] = "site"
    if extra:
        current = plain.get("extra")
        plain["extra"] = {**(current if isinstance(current, dict) else {}), **extra}
    return plain


def prove_safe(pages: list[Page], config: MarkdownConfig, problems: Problems) -> None:
    """An engine without our hooks publishes these pages without the sanitiser: render each
    as the build will and refuse (an error per page) what the allowlist or the privacy guard
    would not let through. The check has judged the contributed parts already; this proves
    the generated whole."""
    if config.problem:
        problems.error(CONFIG, None, f"Markdown-indstillingerne kan ikke bruges: {config.problem}",
                       "ret markdown_extensions, så siderne kan kontrolleres, før de skrives", "materialize.config")
        return
    for page in pages:
        where = f"(genereret) {page.uri}"
        if privacy.find_cpr(page.content):
            problems.error(where, None, "siden ville indeholde noget, der ligner et CPR-nummer",
                           "find teksten i kilden, og slet nummeret", "materialize.cpr")
        if not page.uri.endswith(".md"):
            continue
        parts = split_front_matter(page.content)
        body = parts[1] if parts else page.content
        for finding in html_findings(pagehtml.render(body, config), raw_allowed=True):
            problems.error(where, None, f"siden kan ikke udgives uden sanitering: {finding.message}",
                           "meld fejlen til projektets vedligeholdere — intet er skrevet", "materialize.unsafe")


def materialize(root: Path, out: Path, replace: bool = False, library: str | None = None) -> MaterializeResult:
    """Write the site source to `out` (the national edition, or `library`'s); nothing is
    written if the content has errors."""
    site = build_site(root, library=library)
    result = MaterializeResult(site.problems)
    if site.problems.has_errors():
        return result
    try:
        config = read_config((root / CONFIG).read_text(encoding="utf-8"))
    except FileNotFoundError:
        result.refused = f"{root / CONFIG} findes ikke — kør kommandoen i projektets mappe, eller brug --root"
        return result
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{CONFIG}:{mark.line + 1}" if mark else CONFIG
        result.refused = f"{where}: kan ikke læses som YAML — ret filen, så 'mkdocs build' kan læse den"
        return result
    docs_dir = root / str(config.get("docs_dir", "docs"))
    prove_safe(site.pages, markdown_config(config.get("markdown_extensions", [])), result.problems)
    result.refused = "" if result.problems.has_errors() else refusal(root, docs_dir, out, MARKER, replace)
    if result.problems.has_errors() or result.refused:
        return result
    start(out, MARKER, "Skrevet af 'rummelig materialize'. Ret ikke her: ret kildefilerne og kør igen.\n")
    docs = out / "docs"
    if docs_dir.is_dir():
        shutil.copytree(docs_dir, docs, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        result.copied = sum(1 for p in docs.rglob("*") if p.is_file())
    for page in site.pages:
        target = docs / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
        result.pages += 1
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom_dir, str) and (root / custom_dir).is_dir():
        shutil.copytree(root / custom_dir, out / custom_dir, ignore=shutil.ignore_patterns("__pycache__"))
    extra = {"library": library, **theme_extra(site, config.get("use_directory_urls", True) is not False)}
    text = dump_config(plain_config(config, extra))
    (out / CONFIG).write_text(text, encoding="utf-8")
    return result
