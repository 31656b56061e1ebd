"""JSON Schemas for editors (yaml-language-server, VS Code) and the committed templates,
both derived from the pydantic models. `rummelig schema` writes them; a test fails when the
committed copies are stale.
"""

from __future__ import annotations

import json
from typing import Any

from rummelig.kinds import DOCUMENT_KINDS, model_of
from rummelig.models.introspect import option_labels
from rummelig.models.reference import danish_words
from rummelig.scaffold import render_template

SCHEMA_DIR = "schemas"
TEMPLATE_DIR = "skabeloner"


def _describe_enums(node: Any) -> None:
    """Add Danish labels to enums (`markdownEnumDescriptions`, shown by VS Code's completion)."""
    if isinstance(node, dict):
        enum = node.get("enum")
        if isinstance(enum, list):
            labels = option_labels(enum)
            if any(labels[value] != value for value in enum):
                node["markdownEnumDescriptions"] = [labels[value] for value in enum]
                words = danish_words(labels)
                if words:
                    # The check accepts the Danish words too (contract §5.0): so does the editor.
                    keys = {k: node.pop(k) for k in ("type", "enum", "markdownEnumDescriptions") if k in node}
                    node["anyOf"] = [keys, {
                        "type": "string",
                        "enum": [word for value in enum for word in words.get(value, ())],
                        "markdownEnumDescriptions": [f"= `{value}` ({labels[value]})" for value in enum
                                                     for _ in words.get(value, ())]}]
                    return
        for value in node.values():
            _describe_enums(value)
    elif isinstance(node, list):
        for value in node:
            _describe_enums(value)


def _allow_digits(node: Any) -> None:
    """Free text may be written as a bare number (`keywords: [112]`): the models keep the
    digits as text, so the editor must not underline it."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not ({"enum", "pattern", "format", "const"} & set(node)):
            node["type"] = ["string", "integer"]
        for value in node.values():
            _allow_digits(value)
    elif isinstance(node, list):
        for value in node:
            _allow_digits(value)


def schema_for(kind: str) -> dict[str, Any]:
    schema = model_of(kind).model_json_schema()
    _describe_enums(schema)
    _allow_digits(schema)
    # draft-07: the newest draft every yaml-language-server version understands.
    return {"$schema": "http://json-schema.org/draft-07/schema#", **schema, "title": DOCUMENT_KINDS[kind].schema_title}


def generated_files() -> dict[str, str]:
    """Relative path → text of every derived editor file."""
    files = {}
    for key, kind in DOCUMENT_KINDS.items():
        if kind.schema:
            files[f"{SCHEMA_DIR}/{kind.schema}"] = json.dumps(schema_for(key), ensure_ascii=False, indent=2) + "\n"
        if kind.template:
            known = {"kind": "situation"} if key == "strategy" else {}  # the body has a situation's sections
            files[f"{TEMPLATE_DIR}/{kind.template}"] = render_template(key, kind.layout, generic=True, known=known)
    return files
