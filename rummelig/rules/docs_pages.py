"""The hand-written pages in docs/ (read by the loader, `loading/docs.py`): strict front matter
with allowed keys only, and the same markup rule as contributions. Their texts are in
`repo.texts`, so the text-wide rules (privacy, language) see them too.

MkDocs reads these pages' front matter itself, with PyYAML's YAML 1.1 rules, so a value our
loader keeps as text (`title: no`) would reach the page as something else (False). Such a
value must be quoted. A page without front matter whose first line looks like `Nøgle: værdi`
would lose that line: MkDocs reads it as MultiMarkdown metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rummelig.loading.docs import DocsPage
from rummelig.loading.frontmatter import split_front_matter
from rummelig.rules import markup

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "file"  # each file on its own (rules/__init__.py)

# mkdocs.utils.meta.META_RE: what MkDocs takes for a metadata line at the top of a page.
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*")


def _yaml11(front: str) -> Any:
    import yaml  # only when a docs page is judged

    try:
        return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:  # noqa: BLE001 - our own loader has already reported a syntax error
        return None


def _differences(ours: Any, theirs: Any, path: tuple[str | int, ...]) \
        -> Iterator[tuple[tuple[str | int, ...], Any, Any]]:
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key, value in ours.items():
            yield from _differences(value, theirs.get(key), path + (key,))
    elif isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            yield from _differences(a, b, path + (index,))
    elif ours != theirs or type(ours) is not type(theirs):
        yield path, ours, theirs


def _check_as_mkdocs_reads_it(problems: Problems, page: DocsPage) -> None:
    parts = split_front_matter(page.text)
    if parts is None:
        first = page.text.split("\n", 1)[0]
        if _MULTIMARKDOWN_META.match(first):
            problems.error(page.rel, 1, "den første linje ligner 'nøgle: værdi', så MkDocs læser den som "
                                "metadata og viser den ikke på siden",
                                "start siden med en overskrift (# …) eller en tom linje", "docs.metadata-line")
        return
    from rummelig.models.errors import describe

    meta = page.document.meta
    theirs = _yaml11(parts[0])
    for path, ours, read in _differences(meta.data, theirs, ()):
        if isinstance(ours, str):
            problems.error(page.rel, meta.line(path),
                                f"'{describe(path)}' er '{ours}', men MkDocs læser den som {read!r}",
                                f"sæt værdien i anførselstegn: \"{ours}\"", "docs.yaml11")


def check(repo: Repository, problems: Problems) -> None:
    if not repo.docs:
        return
    # The models (pydantic) only when a docs page is judged: a check after a partner edit needs none.
    from pydantic import ValidationError

    from rummelig.models.errors import add_validation_errors
    from rummelig.models.page import DocsPageMeta

    for page in repo.docs:
        meta = page.document.meta
        try:
            DocsPageMeta.model_validate(meta.data)
        except ValidationError as exc:
            add_validation_errors(exc, DocsPageMeta, meta, page.rel, problems)
        _check_as_mkdocs_reads_it(problems, page)
        markup.check_front_matter(problems, page.rel, meta)
        markup.check_markdown(problems, page.rel, page.document.body, page.document.body_first_line)
