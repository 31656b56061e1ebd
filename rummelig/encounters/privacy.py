"""Is an encounter note anonymous? Names here; CPR numbers, phone numbers and e-mails via
the project's privacy guard (`rummelig.privacy`, issue 6).

`check_note(problems, path, line, note)` is what the loader and `rummelig encounters add`
call. Messages never repeat the personal data itself (they end up in CI logs). The CPR,
phone and e-mail findings use exactly the guard's wording, so when the guard's own rule
scans the same CSV file the two reports are one problem (Problems removes duplicates).

Names are found by `rummelig.names` (a documented heuristic with known limits).
"""

from __future__ import annotations

from rummelig import privacy
from rummelig.names import find_names
from rummelig.problems import Problems


def check_note(problems: Problems, path: str, line: int | None, note: str) -> bool:
    """Report personal data in one note at the row's line; True when the note is anonymous."""
    before = len(problems)
    privacy.check_note(problems, path, line, note)
    for finding in find_names(note, lowercase=True):
        problems.error(path, line, f"noten {finding.problem}", finding.fix, "privacy.name")
    return len(problems) == before
