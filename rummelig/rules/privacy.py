"""No CPR numbers in any text a contributor writes; no phone numbers or e-mails in
encounter notes (the guard itself is `rummelig.privacy`).

Two readings of every file, because the reader sees neither the raw text nor only the
values: the raw text line by line, normalised (`privacy.normalise`: entities, escapes,
comments, other scripts' digits), and every loaded value — where YAML has already decoded
escapes (``"\\u0039"``) and joined folded lines — reported at the value's line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rummelig.loading.loaded import Loaded
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "file"  # each file on its own (rules/__init__.py)


def check_values(problems: Problems, rel: str, loaded: Loaded) -> None:
    from rummelig import privacy  # its patterns: only when files are judged (issue 18)

    for path, text in loaded.strings():
        if len(text) < 10:  # no CPR number fits
            continue
        findings = privacy.find_cpr(text.replace("\n", " "))
        if findings:
            privacy.report(problems, rel, findings[:1], loaded.line(path) or 1)


def check(repo: Repository, problems: Problems) -> None:
    # Every text the loader read: content files, encounter CSVs (whose notes the encounter
    # loader checks in full) and the docs/ pages.
    from rummelig import privacy  # its patterns: only when files are judged (issue 18)

    for rel, text in repo.texts.items():
        privacy.check_text(problems, rel, text)
    for records in repo.records.values():
        for record in records.values():
            check_values(problems, record.rel, record.loaded)
    for page in repo.docs:
        check_values(problems, page.rel, page.document.meta)
