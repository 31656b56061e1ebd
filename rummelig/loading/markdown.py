"""The CommonMark parser (markdown-it-py) that the markup rule and `rummelig links` read
contributed Markdown with: line maps, code spans and blocks, entity-decoded link targets."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@cache
def markdown_parser() -> MarkdownIt:  # imported on first use: most pages never need the parser
    from markdown_it import MarkdownIt

    class EveryLink(MarkdownIt):
        def validateLink(self, url: str) -> bool:  # markdown-it calls it by this name
            return True  # keep every link as a token, so we can judge it

    return EveryLink("commonmark", {"html": True}).enable("table")
