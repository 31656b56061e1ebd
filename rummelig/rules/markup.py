"""No raw HTML, event handlers or unsafe link schemes in contributed Markdown, and no markup
characters in front-matter strings (issue 6 item 6).

MkDocs publishes raw HTML as it is and renders front matter (title, description) into its
templates without escaping, so a contribution could otherwise put script into every page.
The build sanitises as a second line of defence (`rummelig.sanitize`); this check tells the
contributor, with file and line, before anything is built.

The Markdown is parsed with markdown-it-py (a CommonMark parser with line maps) rather than
matched with regexes: it knows code spans and blocks, decodes entities in link targets
(``&#106;avascript:``) and finds autolinks and reference definitions. Parsing costs a few ms
per page, so a page is only parsed when a cheap scan finds something that could be markup:
``<``, an entity, an attribute list, or a link target with a scheme other than https, http,
mailto or tel. Plain pages (nearly all) cost one regex scan.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from rummelig.loading.markdown import markdown_parser
from rummelig.loading.yamlfile import Loaded
from rummelig.problems import Problems

if TYPE_CHECKING:
    from rummelig.repository import Repository

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_NOT_SAFE = r"(?!(?:https?|mailto|tel):)"
# The pre-scan: each pattern starts with a literal character, which the regex engine finds fast.
_ENTITY = re.compile(r"&[#A-Za-z]")
_ATTRS = re.compile(r"\{[^}\n]*=")
_LINK_TARGET = re.compile(rf"\]\s*\(\s*<?{_NOT_SAFE}[^)\s]*[:\\]|\]:[ \t]*<?{_NOT_SAFE}\S*[:\\]")
# Only for the cheap pre-scan: code and comments cannot hold markup, so `<id>` in a code span
# does not make a page worth parsing. The parser still decides on the original text.
_QUIET = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_HANDLER = re.compile(r"(?<![A-Za-z0-9_-])(on[a-z]+)\s*=", re.IGNORECASE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
# Attribute lists (Python-Markdown's attr_list is on): {: .class #id key="value" }
_ATTR_LIST = re.compile(r"\{:?([^}\n]*)\}")
_ATTR_KEY = re.compile(r"(?:^|\s)([^\s=.#{}]+)\s*=")
_UNSAFE_ATTRS = {"href", "src", "style", "srcdoc", "action", "formaction", "xlink:href", "srcset", "background"}
_MARKUP_CHARS = re.compile(r"[<>\"]|&#?[A-Za-z0-9]+;")  # an entity would show as the character it stands for

_HTML_FIX = ("skriv det med Markdown i stedet (fx **fed**, [tekst](adresse), lister og tabeller); "
             "HTML er ikke tilladt i indholdet")
_LINK_FIX = ("brug en webadresse (https://…), en mailto:- eller tel:-adresse eller et link til en anden side "
             "på sitet")


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see: entities and %-escapes decoded, control characters
    and whitespace removed (browsers drop them), lower-cased. None for a relative link."""
    text = _CONTROL.sub("", html.unescape(unquote(html.unescape(url)))).lower()
    match = _SCHEME.match(text)
    if not match:
        return None
    # A relative path like 'side.md#a:b' has '/', '?' or '#' before the first ':'.
    return match.group(1)


