"""Turn pydantic's validation errors into Danish problems with file and line."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from rummelig.loading.yamlfile import Loaded
from rummelig.problems import Problems
from rummelig.suggest import did_you_mean


def _submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _submodel(info.annotation) if info else None
    return current


def describe(loc: tuple[Any, ...]) -> str:
    """'contact.phone', 'opening_hours punkt 2 › closes', 'tags punkt 3'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f" punkt {part + 1}"
        else:
            text += ("." if text and not text.endswith(tuple("0123456789")) else (" › " if text else "")) + str(part)
    return text


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en samling af nøgler"
    if value is None:
        return "tom"
    return f"'{value}'"


def add_validation_errors(exc: ValidationError, model: type[BaseModel], loaded: Loaded, path: str,
                          problems: Problems, prefix: tuple[Any, ...] = ()) -> None:
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        where = f"'{describe(loc)}'" if loc else "filen"
        line = loaded.line(prefix + loc)
        value = error.get("input")
        if kind == "missing":
            parent = model_at(model, loc[:-1])
            info = parent.model_fields.get(loc[-1]) if parent else None
            title = f" ({info.title})" if info and info.title else ""
            problems.error(path, loaded.line(prefix + loc[:-1]), f"'{describe(loc)}'{title} mangler",
                           f"tilføj '{loc[-1]}: …'", "model.missing")
        elif kind == "extra_forbidden":
            parent = model_at(model, loc[:-1])
            allowed = list(parent.model_fields) if parent else []
            key = str(loc[-1])
            problems.error(path, line, f"ukendt nøgle '{key}'{did_you_mean(key, allowed)}",
                           f"brug en af: {', '.join(allowed)}", "model.unknown-key")
        elif kind == "rummelig":
            message = error["msg"]
            problem, _, fix = message.partition(" — ")
            problems.error(path, line, f"{where} {problem}", fix, "model.value")
        elif kind == "list_type":
            problems.error(path, line, f"{where} skal være en liste, men er {_kind_of(value)}",
                           "skriv punkterne som en liste, fx [a, b] eller én '- ' pr. linje", "model.type")
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            problems.error(path, line, f"{where} skal være en samling af nøgler, men er {_kind_of(value)}",
                           "skriv nøglerne indrykket under, som i skabelonen", "model.type")
        elif kind == "too_short":
            problems.error(path, line, f"{where} er tom", "skriv mindst ét punkt", "model.too-short")
        elif kind in ("string_type", "bool_type", "int_type", "date_type", "literal_error"):
            problems.error(path, line, f"{where} har en værdi af forkert type ({_kind_of(value)})",
                           "skriv værdien som i skabelonen", "model.type")
        else:  # pragma: no cover - every type our models can produce is handled above
            problems.error(path, line, f"{where} har en ugyldig værdi ({_kind_of(value)})",
                           "ret værdien, så den passer til skabelonen", "model.invalid")
