"""Turn pydantic's validation errors into Danish problems with file and line."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from rummelig.loading.loaded import Loaded
from rummelig.models.base import UNION_TAGS, current_fields
from rummelig.models.introspect import homes, model_at, shape, submodel
from rummelig.problems import Problems
from rummelig.suggest import did_you_mean


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
        loc = tuple(part for part in error["loc"] if part not in UNION_TAGS)
        kind = error["type"]
        context = error.get("ctx") or {}
        if kind == "rummelig" and context.get("at"):  # a model-wide check that names the key it is about
            loc = loc + tuple(str(context["at"]).split("."))
        where = f"'{describe(loc)}'" if loc else "filen"
        line = loaded.line(prefix + loc)
        value = error.get("input")
        if kind == "missing":
            parent = model_at(model, loc[:-1])
            info = parent.model_fields.get(str(loc[-1])) if parent else None
            title = f" ({info.title})" if info and info.title else ""
            problems.error(path, loaded.line(prefix + loc[:-1]), f"'{describe(loc)}'{title} mangler",
                           f"tilføj '{loc[-1]}: …'", "model.missing")
        elif kind == "extra_forbidden":
            parent = model_at(model, loc[:-1])
            allowed = list(current_fields(parent)) if parent else []
            key = str(loc[-1])
            misplaced = _belongs_elsewhere(model, loc)
            if misplaced:
                problems.error(path, line, misplaced[0], misplaced[1], "model.misplaced-key")
            else:
                problems.error(path, line, f"ukendt nøgle '{key}'{did_you_mean(key, allowed)}",
                               f"brug en af: {', '.join(allowed)}", "model.unknown-key")
        elif kind == "rummelig":
            message = error["msg"]
            problem, _, fix = message.partition(" — ")
            problems.error(path, line, f"{where} {problem}", fix, "model.value")
        elif kind == "list_type":
            items = _list_items(model, loc)
            if items is not None:
                what, fix = _items_example(str(loc[-1]), items, value)
                problems.error(path, line, f"{where} skal være en liste med {what}, men er {_kind_of(value)}", fix,
                               "model.type")
            else:
                problems.error(path, line, f"{where} skal være en liste, men er {_kind_of(value)}",
                               "skriv punkterne som en liste, fx [a, b] eller én '- ' pr. linje", "model.type")
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            problems.error(path, line, f"{where} skal være en samling af nøgler, men er {_kind_of(value)}",
                           "skriv nøglerne indrykket under, som i skabelonen", "model.type")
        elif kind == "too_short":
            least = int(context.get("min_length", 1))
            if least <= 1 or not value:
                problems.error(path, line, f"{where} er tom",
                               "skriv mindst ét punkt" if least <= 1 else f"skriv mindst {least} punkter",
                               "model.too-short")
            else:
                problems.error(path, line, f"{where} har {len(value)} punkt{'er' if len(value) != 1 else ''}",
                               f"skriv mindst {least} punkter", "model.too-short")
        elif kind == "too_long":
            most = int(context.get("max_length", 0))
            problems.error(path, line, f"{where} har {len(value) if value is not None else 'for mange'} punkter",
                           f"skriv højst {most}: behold de vigtigste", "model.too-long")
        elif kind in ("less_than_equal", "greater_than_equal"):
            bound = context.get("le", context.get("ge"))
            word = "højst" if kind == "less_than_equal" else "mindst"
            problems.error(path, line, f"{where} er {_kind_of(value)}", f"skriv et tal på {word} {bound}",
                           "model.range")
        elif kind in ("string_type", "bool_type", "int_type", "date_type", "literal_error"):
            problems.error(path, line, f"{where} har en værdi af forkert type ({_kind_of(value)})",
                           "skriv værdien som i skabelonen", "model.type")
        else:  # pragma: no cover - every type our models can produce is handled above
            problems.error(path, line, f"{where} har en ugyldig værdi ({_kind_of(value)})",
                           "ret værdien, så den passer til skabelonen", "model.invalid")


def _belongs_elsewhere(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str] | None:
    """(where it belongs, what to do) when an unknown key is a known key of another part of the
    file: `address:` written beside `contact:` instead of under it."""
    key = str(loc[-1])
    here = tuple(str(p) for p in loc[:-1] if not isinstance(p, int))
    places = [(home, in_list) for home, in_list in homes(model, key) if home != here]
    if len(places) != 1:
        return None
    home, in_list = places[0]
    if not home:
        return (f"'{key}' hører ikke under '{'.'.join(here)}:'",
                f"ryk '{key}:' helt ud til venstre, uden mellemrum foran, som de andre nøgler øverst i filen")
    parent = ".".join(home)
    if in_list:
        return (f"'{key}' hører til i et punkt under '{parent}:'",
                f"ryk linjen ind i punktet under '{parent}:', med samme indrykning som de andre nøgler i punktet")
    return (f"'{key}' hører under '{parent}:'",
            f"ryk linjen ind under '{parent}:', med samme indrykning som de andre nøgler dér")


def _list_items(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model of each item, when the list at `loc` is a list of mappings (opening_hours)."""
    parent = model_at(model, loc[:-1])
    info = parent.model_fields.get(str(loc[-1])) if parent else None
    if info is None or not shape(info).is_list:
        return None
    return submodel(info.annotation)


_HOURS = re.compile(r"\s*(\d{1,2})(?:[:.](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\s*")


def _example_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text = str(value)
    return f'"{text}"' if ":" in text or text[:1].isdigit() else text


def _items_example(key: str, items: type[BaseModel], written: Any) -> tuple[str, str]:
    """(what each item has, a fix with an example item as the template writes it)."""
    required = [(name, info) for name, info in items.model_fields.items() if info.is_required()]
    titles = [(info.title or name).lower() for name, info in required]
    what = ", ".join(titles[:-1]) + " og " + titles[-1] if len(titles) > 1 else titles[0]
    example = {name: info.examples[0] for name, info in required if info.examples}
    hours = _HOURS.fullmatch(written) if isinstance(written, str) else None
    if hours and {"opens", "closes"} <= set(example):  # "9-17" → opens "09:00", closes "17:00"
        opens = f"{int(hours[1]):02d}:{hours[2] or '00'}"
        closes = f"{int(hours[3]):02d}:{hours[4] or '00'}"
        if "00:00" <= opens < closes <= "24:00":
            example.update(opens=opens, closes=closes)
    parts = [f"{name}: {_example_value(value)}" for name, value in example.items()]
    shown = f"'{key}:', og under den '  - {parts[0]}'" + "".join(
        f"{' og' if i == len(parts) - 1 else ','} '    {part}'" for i, part in enumerate(parts[1:], 1))
    return what, f"skriv hver nøgle på sin egen linje som i skabelonen: {shown}"
