"""A strict YAML reader on top of PyYAML's event stream.

PyYAML's ``safe_load`` silently keeps the last of duplicate keys and applies YAML 1.1
implicit typing (``no`` → False, ``0555`` → 365, ``10:30`` → 630, ``2026-02-30`` →
ValueError), follows aliases and recurses deeply. No maintained library gives strict,
line-numbered, type-preserving loading on PyYAML, so we build the value tree ourselves from
the parser's events (libyaml's C parser where present): iteratively (no recursion), refusing
anchors, aliases, explicit tags and duplicate keys, and resolving plain scalars with a small
YAML 1.2-style core schema: ``true``/``false``, ``null``/``~``/empty, and decimal integers
without leading zeros. Everything else stays exactly the text that was written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# `Loaded` lives in its own module, without PyYAML: a check whose files all come from its cache
# reads no YAML and need not import it (issue 18).
from rummelig.loading.loaded import Loaded, Path
from rummelig.loading.yaml_errors import explain
from rummelig.problems import Problems

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]  # the same get_event()/dispose()

_Scalar, _MappingEnd, _SequenceEnd = yaml.ScalarEvent, yaml.MappingEndEvent, yaml.SequenceEndEvent

MAX_DEPTH = 20
# ' # …' after a plain text: YAML ends the text there and drops the rest as a
# comment ("description: Lokale # 2 på 1. sal" becomes "Lokale"). The markers a contributor
# writes on purpose are left alone.
_INLINE_COMMENT = re.compile(r"[ \t]+#(?![ \t]*(?:sprogbrug|navn): tillad)")
# An id, a date or a number with a comment after it ('verified_by: dokk1  # tjekket') loses nothing.
_ID_LIKE = re.compile(r"[a-z0-9][a-z0-9:._-]*")
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# The plain scalars `resolve_plain` does not keep as text, but for integers: the text → its value.
_PLAIN: dict[str, Any] = {**dict.fromkeys(_NULL), **dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_INT_START = frozenset("-0123456789")  # how every text `_INT` matches starts

def resolve_plain(text: str) -> Any:
    """A plain scalar's value: null, a boolean, an integer, or the text."""
    if text in _PLAIN:
        return _PLAIN[text]
    if text[:1] in _INT_START and _INT.fullmatch(text):
        return int(text)
    return text


_ITEM = re.compile(r"^\s*-(?:\s|$)")


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _folded_item(text: str, event: Any) -> tuple[int, str, str] | None:
    """(line, problem, fix) when a plain text that runs over several lines has a line starting
    with '- ': a list item indented too far, which YAML silently folds into the text above
    ("mad og kaffe - bad og tøjvask"). YAML allows it, so libyaml cannot tell us; we look."""
    lines = text.split("\n")
    first, last = event.start_mark.line, min(event.end_mark.line, len(lines) - 1)
    for index in range(first + 1, last + 1):
        written = lines[index]
        if not _ITEM.match(written):
            continue
        item = written.strip()
        in_list = lines[first][: event.start_mark.column].rstrip().endswith("-")
        if in_list:
            return (index + 1, f"'{_shown(item, 40)}' står længere inde end punktet over, så YAML læser de to "
                               f"som ét punkt ('{_shown(event.value)}')",
                    "ryk linjen ud, så '- ' står lige under '- ' i punktet over")
        return (index + 1, f"'{_shown(item, 40)}' står inde under teksten over, så YAML læser den som en del af "
                           f"teksten ('{_shown(event.value)}')",
                "skal det være en liste, så skriv hvert punkt på sin egen linje med '- ' foran, også det første; "
                "ellers fjern '- '")
    return None


class _Frame:
    __slots__ = ("container", "path", "key", "key_line", "is_map")

    def __init__(self, container: Any, path: Path, is_map: bool) -> None:
        self.container = container
        self.path = path
        self.is_map = is_map
        self.key: str | None = None
        self.key_line = 0


