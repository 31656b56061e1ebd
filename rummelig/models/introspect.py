"""What a model field is, read from the pydantic models (the one schema): a list, a nested
model, a choice with Danish labels, a date. Used by everything derived from the models —
templates (`scaffold.py`), the schema reference page, editor schemas, the placeholder rule
and the Danish error messages — so each asks the same question the same way.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from rummelig.models.reference import APPROACHES, PARTNER_TYPES, STATUSES, STRATEGY_KINDS, WEEKDAYS

# The option lists that have Danish labels (a choice field's keys are one of these).
LABELLED_OPTIONS: tuple[dict[str, str], ...] = (PARTNER_TYPES, APPROACHES, STRATEGY_KINDS, WEEKDAYS, STATUSES)


def unwrap(annotation: Any) -> Any:
    """The type under `Annotated[...]` and `X | None` (for a union of several types: the first)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def submodel(annotation: Any) -> type[BaseModel] | None:
    """The model class somewhere inside an annotation (a list of models, a model or None, …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = submodel(arg)
        if found is not None:
            return found
    return None


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (list positions are skipped)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = submodel(info.annotation) if info else None
    return current


@dataclass
class Shape:
    is_list: bool = False
    model: type[BaseModel] | None = None
    options: tuple[str, ...] = ()
    is_date: bool = False


def shape(info: FieldInfo) -> Shape:
    annotation = unwrap(info.annotation)
    result = Shape()
    if typing.get_origin(annotation) is list:
        result.is_list = True
        annotation = unwrap(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        result.model = annotation
    elif typing.get_origin(annotation) is Literal:
        result.options = tuple(typing.get_args(annotation))
    elif annotation is date:
        result.is_date = True
    return result


def option_labels(options: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Each option's Danish label ({key: key} when the options have none)."""
    for labels in LABELLED_OPTIONS:
        if set(labels) == set(options):
            return labels
    return {o: o for o in options}


def validators(annotation: Any, metadata: list[Any]) -> set[Any]:
    """The validator functions of a field's value type: from `Annotated[...]` inside a list or
    an `X | None` (where pydantic leaves them), else from the field's own metadata."""
    inner = annotation
    if typing.get_origin(inner) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(inner) if a is not type(None)]
        inner = args[0] if len(args) == 1 else inner
    if typing.get_origin(inner) is list:
        inner = typing.get_args(inner)[0]
    found = typing.get_args(inner)[1:] if typing.get_origin(inner) is typing.Annotated else metadata
    return {getattr(m, "func", None) for m in found} - {None}


def homes(model: type[BaseModel], key: str) -> list[tuple[tuple[str, ...], bool]]:
    """Where a key named `key` belongs in `model`: the path of each mapping that has it, and
    whether that mapping is an item of a list (``opening_hours`` → each window has ``opens``)."""
    found: list[tuple[tuple[str, ...], bool]] = []
    pending: list[tuple[type[BaseModel], tuple[str, ...], bool]] = [(model, (), False)]
    while pending:
        current, path, in_list = pending.pop(0)
        for name, info in current.model_fields.items():
            if name == key:
                found.append((path, in_list))
            inner = submodel(info.annotation)
            if inner is not None and len(path) < 4:
                pending.append((inner, (*path, name), shape(info).is_list))
    return found
