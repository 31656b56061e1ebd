"""Stage 3: the rules. One rule per module; each reads a loaded repository and adds problems to
the list it is given. Rules never change the repository, and their order does not matter:
`apply_rules` runs them all, then lets the placeholder messages replace other errors on the
same line.

Each module says in `SCOPE` which of two kinds it is (issue 18):

- "file": it judges each file on its own. The problems it finds in a file depend on that
  file alone (and on the day, mkdocs.yml and the core's version), and it reports them at that
  file's path. The pipeline runs it only on files that changed, with a repository that holds
  just those files, and keeps its problems with each file (rummelig/cache.py).
- "repository": it compares files (ids, references, positions, duplicates, addresses). It runs
  on every check against the whole repository, but sees each record only through the model
  fields its module names in `READS` ({kind: ("field", "field.subfield", …)}; rummelig/facts.py)
  — kept per file, so an unchanged file is not parsed again. The sources, the texts, the bodies
  of Markdown records (taken from their texts), the pages and other files in docs/ are all there.

`apply_rules` runs every rule on one fully loaded repository: that is what the check means,
and the pipeline's staged result must equal it (tests/rules/test_scopes.py).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from rummelig.problems import Problem, Problems
from rummelig.rules import (
    contact_card,
    docs_pages,
    duplicates,
    encounters,
    folders,
    future_dates,
    insecure_urls,
    links,
    markup,
    page_addresses,
    placeholders,
    positions,
    privacy,
    references,
    respectful_language,
    roles_not_names,
    sections,
)

if TYPE_CHECKING:
    from pathlib import Path

    from rummelig.repository import Repository

FILE, REPOSITORY = "file", "repository"

MODULES: list[ModuleType] = [
    contact_card, docs_pages, folders, references, sections, positions, markup, privacy, roles_not_names, duplicates,
    future_dates, insecure_urls, respectful_language, encounters, placeholders, page_addresses, links,
]
FILE_RULES: list[Callable[[Repository, Problems], None]] = [m.check for m in MODULES if m.SCOPE == FILE]
# The repository rules by name. The problems of each depend on nothing but the files' layout (their
# paths and kinds, whether each holds a record, a text, a docs page, a sample marker), the facts and
# per-file findings of every file, and, for a module with `reads_text(finding) -> bool`, the texts
# of the files whose own finding says it may read them. The pipeline keeps each rule's problems
# under a hash of those inputs and runs it again only when one changed (issue 18).
REPOSITORY_MODULES: dict[str, ModuleType] = {m.__name__.rsplit(".", 1)[1]: m for m in MODULES
                                              if m.SCOPE == REPOSITORY}
REPOSITORY_RULES: list[Callable[[Repository, Problems], None]] = [m.check for m in MODULES if m.SCOPE == REPOSITORY]
RULES = [*FILE_RULES, *REPOSITORY_RULES]


def reads() -> dict[str, tuple[str, ...]]:
    """Per content kind, every model field a repository rule reads (the union of their READS)."""
    found: dict[str, set[str]] = {}
    for module in MODULES:
        if module.SCOPE == REPOSITORY:
            for kind, paths in getattr(module, "READS", {}).items():
                found.setdefault(kind, set()).update(paths)
    return {kind: tuple(sorted(paths)) for kind, paths in found.items()}


# A repository rule whose costly part looks at one file at a time says so with
# `per_file(rel, text, record, problems, root) -> JSON-able data` (problems: what loading found in
# that file; root: the project, for mkdocs.yml, which is part of the cache's context). The
# pipeline runs it with the file rules, only on files that changed, and keeps the data with the
# file (rummelig/cache.py); the rule's `check` reads it from `repo.findings`, or works it out
# itself when the repository was loaded without the pipeline (`apply_rules`).
PER_FILE: dict[str, Callable[..., Any]] = {m.__name__.rsplit(".", 1)[1]: m.per_file for m in MODULES
                                           if m.SCOPE == REPOSITORY and hasattr(m, "per_file")}


def per_file_findings(rel: str, text: str | None, record: Any, problems: list[Problem], root: Path) -> dict[str, Any]:
    return {name: per_file(rel, text, record, problems, root) for name, per_file in PER_FILE.items()}


def text_readers(findings: dict[str, Any]) -> tuple[str, ...]:
    """The repository rules that may read the text of a file with these per-file findings."""
    return tuple(name for name, module in REPOSITORY_MODULES.items()
                 if hasattr(module, "reads_text") and module.reads_text(findings.get(name)))


def _pick(value: Any, keys: list[str]) -> Any:
    """The value at `keys` of kept facts (`facts.record_facts`: mappings, lists of them, plain values)."""
    if not keys or value is None:
        return value
    if isinstance(value, list):
        return [_pick(item, keys) for item in value]
    if isinstance(value, dict):
        return _pick(value.get(keys[0]), keys[1:])
    return value


def own_inputs(name: str, kind: str, facts: dict[str, Any] | None, findings: dict[str, Any] | None) -> Any:
    """What repository rule `name` reads of one file besides its place in the layout: the facts its
    own `READS` names for the file's kind (their values and lines) and its own per-file finding.
    Two versions of a file with the same inputs give the rule the same problems (tests/rules/
    test_scopes.py runs every rule on records that hold only its own READS), so a change to a
    file that leaves them alone need not run the rule again (issue 18: a partner's name re-runs
    only the rules whose READS name it, not every repository rule)."""
    from rummelig.facts import lines_named

    module = REPOSITORY_MODULES[name]
    paths = tuple(sorted(getattr(module, "READS", {}).get(kind, ())))
    mine = (findings or {}).get(name)
    if facts is None or not paths:
        return facts is None, mine
    values = [_pick(facts["model"], path.split(".")) for path in paths]
    return values, lines_named(facts["lines"], paths), mine


def run_rules(rules: list[Callable[[Repository, Problems], None]], repo: Repository, problems: Problems) -> None:
    for rule in rules:
        rule(repo, problems)


def finish(problems: Problems) -> Problems:
    """Every problem of a check, once, after the placeholder messages replaced the others on
    their lines."""
    return placeholders.supersede(problems)


def apply_rules(repo: Repository, found: Problems) -> Problems:
    """`found` (what loading reported) and every rule's problems, as one list."""
    problems = Problems()
    problems.extend(found.sorted())
    run_rules(RULES, repo, problems)
    return finish(problems)
