"""`rummelig check --fix`: write the Danish words the check accepts (`type: værested`,
`days: [man, tir]`) as their keys (`drop-in-centre`, `[mon, tue]`), in place.

Only the words themselves change; every other byte of the file stays as it was (comments,
quotes elsewhere, line endings, a byte-order mark). The places are found from the YAML
parser's own positions of each value, and which values are choices comes from the models
(`models.introspect`), so a new choice field is fixed without a change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from rummelig.kinds import DOCUMENT_KINDS
from rummelig.loading.frontmatter import split_front_matter
from rummelig.loading.sources import discover
from rummelig.models.introspect import model_at, option_labels, shape
from rummelig.models.reference import from_alias
from rummelig.problems import Problems

try:
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]  # the same get_event()/dispose()

_BOM = "\ufeff"


@dataclass(frozen=True)
class Fix:
    rel: str
    line: int
    start: int      # character offsets in the file's text (after a byte-order mark)
    end: int
    written: str
    key: str

    def format(self) -> str:
        return f"{self.rel}:{self.line}: '{self.written}' er rettet til '{self.key}'"


def _choice_options(model: type[BaseModel], path: tuple[str | int, ...]) -> dict[str, str] | None:
    """The options of the choice field a value at `path` belongs to (a list item's too)."""
    keys = [i for i, part in enumerate(path) if isinstance(part, str)]
    if not keys:
        return None
    last = keys[-1]
    parent = model_at(model, path[:last])
    info = parent.model_fields.get(str(path[last])) if parent else None
    if info is None:
        return None
    found = shape(info)
    if not found.options or (len(path) - last > 1 and not found.is_list):
        return None
    return option_labels(found.options)


def _scalars(text: str) -> list[tuple[tuple[str | int, ...], yaml.ScalarEvent]]:
    """(path, event) of every value in a YAML text; [] when it cannot be parsed (the check says why)."""
    found: list[tuple[tuple[str | int, ...], yaml.ScalarEvent]] = []
    stack: list[list[Any]] = []  # [path, is_map, pending key or next index]
    parser = _EventLoader(text)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                continue
            if stack and stack[-1][1] and stack[-1][2] is None:  # a key
                stack[-1][2] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                continue
            if stack:
                top = stack[-1]
                path = (*top[0], top[2])
                if top[1]:
                    top[2] = None
                else:
                    top[2] += 1
            else:
                path = ()
            if isinstance(event, yaml.ScalarEvent):
                found.append((path, event))
            else:
                stack.append([path, isinstance(event, yaml.MappingStartEvent), None if isinstance(
                    event, yaml.MappingStartEvent) else 0])
    except yaml.YAMLError:
        return []
    finally:
        parser.dispose()
    return found


def fixes_in(rel: str, text: str, model: type[BaseModel], markdown: bool) -> list[Fix]:
    """The Danish words in one file's text that can be written as keys."""
    offset, first_line = 0, 1
    if markdown:
        parts = split_front_matter(text)
        if parts is None:
            return []
        offset, first_line = text.index("\n") + 1, 2
        text = parts[0]
    found = []
    for path, event in _scalars(text):
        options = _choice_options(model, path)
        if options is None or event.value in options:
            continue
        key = from_alias(options, event.value)
        start, end = event.start_mark, event.end_mark
        if key is not None and start is not None and end is not None:
            found.append(Fix(rel, start.line + first_line, start.index + offset, end.index + offset,
                             event.value, key))
    return found


def find_fixes(root: Path, chosen: list[str] | None = None) -> list[Fix]:
    """Every Danish word in the content files (under the `chosen` paths, if given)."""
    found: list[Fix] = []
    for source in discover(root, Problems()):
        kind = DOCUMENT_KINDS.get(source.kind)
        if kind is None or kind.model is None:
            continue
        if chosen is not None and not any(c == "" or source.rel == c or source.rel.startswith(c + "/")
                                          for c in chosen):
            continue
        try:
            text = source.path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the check reports it
        found += fixes_in(source.rel, text.removeprefix(_BOM), kind.model, kind.fmt == "markdown")
    return sorted(found, key=lambda fix: (fix.rel, fix.start))


def apply_fixes(root: Path, fixes: list[Fix]) -> None:
    """Write each file with its words replaced, from the end of the file backwards, so the
    earlier offsets stay right. Bytes are written as read: no newline translation."""
    by_file: dict[str, list[Fix]] = {}
    for fix in fixes:
        by_file.setdefault(fix.rel, []).append(fix)
    for rel, edits in by_file.items():
        path = root / rel
        text = path.read_bytes().decode("utf-8")
        bom = _BOM if text.startswith(_BOM) else ""
        body = text.removeprefix(_BOM)
        for fix in sorted(edits, key=lambda f: f.start, reverse=True):
            body = body[: fix.start] + fix.key + body[fix.end:]
        path.write_bytes((bom + body).encode("utf-8"))
