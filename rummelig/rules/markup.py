"""No raw HTML, event handlers, unsafe links, outside images or imitated UI in contributed
Markdown, and no markup characters in front-matter strings (issue 6 item 6, issue 13 item 1).

One pipeline decides: a page that could hold anything but plain Markdown is rendered exactly as
the build renders it (`rummelig.pagehtml`: Python-Markdown with the extensions of mkdocs.yml)
and that HTML is judged against the allowlist the build's sanitiser uses (`rummelig.sanitize`):
- raw HTML passed through from the source is refused (a clean `<!-- comment -->` aside);
- every element, attribute and URL of the output must be allowed: links only to http, https,
  mailto and tel (after entity and %-decoding, as browsers read them), images only from the
  site itself (an image from another server tracks every reader), no class that imitates the
  theme's own controls (`md-button`), no id the theme uses (`__search`).
The contributor learns what was wrong, at the source line; the build still sanitises as a second
line of defence (`rummelig.sanitize`), in every build path.

Rendering costs a few ms a page, so a page is only rendered when a cheap scan finds something
that could be more than plain Markdown: ``<``, an entity, an attribute list, an image, an
admonition or details block (its words become classes), or a link target with a scheme other
than https, http, mailto or tel, or with an escape in it. Plain pages (nearly all) cost one scan.
Plain Markdown can only make the allowed elements, headings' ids from `toc` and safe links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from rummelig.problems import Problems
from rummelig.siteconfig import DEFAULT_EXTENSIONS, MarkdownConfig, load_markdown_config, markdown_config

if TYPE_CHECKING:
    from html.parser import HTMLParser

    from rummelig import pagehtml
    from rummelig.loading.loaded import Loaded
    from rummelig.repository import Repository

# The HTML parser, the entity table (`html`) and the sanitiser's lists (nh3) are imported where a
# page is judged: the rules' registry imports this module on every check, also one whose files
# all come from its cache (issue 18).

SCOPE = "file"  # each file on its own (rules/__init__.py)

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# The pre-scan: each pattern starts with a literal character, which the regex engine finds fast.
_ENTITY = re.compile(r"&[#A-Za-z]")
_ATTRS = re.compile(r"\{[^}\n]*[=.#]")
_BLOCK_CLASSES = re.compile(r"^[ \t]*(?:!!!|\?\?\?)", re.MULTILINE)
# Inline link targets as Python-Markdown reads them (it keeps a newline inside a target:
# `[a](java<newline>script:…)` becomes href="java\nscript:…"), and reference definitions.
_LAX_LINK = re.compile(r"\]\(\s*<?([^)\"'>]*)")
_DEFINITION = re.compile(r"\]:[ \t]*<?(\S*)")
_PLAIN_TARGET = re.compile(r"(?:https?://|mailto:|tel:)?[^:&%\\\s]*")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_HANDLER = re.compile(r"(?<![A-Za-z0-9_-])(on[a-z]+)\s*=", re.IGNORECASE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
# A comment a browser ends where Python-Markdown does: no "--!>", "-->" or "<!--" inside, not "<!-->".
_CLEAN_COMMENT = re.compile(r"<!--(?!-?>)(?:(?!--!?>|<!--).)*-->", re.DOTALL)
_TEXT_ALIGN = re.compile(r"text-align:\s*(?:left|right|center);?")
_MARKUP_CHARS = re.compile(r"[<>\"]|&#?[A-Za-z0-9]+;")  # an entity would show as the character it stands for

_HTML_FIX = ("skriv det med Markdown i stedet (fx **fed**, [tekst](adresse), lister og tabeller); "
             "HTML er ikke tilladt i indholdet")
_LINK_FIX = ("brug en webadresse (https://…), en mailto:- eller tel:-adresse eller et link til en anden side "
             "på sitet")
_ATTR_FIX = "brug kun klasser og id'er i attributlister, fx {: .class #id }"


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see: entities and %-escapes decoded, control characters
    and whitespace removed (browsers drop them), lower-cased. None for a relative link."""
    import html

    text = _CONTROL.sub("", html.unescape(unquote(html.unescape(url)))).lower()
    match = _SCHEME.match(text)
    if not match:
        return None
    # A relative path like 'side.md#a:b' has '/', '?' or '#' before the first ':'.
    return match.group(1)


