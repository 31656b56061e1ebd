"""The kinds registry (rummelig/kinds.py) is what every consumer iterates: a kind missing from
any of them fails here (issue 16). docs-dev/architecture.md lists the files a new kind touches."""

from __future__ import annotations

import pytest

from rummelig import api
from rummelig.kinds import DOCUMENT_KINDS, KINDS, Kind
from rummelig.models.reference import SITUATION_SECTIONS
from rummelig.render import all_pages
from rummelig.scaffold import STRATEGY_BODY
from tests.support import PROJECT

ALL = list(KINDS.values())
DOCUMENTS = list(DOCUMENT_KINDS.values())


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.key)
def test_every_kind_has_a_folder_a_page_producer_and_a_contract_section(kind: Kind):
    assert (PROJECT / kind.folder).is_dir()
    assert kind.key in all_pages.BY_KIND
    contract = (PROJECT / "docs-dev" / "contract.md").read_text(encoding="utf-8")
    assert f"`{kind.folder}/" in contract
    assert kind.layout.startswith(f"{kind.folder}/") and kind.layout.endswith(kind.extension)
    assert kind.label and kind.plural and kind.fmt in ("markdown", "yaml", "csv")
    assert (kind.depth == 1) == (kind.subfolder is not None)


@pytest.mark.parametrize("kind", DOCUMENTS, ids=lambda k: k.key)
def test_every_document_kind_has_its_keys_template_schema_and_api(kind: Kind):
    assert kind.model is not None
    fields = kind.model.model_fields
    assert kind.title_key in fields
    assert kind.date_key in fields and kind.review_action and kind.overdue_text
    assert isinstance(kind.review_months, int) or kind.review_months in fields
    assert kind.owner_key is None or kind.owner_key in fields
    assert kind.template and (PROJECT / "skabeloner" / kind.template).is_file()
    assert kind.schema and (PROJECT / "schemas" / kind.schema).is_file()
    assert kind.api is None or kind.api in api.ITEMS  # an api/<name>.json is optional


def test_the_situation_template_has_the_contract_sections():
    assert tuple(STRATEGY_BODY) == SITUATION_SECTIONS
