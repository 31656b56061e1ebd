"""The HTML a page's Markdown becomes in the build — made by the check, before any build.

MkDocs renders with Python-Markdown and the extensions of `mkdocs.yml` (`rummelig.siteconfig`);
this module does the same, without MkDocs, so the check judges exactly the HTML the build will
publish (issue 13: an unclosed code fence, a comment closed with `--!>` or HTML indented under a
list item were code or comment to the earlier CommonMark parser and live HTML to the build).

`render(markdown, config)` returns the HTML and what the rules need from it:
- `raw`: every piece of HTML the source passed through as it was (Python-Markdown keeps raw
  HTML in its stash; the pieces the `html_block` preprocessor and the inline `html` pattern
  stored are recorded, entities and the code blocks extensions store are not; a
  `<div markdown>` block of md_in_html becomes part of the element tree and is judged there),
- `links` and `images`: each `<a href>` and `<img src>` of the element tree, as written,
- `ids`: every `id` in the page (headings from `toc`, attribute lists): the anchors a link may use,
- `elements`: every element Markdown made (not the raw HTML), with its attributes,
- `text()`: what a reader sees (tags and comments removed, entities decoded).

Rendering costs a few milliseconds a page, so the rules only render the pages a cheap scan
cannot clear (`rules/markup.py`, `rules/links.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from rummelig.siteconfig import MarkdownConfig


@dataclass
class Rendered:
    html: str
    raw: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # Markdown's own, with attributes

    def text(self) -> str:
        reader = _Text()
        reader.feed(self.html)
        reader.close()
        return "".join(reader.parts)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("p", "li", "br", "div", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("\n")


class _Collect(Treeprocessor):  # type: ignore[misc]  # Python-Markdown has no type stubs
    """Last of the tree processors (MkDocs' own link rewriting runs at the same point)."""

    def __init__(self, md: markdown.Markdown, found: Rendered) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element is not root and isinstance(element.tag, str):
                self.found.elements.append((element.tag, dict(element.attrib)))
            if element.tag == "a" and element.get("href") is not None:
                self.found.links.append(element.get("href", ""))
            elif element.tag == "img":
                self.found.images.append(element.get("src", ""))
            if element.get("id"):
                self.found.ids.add(element.get("id", ""))
            if element.tag == "a" and element.get("name"):
                self.found.ids.add(element.get("name", ""))


class _Renderer:
    def __init__(self, config: MarkdownConfig) -> None:
        self.md = markdown.Markdown(extensions=config.extensions, extension_configs=config.configs)
        self.result = Rendered("")
        self.raw_indexes: set[int] = set()
        self.md.treeprocessors.register(_Collect(self.md, self.result), "rummelig_collect", -1)
        self._record(self.md.preprocessors, "html_block", "run")
        self._record(self.md.inlinePatterns, "html", "handleMatch")

    def _record(self, registry: Any, name: str, method: str) -> None:
        """Note which stash entries `registry[name]` adds: raw HTML from the source."""
        if name not in registry:
            return
        processor = registry[name]
        original = getattr(processor, method)

        def recording(*args: Any) -> Any:
            before = len(self.md.htmlStash.rawHtmlBlocks)
            result = original(*args)
            self.raw_indexes.update(range(before, len(self.md.htmlStash.rawHtmlBlocks)))
            return result

        setattr(processor, method, recording)

    def render(self, text: str) -> Rendered:
        self.md.reset()
        self.raw_indexes.clear()
        self.result.__init__("")  # type: ignore[misc]
        html = self.md.convert(text)
        stash = self.md.htmlStash.rawHtmlBlocks
        # md_in_html leaves '' where a `<div markdown>` block was: it is in the element tree now,
        # and judged there like any element.
        raw = [text for i in sorted(self.raw_indexes) if i < len(stash) and (text := _source(stash[i]))]
        return Rendered(html, raw, list(self.result.links), list(self.result.images), set(self.result.ids),
                        list(self.result.elements))


def _source(entry: Any) -> str:
    """A stash entry as HTML text: md_in_html keeps a `<div markdown>` block as an element."""
    if isinstance(entry, Element):
        attributes = "".join(f' {key}="{value}"' for key, value in entry.attrib.items())
        return f"<{entry.tag}{attributes}>"
    return str(entry)


_RENDERERS: dict[str, _Renderer] = {}


def render(text: str, config: MarkdownConfig) -> Rendered:
    """`text` (Markdown without front matter) as the build renders it."""
    renderer = _RENDERERS.get(config.key)
    if renderer is None:
        renderer = _RENDERERS[config.key] = _Renderer(config)
    return renderer.render(text)
