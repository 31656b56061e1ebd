"""Second line of defence at build time: every page's HTML goes through an allowlist.

`rules/markup.py` refuses raw HTML, event handlers and unsafe links before a build; this
catches whatever a parser difference (markdown-it-py at check time, Python-Markdown at build
time) or a bug lets through. nh3 (ammonia) is the maintained sanitiser (bleach is
deprecated). The allowlist keeps what the site itself produces: Python-Markdown's output,
Material's admonitions, details, tables and permalinks, and the inline SVG charts on the
gode-moeder pages (rummelig/encounters/charts.py). It drops every event handler, <script>,
<style>, <iframe>, <form>, and every link scheme but http, https, mailto and tel.

Titles and descriptions from front matter are put into MkDocs' templates without escaping;
`escape_text` turns < > " into entities there (check refuses them, so valid content is
unchanged).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import nh3

from rummelig import forked

_TEXT_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "b", "i", "u", "s", "del", "ins",
    "mark", "small", "sub", "sup", "abbr", "kbd", "code", "pre", "samp", "var", "q", "cite", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "colgroup", "col", "img", "figure", "figcaption", "div", "span", "details", "summary", "section",
    "article", "aside", "time", "wbr",
}
# The inline charts of issue 7: geometry and presentation only (no <use>, <foreignObject>,
# <animate> or <a>, which can carry script or load other documents).
_SVG_TAGS = {"svg", "g", "rect", "line", "polyline", "polygon", "path", "circle", "ellipse", "text", "tspan",
             "title", "desc"}
_SVG_ATTRS = {
    "viewBox", "xmlns", "width", "height", "preserveAspectRatio", "focusable", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "dx", "dy", "points", "d", "transform", "fill", "fill-opacity", "stroke",
    "stroke-width", "stroke-opacity", "stroke-linejoin", "stroke-linecap", "stroke-dasharray", "opacity",
    "font-size", "font-weight", "font-family", "text-anchor", "dominant-baseline",
}

TAGS = _TEXT_TAGS | _SVG_TAGS
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "role", "lang", "dir", "hidden", "tabindex"},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "loading", "title"},
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "td": {"colspan", "rowspan", "align", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"}, "abbr": {"title"}, "blockquote": {"cite"}, "q": {"cite"},
    **{tag: _SVG_ATTRS for tag in _SVG_TAGS},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# The theme's classes that its own content fragments use (the tags plugin's listings); every
# other md-… class belongs to its controls, and a contributed one imitates them (issue 13).
THEME_CONTENT_CLASSES = ("md-tag",)


def _local(url: str) -> bool:
    text = "".join(url.split()).lower()
    return ":" not in text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0] and not text.startswith(("//", "\\"))


def _attribute(element: str, attribute: str, value: str) -> str | None:
    """Per-attribute rules beyond nh3's lists: no imitated UI classes or theme ids, no image
    from another server (it would tell that server who reads the page)."""
    if attribute == "class":
        kept = [w for w in value.split() if not w.startswith("md-") or w.startswith(THEME_CONTENT_CLASSES)]
        return " ".join(kept) or None
    if attribute == "id" and value.startswith("__"):
        return None
    if element == "img" and attribute == "src" and not _local(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """The page's HTML with everything outside the allowlist removed."""
    return nh3.clean(
        html,
        attribute_filter=_attribute,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,            # do not rewrite our links
        strip_comments=False,     # Material's tags plugin marks listings with comments
        filter_style_properties={"text-align"},  # Python-Markdown's table alignment
    )


class Sanitiser:
    """A full build's pages sanitised in a forked child while MkDocs renders the rest (issue 18:
    the hooks' cost). MkDocs renders every page's Markdown first and uses the HTML only after
    (on_env, then the theme): `add` (from on_page_content) hands a page's HTML to the child, on the
    core the build leaves free while it renders, and `results` (at on_env) gives back every page
    handed over, sanitised — the same sanitize_html, so the same bytes. None from `results`, or
    False from `add` (no fork, the child failed or is gone): the caller sanitises here."""

    def __init__(self) -> None:
        self._child = forked.Stream(_sanitise_pages)

    @property
    def pid(self) -> int:
        return self._child.pid

    def add(self, key: str, html: str) -> bool:
        """Hand a page's HTML to the child; False when there is none (sanitise it here)."""
        return self._child.send((key, html))

    def results(self) -> dict[str, str] | None:
        """Every page handed over, sanitised; None when the child failed (sanitise them here)."""
        return self._child.result()  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the child without its results (the build failed)."""
        self._child.close()


def _sanitise_pages(pages: Iterator[tuple[str, str]]) -> dict[str, str]:
    """In Sanitiser's child: the pages handed over, sanitised, by key."""
    return {key: sanitize_html(html) for key, html in pages}


def escape_text(text: object) -> object:
    """A front-matter string made safe for an HTML template: < > " as entities."""
    if not isinstance(text, str):
        return text
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escape_meta(meta: dict[str, Any]) -> None:
    """Escape, in place, the front-matter strings that themes print as HTML."""
    for key in ("title", "description", "subtitle"):
        if key in meta:
            meta[key] = escape_text(meta[key])
