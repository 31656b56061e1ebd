"""JSON Schemas for editors (yaml-language-server, VS Code) and the committed templates,
both derived from the pydantic models. `rummelig schema` writes them; a test fails when the
committed copies are stale.
"""

from __future__ import annotations

import json
from typing import Any

from rummelig.models.reference import APPROACHES, PARTNER_TYPES, STRATEGY_KINDS, WEEKDAYS
from rummelig.scaffold import KINDS, SCHEMA_FILES, render_template

SCHEMA_DIR = "schemas"
TEMPLATE_DIR = "skabeloner"
# kind → (committed template file, where a copy goes)
TEMPLATE_FILES = {"strategy": ("strategi.md", "strategies/<id>.md"),
                  "partner": ("partner.yml", "partners/<kommune>/<id>.yml"),
                  "library": ("bibliotek.yml", "libraries/<id>.yml")}
_TITLES = {"strategy": "Strategi (strategies/<id>.md, front matter)",
           "partner": "Partner (partners/<kommune>/<id>.yml)",
           "library": "Bibliotek (libraries/<id>.yml)"}
_LABELS = (PARTNER_TYPES, APPROACHES, STRATEGY_KINDS, WEEKDAYS)


def _describe_enums(node: Any) -> None:
    """Add Danish labels to enums (`markdownEnumDescriptions`, shown by VS Code's completion)."""
    if isinstance(node, dict):
        enum = node.get("enum")
        if isinstance(enum, list):
            for labels in _LABELS:
                if set(enum) == set(labels):
                    node["markdownEnumDescriptions"] = [labels[value] for value in enum]
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
    schema = KINDS[kind].model_json_schema()
    _describe_enums(schema)
    _allow_digits(schema)
    # draft-07: the newest draft every yaml-language-server version understands.
    return {"$schema": "http://json-schema.org/draft-07/schema#", **schema, "title": _TITLES[kind]}


def generated_files() -> dict[str, str]:
    """Relative path → text of every derived editor file."""
    files = {f"{SCHEMA_DIR}/{SCHEMA_FILES[kind]}": json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
             for kind in KINDS}
    for kind, (name, target) in TEMPLATE_FILES.items():
        known = {"kind": "situation"} if kind == "strategy" else {}  # the body has a situation's sections
        files[f"{TEMPLATE_DIR}/{name}"] = render_template(kind, target, generic=True, known=known)
    return files