def load_yaml(text: str, path: str, problems: Problems, first_line: int = 1) -> Loaded | None:
    """Parse one YAML document. Returns None when the document cannot be used at all;
    every problem is added to `problems` with the line counted from `first_line`."""
    offset = first_line - 1
    loaded = Loaded(data=None)
    stack: list[_Frame] = []
    documents = 0

    failed = False

    def report(line: int, message: str, fix: str, code: str) -> None:
        nonlocal failed
        failed = True
        problems.error(path, line + offset, message, fix, code)

    def place(value: Any, line: int) -> Path | None:
        """Put a value where it belongs; returns its path, or None for a duplicate key."""
        if not stack:
            loaded.data = value
            loaded.lines[()] = line + offset
            return ()
        top = stack[-1]
        if top.is_map:
            key = top.key
            if key is None:  # cannot happen: a mapping's events come as key, value, key, value
                raise RuntimeError("a YAML value without its key")
            top.key = None
            item_path = top.path + (key,)
            if key in top.container:
                first = loaded.lines.get(item_path)
                report(top.key_line, f"nøglen '{key}' står to gange (første gang i linje {first})",
                       "slet den ene, så nøglen kun står én gang", "yaml.duplicate-key")
                return None
            top.container[key] = value
            loaded.lines[item_path] = top.key_line + offset
        else:
            item_path = top.path + (len(top.container),)
            top.container.append(value)
            loaded.lines[item_path] = line + offset
        return item_path

    # The events are pulled from the parser directly and dispatched on their exact class, with
    # scalars first: yaml.parse()'s generator and isinstance chains cost more than libyaml's
    # parsing itself over a national corpus (issue 8). The checks and their order are unchanged.
    parser = None
    try:
        parser = _EventLoader(text)
        next_event = parser.get_event
        while True:
            event: Any = next_event()
            if event is None:
                break
            cls = event.__class__
            start = event.start_mark
            line = start.line + 1 if start else 1
            if cls is _Scalar and not event.anchor and (not event.tag or event.tag == "!"):
                top_frame = stack[-1] if stack else None
                if top_frame is not None and top_frame.is_map and top_frame.key is None:
                    key = event.value
                    if key == "" and event.implicit[0]:
                        report(line, "der står et kolon uden en nøgle foran",
                               "skriv nøglens navn foran kolonet", "yaml.empty-key")
                        return None
                    top_frame.key = key
                    top_frame.key_line = line
                    continue
                value = event.value
                if event.implicit[0] and not event.style:  # plain
                    end = event.end_mark
                    if start is not None and end is not None and end.line > start.line:
                        folded = _folded_item(text, event)
                        if folded is not None:
                            report(*folded, "yaml.folded-item")
                            return None
                    elif end is not None and _INLINE_COMMENT.match(text, end.index) and not _ID_LIKE.fullmatch(value):
                        problems.warning(path, line + offset, f"teksten stopper ved '#': kun '{_shown(value)}' kommer "
                                         "med på siden; resten af linjen er en kommentar",
                                         "skal resten med, så sæt hele teksten i anførselstegn; er det en kommentar, "
                                         "så skriv den på sin egen linje", "yaml.inline-comment")
                    value = resolve_plain(value)
                place(value, line)
                continue
            if cls is _MappingEnd or cls is _SequenceEnd:
                stack.pop()
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    report(line, "filen indeholder mere end ét YAML-dokument (en ekstra '---')",
                           "fjern '---' og det, der står efter, eller del det op i flere filer",
                           "yaml.multiple-documents")
                    return None
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.AliasEvent):
                report(line, f"alias (*{event.anchor}) er ikke tilladt",
                       "skriv værdien ud i stedet for at henvise til en anden del af filen", "yaml.alias")
                return None
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            # A node starts: a scalar, a mapping or a sequence.
            anchor = getattr(event, "anchor", None)
            if anchor:
                report(line, f"anker (&{anchor}) er ikke tilladt",
                       "skriv værdien ud de steder, den skal bruges", "yaml.anchor")
                return None
            tag = getattr(event, "tag", None)
            if tag and tag != "!":
                report(line, f"YAML-tagget '{tag}' er ikke tilladt",
                       "fjern tagget og skriv værdien som almindelig tekst, tal eller liste", "yaml.tag")
                return None
            in_map_key = bool(stack) and stack[-1].is_map and stack[-1].key is None
            if isinstance(event, yaml.ScalarEvent):
                if in_map_key:
                    key = event.value
                    if key == "" and event.implicit[0]:
                        report(line, "der står et kolon uden en nøgle foran",
                               "skriv nøglens navn foran kolonet", "yaml.empty-key")
                        return None
                    stack[-1].key = key
                    stack[-1].key_line = line
                    continue
                plain = event.implicit[0] and not event.style
                value = resolve_plain(event.value) if plain else event.value
                place(value, line)
                continue
            if in_map_key:
                report(line, "en nøgle skal være en enkelt tekst, ikke en liste eller samling",
                       "skriv nøglen som almindelig tekst efterfulgt af kolon", "yaml.complex-key")
                return None
            if len(stack) >= MAX_DEPTH:
                report(line, f"filen er indlejret mere end {MAX_DEPTH} niveauer dybt",
                       "gør strukturen fladere, som i skabelonen", "yaml.too-deep")
                return None
            is_map = isinstance(event, yaml.MappingStartEvent)
            container: Any = {} if is_map else []
            item_path = place(container, line)
            # A duplicate key's value is parsed into a detached container and dropped.
            stack.append(_Frame(container, item_path if item_path is not None else ("<dublet>",), is_map))
    except yaml.YAMLError as exc:
        error_line, message, fix = explain(exc, text)
        problems.error(path, (error_line + offset) if error_line else first_line, message, fix, "yaml.syntax")
        return None
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        problems.error(path, first_line, "filen er indlejret for dybt", "gør strukturen fladere", "yaml.too-deep")
        return None
    finally:
        if parser is not None:
            parser.dispose()
    return None if failed else loaded

