"""Web addresses in YAML: https is right, http works but is a warning (the value types
refuse every other scheme)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rummelig.repository import Repository


def _urls(value: Any, path: tuple[str | int, ...]):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _urls(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _urls(item, path + (index,))
    elif isinstance(value, str) and path and path[-1] == "url":
        yield path, value


def check(repo: Repository) -> None:
    for bucket in (repo.libraries, repo.partners):
        for record in bucket.values():
            for path, url in _urls(record.loaded.data, ()):
                if url[:7].lower() == "http://":
                    key = ".".join(str(p) for p in path)
                    repo.problems.warning(record.rel, record.loaded.line(path),
                                          f"'{key}' bruger http://, som ikke er krypteret",
                                          f"skriv https:// i stedet, hvis siden findes sådan ({'https://' + url[7:]})",
                                          "rules.insecure-url")
