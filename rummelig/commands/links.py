"""`rummelig links`: every external link in the content, for a person or a link checker.

Links are never fetched here, nor during `check` or the build (a pull request's checks must
not depend on other people's servers); internal links and anchors are checked by the build
(`validation:` in mkdocs.yml with `strict: true`).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from rummelig.commands import Subcommands
from rummelig.kinds import DOCUMENT_KINDS
from rummelig.loading.markdown import markdown_parser
from rummelig.pipeline import check_repository
from rummelig.problems import Problems


@dataclass(frozen=True, order=True)
class Link:
    path: str
    line: int | None
    url: str


def _external(url: str) -> bool:
    return url[:8].lower().startswith(("https://", "http://"))


def markdown_links(path: str, body: str, first_line: int) -> list[Link]:
    found = []
    line = first_line
    for token in markdown_parser().parse(body):
        if token.map:
            line = first_line + token.map[0]
        for child in token.children or []:
            url = child.attrs.get("href") if child.type == "link_open" else child.attrs.get("src") \
                if child.type == "image" else None
            if isinstance(url, str) and _external(url):
                found.append(Link(path, line, url))
    return found


def _yaml_links(path: str, loaded: Any) -> list[Link]:
    return [Link(path, loaded.line(key_path), value) for key_path, value in loaded.strings() if _external(value)]


def collect(root: Path) -> tuple[list[Link], Problems]:
    checked = check_repository(root)
    repo = checked.repo
    links: list[Link] = []
    for key, kind in DOCUMENT_KINDS.items():
        for record in repo.records[key].values():
            links += _yaml_links(record.rel, record.loaded)
            if kind.fmt == "markdown":
                links += markdown_links(record.rel, record.body, record.body_first_line)
    for page in repo.docs:
        links += _yaml_links(page.rel, page.document.meta)
        links += markdown_links(page.rel, page.document.body, page.document.body_first_line)
    return sorted(set(links)), checked.problems


def run(root: Path, fmt: str = "text", out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    links, problems = collect(root)
    if fmt == "json":
        print(json.dumps([asdict(link) for link in links], ensure_ascii=False, indent=2), file=out)
    else:
        for link in links:
            where = f"{link.path}:{link.line}" if link.line else link.path
            print(f"{where}: {link.url}", file=out)
        hosts = len({link.url.split("/")[2].lower() for link in links if link.url.count("/") >= 2})
        print(f"{len(links)} eksterne links til {hosts} websteder. De er ikke hentet; tjek dem i en browser "
              "eller med et linktjek-værktøj.", file=out)
    if problems.has_errors():
        print("rummelig links: indholdet har fejl, så filer med fejl er ikke med — kør 'rummelig check'", file=err)
        return 1
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("links", help="vis alle eksterne links i indholdet (de hentes ikke)")
    parser.add_argument("--format", choices=("text", "json"), default="text", metavar="format",
                        help="text (standard) eller json")
    parser.set_defaults(run=lambda args: run(args.root, args.format))
