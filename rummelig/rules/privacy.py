"""No CPR numbers in any text a contributor writes; no phone numbers or e-mails in
encounter notes (the guard itself is `rummelig.privacy`)."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from rummelig import privacy
from rummelig.loading.sources import read_text

if TYPE_CHECKING:
    from rummelig.repository import Repository


def _encounter_notes(repo: Repository, rel: str, text: str) -> None:
    """The note column of an encounter CSV. A file that is not valid CSV is reported by the
    encounter loader; here it is only scanned for CPR numbers (done by the caller)."""
    lines = text.split("\n")
    try:
        reader = csv.reader(lines)
        header = next(reader, None)
        if not header or "note" not in header:
            return
        column = header.index("note")
        start = reader.line_num + 1
        for row in reader:
            if len(row) > column and row[column]:
                privacy.report(repo.problems, rel, privacy.find_contact_details(row[column]), start)
            start = reader.line_num + 1
    except csv.Error:
        return


def check(repo: Repository) -> None:
    for rel, text in repo.texts.items():
        privacy.check_text(repo.problems, rel, text)
    for source in repo.sources:
        # The encounter loader (issue 7) checks every note it reads and keeps the file's text
        # in repo.texts (scanned above); a file it did not read is checked here.
        if source.kind != "encounters" or source.rel in repo.texts or source.path.suffix != ".csv":
            continue
        text = read_text(source, repo.problems)
        if text is not None:
            privacy.check_text(repo.problems, source.rel, text)
            _encounter_notes(repo, source.rel, text)
