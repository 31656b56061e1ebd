"""Is an encounter note anonymous? Names here; CPR numbers, phone numbers and e-mails via
the project's privacy guard (`rummelig.privacy`, issue 6).

`check_note(problems, path, line, note)` is what the loader and `rummelig encounters add`
call. Messages never repeat the personal data itself (they end up in CI logs). The CPR,
phone and e-mail findings use exactly the guard's wording, so when the guard's own rule
scans the same CSV file the two reports are one problem (Problems removes duplicates).

Names are found by `rummelig.names` (a documented heuristic with known limits).
"""

from __future__ import annotations

from functools import lru_cache

from rummelig import privacy
from rummelig.names import find_names
from rummelig.problems import Problems

# (line in the note or None, message, fix, code) of one finding
NoteFinding = tuple[int | None, str, str, str]


@lru_cache(maxsize=8192)
def note_findings(note: str) -> tuple[NoteFinding, ...]:
    """Every finding in one note, in the order `check_note` reports them. A pure function of the
    note, kept per note: notes are short phrases that repeat ("Hjalp med digital post"), and
    scanning each of 20,000 rows again was a tenth of a cold national check (issue 18)."""
    found: list[NoteFinding] = [(finding.line, finding.message, finding.fix, finding.code)
                                for finding in privacy.note_findings(note)]
    found.extend((None, f"noten {finding.problem}", finding.fix, "privacy.name")
                 for finding in find_names(note, lowercase=True))
    return tuple(found)


def check_note(problems: Problems, path: str, line: int | None, note: str) -> bool:
    """Report personal data in one note at the row's line; True when the note is anonymous."""
    findings = note_findings(note)
    for own_line, message, fix, code in findings:
        problems.error(path, line if line is not None else own_line, message, fix, code)
    return not findings
