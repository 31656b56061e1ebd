"""The shared base of every content model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.fields import FieldInfo


class Entry(BaseModel):
    """Unknown keys are errors, values are never coerced, models are read-only."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=False)


def is_deprecated(info: FieldInfo) -> bool:
    """A key kept for old files only (e.g. a partner's `example`): accepted, never suggested."""
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get("deprecated") is True


def current_fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """The model's keys as templates and messages show them: without deprecated ones."""
    return {name: info for name, info in model.model_fields.items() if not is_deprecated(info)}


def label(field: str, model: type[BaseModel]) -> str:
    """The Danish label (the field's title) of `field` on `model`."""
    info = model.model_fields.get(field)
    return (info.title if info and info.title else field)


# Tags of the tagged unions in the models (a partner's address: one line of text, or its parts).
# Pydantic puts the chosen tag in an error's location; errors.py drops it, since the
# contributor never wrote it.
ADDRESS_TEXT_TAG = "adresse-som-tekst"
ADDRESS_PARTS_TAG = "adresse-i-dele"
UNION_TAGS = frozenset({ADDRESS_TEXT_TAG, ADDRESS_PARTS_TAG})
