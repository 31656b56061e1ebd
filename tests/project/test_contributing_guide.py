"""CONTRIBUTING.md names the commands and templates it tells people to use."""

from __future__ import annotations

from rummelig.kinds import DOCUMENT_KINDS
from tests.support import PROJECT

# -- the new-user path: CONTRIBUTING.md, both routes, ends in a passing check and a built site ------

def test_contributing_names_the_commands_and_templates_it_tells_people_to_use():
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in ("rummelig new partner aarhus/vaerestedet-i-mejlgade --library dokk1 --type drop-in-centre",
                   "rummelig new strategy gaest-med-hund --library dokk1", "skabeloner/partner.yml",
                   "skabeloner/strategi.md", "skabeloner/bibliotek.yml", "rummelig check", "rummelig review",
                   "Create new file", "UDFYLD", "encounters/<bibliotek-id>/<år>.csv"):
        assert needle in guide, needle
    for kind in DOCUMENT_KINDS.values():
        assert kind.template and (PROJECT / "skabeloner" / kind.template).is_file()


def test_the_mistakes_contributing_walks_through_quote_the_check_exactly():
    """Every message CONTRIBUTING.md shows under 'De typiske fejl' is, word for word, a line the
    check gives a bad-input case (tests/bad_inputs/test_cases.py holds those to the real output)."""
    import re

    from tests.bad_inputs import table

    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide[guide.index("### De typiske fejl"):guide.index("## For vedligeholdere")]
    quoted = [line for block in re.findall(r"```text\n(.*?)```", section, re.S) for line in block.splitlines()]
    given = {line for case in table.cases() for line in case.get("expect", [])}
    assert len(quoted) >= 12
    assert [line for line in quoted if line not in given] == []
