"""The shared base of every content model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Entry(BaseModel):
    """Unknown keys are errors, values are never coerced, models are read-only."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=False)


def label(field: str, model: type[BaseModel]) -> str:
    """The Danish label (the field's title) of `field` on `model`."""
    info = model.model_fields.get(field)
    return (info.title if info and info.title else field)