def _is_comment(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("<!--") and stripped.endswith("-->") and stripped.count("<!--") == 1


def _locate(lines: list[str], start: int, end: int, *needles: str) -> int:
    for needle in needles:
        if not needle:
            continue
        for index in range(start, min(end, len(lines))):
            if needle in lines[index]:
                return index
    return start


def _html_problem(problems: Problems, path: str, line: int, text: str) -> None:
    tag = _TAG.search(text)
    shown = f"<{tag.group(1)}>" if tag else "<…>"
    handler = _HANDLER.search(text)
    if handler:
        problems.error(path, line, f"der står HTML ({shown}) med JavaScript ({handler.group(1).lower()}=)",
                       _HTML_FIX, "markup.event-handler")
    else:
        problems.error(path, line, f"der står rå HTML ({shown})", _HTML_FIX, "markup.html")


def _check_url(problems: Problems, path: str, line: int, url: str, what: str) -> None:
    scheme = link_scheme(url)
    if scheme is not None and scheme not in SAFE_SCHEMES:
        problems.error(path, line, f"{what} går til en adresse med '{scheme}:', som ikke er tilladt",
                       _LINK_FIX, "markup.unsafe-link")


def _check_text(problems: Problems, path: str, line: int, text: str) -> None:
    if _TAG.search(text):
        # Not HTML to CommonMark, but Python-Markdown (which MkDocs uses) is more lenient,
        # e.g. with <a href="x"onclick=y>: refuse anything that looks like a tag.
        _html_problem(problems, path, line, text)
    for match in _ATTR_LIST.finditer(text):
        for key in _ATTR_KEY.findall(match.group(1)):
            name = key.lower()
            if name.startswith("on") or name in _UNSAFE_ATTRS:
                problems.error(path, line, f"en attributliste ({{: … }}) sætter '{name}', som ikke er tilladt",
                               "brug kun klasser og id'er i attributlister, fx {: .class #id }",
                               "markup.attribute")


# Python-Markdown (what MkDocs renders with) is laxer than CommonMark about link targets:
# `[a](java<newline>script:…)` becomes href="java\nscript:…", and browsers drop the newline.
# So inline link targets are also read the way Python-Markdown reads them.
_LAX_LINK = re.compile(r"\]\(\s*<?([^)\"'>]*)")


def _check_lax_links(problems: Problems, path: str, body: str, first_line: int) -> None:
    for match in _LAX_LINK.finditer(body):
        target = match.group(1)
        if ":" in target or "&" in target or "%" in target:
            line = first_line + body.count("\n", 0, match.start())
            _check_url(problems, path, line, target, "linket")


def _suspect(body: str) -> bool:
    """Could `body` hold markup? Cheap; the parser decides."""
    return ("<" in body or ("&" in body and _ENTITY.search(body) is not None)
            or ("{" in body and _ATTRS.search(body) is not None)
            or ("]" in body and _LINK_TARGET.search(body) is not None))


def check_markdown(problems: Problems, path: str, body: str, first_line: int = 1) -> None:
    """Raw HTML, event handlers, unsafe link schemes and unsafe attribute lists in `body`."""
    if "](" in body:
        _check_lax_links(problems, path, body, first_line)
    if not _suspect(body) or not _suspect(_QUIET.sub("", body)):
        return
    lines = body.split("\n")
    last_map = (0, 1)
    for token in markdown_parser().parse(body):
        if token.map:
            last_map = (token.map[0], token.map[1])
        start, end = last_map
        if token.type == "html_block":
            if not _is_comment(token.content):
                _html_problem(problems, path, first_line + start, token.content)
            continue
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "html_inline":
                if not _is_comment(child.content):
                    _html_problem(problems, path, first_line + _locate(lines, start, end, child.content),
                                  child.content)
            elif child.type in ("link_open", "image"):
                attr = "href" if child.type == "link_open" else "src"
                url = str(child.attrs.get(attr, ""))
                what = "linket" if child.type == "link_open" else "billedet"
                line = first_line + _locate(lines, start, end, url.split(":", 1)[-1][:20], "](", "<")
                _check_url(problems, path, line, url, what)
            elif child.type == "text":
                _check_text(problems, path, first_line + _locate(lines, start, end, child.content[:40]),
                            child.content)


def _walk(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,))
    elif isinstance(value, str):
        yield path, value


def _where(path: tuple[str | int, ...]) -> str:
    from rummelig.models.errors import describe

    return f"'{describe(path)}'"


def _has_markup(value: Any) -> bool:
    if isinstance(value, str):
        return _MARKUP_CHARS.search(value) is not None
    if isinstance(value, dict):
        return any(_has_markup(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_markup(item) for item in value)
    return False


def check_front_matter(problems: Problems, path: str, loaded: Loaded) -> None:
    """MkDocs puts front-matter values into its HTML templates without escaping."""
    if not _has_markup(loaded.data):  # the common case, without building paths
        return
    for value_path, text in _walk(loaded.data, ()):
        found = _MARKUP_CHARS.search(text)
        if found:
            problems.error(path, loaded.line(value_path),
                           f"{_where(value_path)} indeholder {found.group()}, som ikke er tilladt i front matter",
                           "skriv teksten uden < > \" og HTML-koder som &amp; (brug fx »citat« eller “citat”)",
                           "markup.front-matter")


def check(repo: Repository, problems: Problems) -> None:
    for record in repo.strategies.values():
        check_front_matter(problems, record.rel, record.loaded)
        check_markdown(problems, record.rel, record.body, record.body_first_line)
