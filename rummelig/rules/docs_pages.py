"""The hand-written pages in docs/: strict front matter with allowed keys only, no symlinks,
and the same markup rule as contributions. Their texts join `repo.texts`, so every
text-wide rule after this one (privacy, language) sees them too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from rummelig.loading.docs import load_docs
from rummelig.models.errors import add_validation_errors
from rummelig.models.page import DocsPageMeta
from rummelig.rules import markup

if TYPE_CHECKING:
    from rummelig.repository import Repository


def check(repo: Repository) -> None:
    for page in load_docs(repo.root, repo.problems):
        repo.texts[page.rel] = page.text
        meta = page.document.meta
        try:
            DocsPageMeta.model_validate(meta.data)
        except ValidationError as exc:
            add_validation_errors(exc, DocsPageMeta, meta, page.rel, repo.problems)
        markup.check_front_matter(repo.problems, page.rel, meta)
        markup.check_markdown(repo.problems, page.rel, page.document.body, page.document.body_first_line)
