"""A loaded YAML document: its plain values and the line of every key and item
(rummelig/loading/yamlfile.py makes it). Here, without PyYAML, for the modules that only read
one: a check whose files all come from its cache need not import the YAML reader (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


@dataclass
class Loaded:
    """A loaded document: plain Python values plus the line of every key and item."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def strings(self) -> Iterator[tuple[Path, str]]:
        """Every text value with its path (keys and list positions), for the rules that read all
        of a file's texts (privacy, markup in front matter, external links)."""
        found: list[tuple[Path, str]] = []
        _strings(self.data, (), found)
        return iter(found)


def _strings(value: Any, path: Path, found: list[tuple[Path, str]]) -> None:
    """Add every text in `value` to `found`, depth first, in the order of the keys and items.
    A call per container, not per value (a generator per value was most of the privacy rule's
    walk over a national corpus's 250,000 values; issue 18)."""
    if isinstance(value, str):
        found.append((path, value))
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(item, str):
            found.append((path + (key,), item))
        elif isinstance(item, (dict, list)):
            _strings(item, path + (key,), found)
