"""docs-dev/contract.md keeps up with the code (issue 16): every key of every content model and
every allowed value is in its section with the Danish label the code gives it, and every
"contract §N.N" cited anywhere in the repository is a section that exists."""

from __future__ import annotations

import re
import subprocess

import pytest
from pydantic import BaseModel

from rummelig.encounters.model import CATEGORIES, Encounter, SampleMarker
from rummelig.models import Library, Partner, Strategy
from rummelig.models.library import Address, HouseRule, LibraryContact
from rummelig.models.page import HIDE, DocsPageMeta, SearchMeta
from rummelig.models.partner import OpeningWindow, PartnerContact
from rummelig.models.reference import (
    APPROACHES,
    CARD_MAX_ROWS,
    PARTNER_TYPES,
    SITUATION_SECTIONS,
    STRATEGY_KINDS,
    WEEKDAYS,
)
from tests.support import PROJECT

CONTRACT = PROJECT / "docs-dev" / "contract.md"
_HEADING = re.compile(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", re.MULTILINE)


def _sections() -> dict[str, str]:
    """Section number → its text up to the next numbered heading, line breaks as spaces (a label
    may be wrapped)."""
    text = CONTRACT.read_text(encoding="utf-8")
    marks = list(_HEADING.finditer(text))
    return {m.group(1): " ".join(text[m.start():marks[i + 1].start() if i + 1 < len(marks) else len(text)].split())
            for i, m in enumerate(marks)}


def _missing_fields(section: str, *models: type[BaseModel]) -> list[str]:
    missing = []
    for model in models:
        for name, info in model.model_fields.items():
            if f"`{name}`" not in section:
                missing.append(f"{model.__name__}.{name}")
            if info.title and info.title not in section:
                missing.append(f"{model.__name__}.{name}: label {info.title!r}")
    return missing


@pytest.mark.parametrize(("number", "models"), [
    ("5.1", (Strategy,)),
    ("5.2", (Library, Address, LibraryContact, HouseRule)),
    ("5.3", (Partner, PartnerContact, OpeningWindow)),
    ("5.4", (Encounter, SampleMarker)),
    ("5.6", (DocsPageMeta, SearchMeta)),
])
def test_every_key_is_in_its_section_with_its_danish_label(number, models):
    assert _missing_fields(_sections()[number], *models) == []


@pytest.mark.parametrize(("number", "options"), [
    ("5.1", STRATEGY_KINDS), ("5.2", APPROACHES), ("5.3", PARTNER_TYPES), ("5.3", WEEKDAYS), ("5.4", CATEGORIES),
])
def test_every_allowed_value_is_listed(number, options):
    section = _sections()[number]
    assert [key for key in options if f"`{key}`" not in section] == []
    assert [label for label in options.values() if label not in section] == []


def test_lists_that_are_not_key_label_pairs():
    sections = _sections()
    assert all(f"`{name}`" in sections["5.1"] for name in SITUATION_SECTIONS)
    assert all(f"`{key}`" in sections["5.6"] for key in HIDE)


def test_the_check_notices_a_key_the_document_lacks():
    class Extended(Partner):
        first_steps: list[str] = []

    assert _missing_fields(_sections()["5.3"], Extended) == ["Extended.first_steps"]


def test_every_cited_section_exists():
    files = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True)
    cited: dict[str, set[str]] = {}
    for name in files.stdout.decode("utf-8").split("\0"):
        path = PROJECT / name
        if not name or not path.is_file() or path.suffix not in {".py", ".md", ".yml", ".j2", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"(?:contract|kontrakten)[^§\n]{0,40}§(\d+(?:\.\d+)?)", text):
            cited.setdefault(match.group(1), set()).add(name)
    assert len(cited) >= 6  # the models, rules and encounter modules cite it
    known = set(_sections())
    assert {number: sorted(where) for number, where in cited.items() if number not in known} == {}


def test_the_contact_card_limit_is_the_one_the_model_enforces():
    # §5.2 said "at most 12" while the model, the template and §7 said 16 (found in the QA pass).
    assert f"list of at most {CARD_MAX_ROWS} partner ids" in _sections()["5.2"]
    assert f"at most {CARD_MAX_ROWS} rows" in _sections()["7"]
