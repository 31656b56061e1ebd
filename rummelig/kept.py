"""Values a check works out from the core's own data and mkdocs.yml, kept between checks (issue 18).

The respectful-language word list (rummelig/data/sprogbrug.yml) is read and validated by its model
(pydantic) in every process that judges a text, and the markup rule reads mkdocs.yml's Markdown
configuration (PyYAML): after a one-file edit, pydantic's import was a third of the check for a
playbook whose front matter did not change, PyYAML's import a tenth. The list belongs to the core,
whose every file is part of the check cache's context (rummelig/cache.py), and so does mkdocs.yml:
a cache written with another list or another mkdocs.yml is never read. So the check keeps what
reading them gave in its cache (`CheckCache.kept`: rummelig/wordlist.py, rummelig/siteconfig.py),
and the next check takes it from there (`recall`) instead of reading and validating again.

A check gives this module its cache's store (`use`); without one (a build, the tests), nothing is
recalled or kept.
"""

from __future__ import annotations

_store: dict[str, bytes] | None = None
_added: set[str] = set()


def use(store: dict[str, bytes] | None) -> None:
    """Recall from, and keep in, `store` (None: neither)."""
    global _store
    _store = store
    _added.clear()


def recall(name: str) -> bytes | None:
    return _store.get(name) if _store is not None else None


def remember(name: str, blob: bytes) -> None:
    if _store is not None and blob and _store.get(name) != blob:
        _store[name] = blob
        _added.add(name)


def added() -> bool:
    """Was anything kept since `use`?"""
    return bool(_added)