def is_local(url: str) -> bool:
    """A URL on the site itself: no scheme and no host (``//host/x`` is another server)."""
    import html

    text = _CONTROL.sub("", html.unescape(unquote(url)))
    return link_scheme(url) is None and not text.startswith(("//", "\\\\", "/\\", "\\/"))


@dataclass(frozen=True)
class HtmlFinding:
    needle: str      # text to find the source line by
    message: str
    fix: str
    code: str


def _raw_finding(piece: str) -> HtmlFinding:
    tag = _TAG.search(piece)
    shown = f"<{tag.group(1)}>" if tag else "<…>"
    handler = _HANDLER.search(piece)
    if piece.lstrip().startswith("<!") and not tag:
        return HtmlFinding(piece.strip()[:30], "der står en HTML-kommentar, som en browser læser anderledes "
                           "(fx afsluttet med --!>)", "skriv kommentaren som <!-- tekst --> uden -- inde i den, "
                           "eller slet den", "markup.html")
    if handler:
        return HtmlFinding(piece.strip()[:30], f"der står HTML ({shown}) med JavaScript ({handler.group(1).lower()}=)",
                           _HTML_FIX, "markup.event-handler")
    return HtmlFinding(piece.strip()[:30], f"der står rå HTML ({shown})", _HTML_FIX, "markup.html")


@cache
def _allowed() -> dict[str, set[str]]:
    """The sanitiser's attribute lists, lower-cased as the HTML parser reports names (viewBox → viewbox)."""
    from rummelig import sanitize

    return {tag: {a.lower() for a in sanitize.ATTRIBUTES["*"] | sanitize.ATTRIBUTES.get(tag, set())}
            for tag in [*sanitize.TAGS, "*"]}


def judge_element(tag: str, attrs: list[tuple[str, str | None]]) -> list[HtmlFinding]:
    """One element against the build's allowlist."""
    from rummelig import sanitize

    found = []
    if tag not in sanitize.TAGS:
        found.append(HtmlFinding(f"<{tag}", f"der står et HTML-element (<{tag}>), som ikke er tilladt", _HTML_FIX,
                                 "markup.html"))
    every = _allowed()
    allowed = every.get(tag, every["*"])
    for name, value in attrs:
        name, value = name.lower(), value or ""
        if name.startswith("on"):
            found.append(HtmlFinding(name, f"en attributliste ({{: … }}) sætter '{name}', som ikke er tilladt",
                                     _ATTR_FIX, "markup.attribute"))
        elif name in ("href", "src") and tag in ("a", "img"):
            found.extend(_url(tag, value))
        elif name == "style" and name in allowed and _TEXT_ALIGN.fullmatch(value.strip()):
            continue
        elif name == "class":
            for word in value.split():
                if word.startswith("md-") or word in ("headerlink", "twemoji"):
                    found.append(HtmlFinding(
                        word, f"klassen '{word}' efterligner sitets egne knapper og menuer",
                        "skriv et almindeligt link eller almindelig tekst; klasser, der starter med md-, er "
                        "temaets egne", "markup.ui-class"))
        elif name == "id" and value.startswith("__"):
            found.append(HtmlFinding(value, f"id'et '{value}' bruges af sitets egen menu og søgning",
                                     "vælg et id, der ikke starter med __", "markup.ui-id"))
        elif name == "markdown" and tag in ("div", "details", "section", "article", "aside", "figure"):
            continue  # md_in_html's switch; it is not published
        elif name not in allowed and not name.startswith(("aria-", "data-")):
            found.append(HtmlFinding(name, f"en attributliste ({{: … }}) sætter '{name}', som ikke er tilladt",
                                     _ATTR_FIX, "markup.attribute"))
    return found


def _url(tag: str, url: str) -> list[HtmlFinding]:
    what = "linket" if tag == "a" else "billedet"
    scheme = link_scheme(url)
    needle = url[:40]
    if scheme is not None and scheme not in SAFE_SCHEMES:
        return [HtmlFinding(needle, f"{what} går til en adresse med '{scheme}:', som ikke er tilladt", _LINK_FIX,
                            "markup.unsafe-link")]
    if tag == "img" and not is_local(url):
        host = urlsplit(_CONTROL.sub("", url)).netloc or "en anden server"
        return [HtmlFinding(needle, f"billedet hentes fra en anden server ({host})",
                            "læg billedet i docs/assets/images/, og link til det dér — siden må ikke hente noget "
                            "uden for sitet", "markup.external-image")]
    return []


