"""Web addresses in YAML: https is right, http works but is a warning (the value types
refuse every other scheme)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.models import Library, Partner
    from rummelig.problems import Problems
    from rummelig.repository import Record, Repository

SCOPE = "file"  # each file on its own (rules/__init__.py)


def _warn(repo: Repository, problems: Problems, record: Record[Library] | Record[Partner], url: str | None,
          *path: str) -> None:
    if url is not None and url[:7].lower() == "http://":
        key = ".".join(path)
        problems.warning(record.rel, record.line(*path), f"'{key}' bruger http://, som ikke er krypteret",
                              f"skriv https:// i stedet, hvis siden findes sådan (https://{url[7:]})",
                              "rules.insecure-url")


def check(repo: Repository, problems: Problems) -> None:
    # The url fields of the models (contract §5.2, §5.3), read from the typed records.
    for record in repo.libraries.values():
        _warn(repo, problems, record, record.model.url, "url")
    for partner in repo.partners.values():
        _warn(repo, problems, partner, partner.model.contact.url, "contact", "url")
