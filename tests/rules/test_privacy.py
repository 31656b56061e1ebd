"""rules/privacy.py: the privacy guard runs on docs pages and encounter files."""

from __future__ import annotations

from tests.support import write


def test_the_rule_covers_docs_pages_and_encounter_files(repo):
    from rummelig.pipeline import check_repository

    write(repo, "docs/om.md", "# Om\n\nKontakt 010190-1234.\n")
    write(repo, "encounters/testbib/2026.csv", "date,category,count,note\n2026-11-02,samtale,1,\"Hun hed\n"
                                                "0101901234\"\n")
    codes = [(p.path, p.code) for p in check_repository(repo).problems if p.code.startswith("privacy")]
    assert ("docs/om.md", "privacy.cpr") in codes
    assert ("encounters/testbib/2026.csv", "privacy.cpr") in codes
