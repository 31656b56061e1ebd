"""The CommonMark parser (markdown-it-py) that the markup rule and `rummelig links` read
contributed Markdown with: line maps, code spans and blocks, entity-decoded link targets."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def markdown_parser() -> Any:  # imported on first use: most pages never need the parser
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.validateLink = lambda url: True  # keep every link as a token, so we can judge it
    return parser