@cache
def _judge() -> type[HTMLParser]:
    from html.parser import HTMLParser

    class Judge(HTMLParser):
        """Every element of a page's HTML (the generated pages: their templates write HTML)."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[HtmlFinding] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.extend(judge_element(tag, attrs))

        handle_startendtag = handle_starttag

    return Judge


def html_findings(rendered: pagehtml.Rendered, raw_allowed: bool = False) -> list[HtmlFinding]:
    """What in a rendered page the allowlist refuses: the raw HTML passed through from the
    source, and every element Markdown made. `raw_allowed`: the project's own templates
    (generated pages) may write HTML; then the whole page's HTML is judged element by element."""
    if raw_allowed:
        judge = _judge()()
        judge.feed(rendered.html)
        judge.close()
        return judge.found  # type: ignore[attr-defined, no-any-return]
    found = [_raw_finding(piece) for piece in rendered.raw
             if not _CLEAN_COMMENT.fullmatch(piece.strip()) and not (piece.startswith("&") and piece.endswith(";"))]
    for tag, attributes in rendered.elements:
        found.extend(judge_element(tag, list(attributes.items())))
    return found


def _suspect_link(target: str) -> bool:
    target = target.strip()
    return not _PLAIN_TARGET.fullmatch(target)


def suspect(body: str) -> bool:
    """Could `body` make anything but plain Markdown's HTML? Cheap; the renderer decides."""
    return ("<" in body or ("&" in body and _ENTITY.search(body) is not None)
            or ("{" in body and _ATTRS.search(body) is not None) or "![" in body
            or (("!!!" in body or "???" in body) and _BLOCK_CLASSES.search(body) is not None)
            or ("](" in body and any(_suspect_link(m.group(1)) for m in _LAX_LINK.finditer(body)))
            or ("]:" in body and any(_suspect_link(m.group(1)) for m in _DEFINITION.finditer(body))))


def _locate(lines: list[str], needle: str) -> int:
    for probe in (needle, needle[:12], needle.split("\n", 1)[0]):
        if probe:
            for index, line in enumerate(lines):
                if probe in line:
                    return index
    return 0


@cache
def _default() -> MarkdownConfig:
    return markdown_config(DEFAULT_EXTENSIONS)


def check_markdown(problems: Problems, path: str, body: str, first_line: int = 1,
                   config: MarkdownConfig | None = None) -> pagehtml.Rendered | None:
    """Raw HTML, event handlers, unsafe links, outside images and imitated UI in `body`, as
    the build would publish it. Returns the rendered page when it was rendered."""
    if not suspect(body):
        return None
    config = config or _default()
    if config.problem:
        return None  # reported once, at mkdocs.yml (check)
    from rummelig import pagehtml  # Python-Markdown: only for a text the cheap scan cannot clear

    rendered = pagehtml.render(body, config)
    lines = body.split("\n")
    for finding in html_findings(rendered):
        problems.error(path, first_line + _locate(lines, finding.needle), finding.message, finding.fix, finding.code)
    return rendered


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
    for value_path, text in loaded.strings():
        found = _MARKUP_CHARS.search(text)
        if found:
            problems.error(path, loaded.line(value_path),
                           f"{_where(value_path)} indeholder {found.group()}, som ikke er tilladt i front matter",
                           "skriv teksten uden < > \" og HTML-koder som &amp; (brug fx »citat« eller “citat”)",
                           "markup.front-matter")


def site_markdown(repo: Repository) -> MarkdownConfig:
    """The build's Markdown configuration for `repo` (read once per check)."""
    return repo._once("markdown_config", lambda: load_markdown_config(repo.root))  # type: ignore[no-any-return]


def check(repo: Repository, problems: Problems) -> None:
    config = site_markdown(repo)
    if config.problem == "kan ikke læses som YAML":
        problems.error("mkdocs.yml", config.line, config.problem, "ret filen, så 'mkdocs build' kan læse den",
                       "markup.config")
    elif config.problem:
        problems.error("mkdocs.yml", config.line, f"Markdown-indstillingerne kan ikke bruges af kontrollen: "
                       f"{config.problem}", "ret markdown_extensions i mkdocs.yml, så kontrollen kan lave siderne, "
                       "som bygningen gør", "markup.config")
    for record in repo.strategies.values():
        check_front_matter(problems, record.rel, record.loaded)
        check_markdown(problems, record.rel, record.body, record.body_first_line, config)
