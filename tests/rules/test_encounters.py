"""rules/encounters.py: an encounter folder is a library."""

from __future__ import annotations

from tests.encounters.sample import HEADER
from tests.support import messages, write


def test_unknown_library_folder(repo):
    write(repo, "encounters/testbibb/2026.csv", HEADER + "2026-01-05,samtale,1,\n")
    assert messages(repo) == ["encounters/testbibb/2026.csv: mappen 'testbibb' er ikke et bibliotek (mente du "
                              "'testbib'?) — læg filen i encounters/<bibliotek-id>/, hvor <bibliotek-id> er navnet på "
                              "en fil i libraries/ uden .yml"]
