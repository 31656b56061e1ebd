"""rummelig/editor_schemas.py: the committed JSON schemas accept the real content, and the
editor settings point at them."""

from __future__ import annotations

import json

import jsonschema
import pytest

from rummelig.loading.frontmatter import split_front_matter
from rummelig.loading.yamlfile import load_yaml
from rummelig.problems import Problems
from tests.support import PROJECT


@pytest.mark.parametrize(("kind", "pattern"), [("partner", "partners/*/*.yml"), ("library", "libraries/*.yml"),
                                               ("strategy", "strategies/*.md")])
def test_real_content_is_valid_against_the_editor_schema(kind, pattern):
    schema = json.loads((PROJECT / f"schemas/{kind}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    for path in sorted(PROJECT.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        if kind == "strategy":
            text = split_front_matter(text)[0]
        data = load_yaml(text, path.name, Problems()).data
        assert [e.message for e in validator.iter_errors(data)] == [], path
    assert list(validator.iter_errors({"name": "x", "typo": 1}))  # unknown keys are underlined


def test_vscode_settings_map_the_yaml_globs_to_existing_schemas():
    settings = json.loads((PROJECT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./schemas/partner.schema.json"][0] == "partners/*/*.yml"
    assert mapping["./schemas/library.schema.json"][0] == "libraries/*.yml"
    assert all((PROJECT / schema).is_file() for schema in mapping)


def test_the_editor_accepts_the_danish_words_the_check_accepts():
    """Issue 17: `type: værested` and `days: [man, tir]` pass the check, so the editor must not
    underline them; a misspelt word is still underlined."""
    from tests.support import PARTNER

    validator = jsonschema.Draft7Validator(json.loads((PROJECT / "schemas/partner.schema.json").read_text("utf-8")))

    def errors(text: str) -> list[str]:
        return [e.message for e in validator.iter_errors(load_yaml(text, "x.yml", Problems()).data)]

    assert errors(PARTNER) == []
    danish = PARTNER.replace("type: drop-in-centre", "type: værested").replace("days: [mon, tue, wed, thu, fri]",
                                                                               "days: [man, tir, ons, tor, fre]")
    assert errors(danish) == []
    assert len(errors(PARTNER.replace("type: drop-in-centre", "type: vaersted"))) == 1
