"""Where in a model a changed text is validated as itself, whatever the other keys say (issue 18).

A check after one edit of a partner or a library loaded it again: PyYAML, then pydantic's import
and the model's validation — most of the check. But most edits change a text (a name, a
description, a house rule), and for such a key the validation is known without running it: the
field's type is `Text` (its one validator, `types._text`, returns a non-blank string as it is, and
pydantic's strict `str` accepts it), no other validator of the model reads it, and no validator
anywhere in the model can see the other fields' values (pydantic passes them only to a validator
that takes an `info` argument). Then a valid document whose only change is such a text is valid,
and its model is the one before with that text in its place (rummelig/loading/kept_front.py).

`free_paths(model)` finds those keys from the model itself — its fields' types, its validators and
its properties (read as code: which of `self`'s attributes they use) — so it follows every change
to the models; when it cannot tell (a validator of another kind, `self` passed on, a name it does
not know), the key is not free and the document is validated as before. A path is a tuple of
field names, with "*" for any position in a list: `("house_rules", "*", "why")`.

Only called where the model has been validated (pydantic is imported anyway).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import types
import typing
from typing import Any

from annotated_types import MaxLen, MinLen
from pydantic import AfterValidator, BaseModel, BeforeValidator, PlainValidator, WrapValidator

from rummelig.models import types as field_types

ANY_POSITION = "*"
_VALIDATORS = (AfterValidator, BeforeValidator, PlainValidator, WrapValidator)
# The parameters a validator function takes when it does not ask for the other fields (`info`).
_PLAIN_ARITY = {AfterValidator: 1, BeforeValidator: 1, PlainValidator: 1, WrapValidator: 2}
Path = tuple[str, ...]


class _Unknown(Exception):  # noqa: N818 - not an error: the analysis cannot tell
    pass


def free_paths(model: type[BaseModel]) -> tuple[Path, ...]:
    """The paths of `model`'s texts that are validated as themselves whatever the rest of the
    document holds (see the module's doc); () when there are none or the model cannot be read."""
    if model not in _FOUND:
        try:
            _check_validators(model)
            _FOUND[model] = tuple(_free(model))
        except _Unknown:
            _FOUND[model] = ()
    return _FOUND[model]


_FOUND: dict[type[BaseModel], tuple[Path, ...]] = {}


def _free(model: type[BaseModel]) -> list[Path]:
    if not _plain_model(model):
        return []
    read = _read_by_code(model)
    found: list[Path] = []
    for name, info in model.model_fields.items():
        if name in read or info.alias is not None or info.validation_alias is not None:
            continue
        found.extend((name, *tail) for tail in _shape(info.annotation, list(info.metadata)))
    return found


def _plain_model(model: type[BaseModel]) -> bool:
    """No validator but `mode="after"` model validators, no post-init, no computed fields, and no
    configuration that changes a text."""
    decorators = model.__pydantic_decorators__
    if decorators.field_validators or decorators.root_validators or decorators.computed_fields:
        return False
    if any(d.info.mode != "after" for d in decorators.model_validators.values()):
        return False
    if model.__pydantic_post_init__ is not None:
        return False
    return not any(value for key, value in model.model_config.items() if key.startswith("str_"))


def _shape(annotation: Any, metadata: list[Any]) -> list[Path]:
    """The free paths inside a field of this type, relative to the field: [()] for a text."""
    if _is_text(annotation, metadata):
        return [()]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _shape(args[0], [*args[1:], *metadata])
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        # Optional: only a text in both versions is a change of text (None → text is not).
        (inner,) = (arg for arg in args if arg is not type(None))
        return _shape(inner, metadata)
    if origin is list and len(args) == 1 and all(isinstance(m, (MinLen, MaxLen)) for m in metadata):
        # The list's length is the same in both versions (kept_front compares them).
        return [(ANY_POSITION, *tail) for tail in _shape(args[0], [])]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and not metadata:
        return _free(annotation)
    return []


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        return _is_text(args[0], [*args[1:], *metadata])
    return (annotation is str and len(metadata) == 1 and isinstance(metadata[0], BeforeValidator)
            and metadata[0].func is field_types._text)


def _check_validators(model: type[BaseModel]) -> None:
    """Raise _Unknown when any validator in the model (at any depth) may read the other fields."""
    seen: set[int] = set()

    def visit(annotation: Any, metadata: list[Any]) -> None:
        for item in metadata:
            if isinstance(item, _VALIDATORS):
                _plain_function(item.func, _PLAIN_ARITY[type(item)])
        if typing.get_origin(annotation) is typing.Annotated:
            args = typing.get_args(annotation)
            visit(args[0], list(args[1:]))
            return
        for arg in typing.get_args(annotation):
            visit(arg, [])
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and id(annotation) not in seen:
            seen.add(id(annotation))
            for info in annotation.model_fields.values():
                visit(info.annotation, list(info.metadata))

    visit(model, [])


def _plain_function(func: Any, arity: int) -> None:
    try:
        parameters = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError) as exc:
        raise _Unknown(repr(func)) from exc
    if len(parameters) != arity or any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                                       for p in parameters):
        raise _Unknown(repr(func))


def _read_by_code(model: type[BaseModel]) -> set[str]:
    """The fields the model's own code reads: its model validators and its public properties (kept
    as computed by rummelig/loading/kept_front.py), and what they call on `self`."""
    functions = [d.func for d in model.__pydantic_decorators__.model_validators.values()]
    for name in dir(model):
        if not name.startswith(("_", "model_")) and isinstance(getattr(model, name, None), property):
            functions.append(getattr(model, name).fget)
    read: set[str] = set()
    done: set[Any] = set()
    while functions:
        func = functions.pop()
        if func in done:
            continue
        done.add(func)
        for attribute in _self_attributes(func):
            if attribute in model.model_fields:
                read.add(attribute)
            elif attribute == "model_fields_set":
                continue  # the keys given: the same in both versions (kept_front compares them)
            else:
                found = inspect.getattr_static(model, attribute, None)
                if isinstance(found, property) and found.fget is not None:
                    functions.append(found.fget)
                elif isinstance(found, types.FunctionType):
                    functions.append(found)
                else:
                    raise _Unknown(f"{model.__name__}.{attribute}")
    return read


def _self_attributes(func: Any) -> set[str]:
    """The attributes `func` reads of its first parameter; _Unknown when it uses that parameter
    any other way (passes it on, unpacks it, …) or its code cannot be read."""
    func = inspect.unwrap(getattr(func, "__func__", func))
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError) as exc:
        raise _Unknown(repr(func)) from exc
    definition = tree.body[0]
    if not isinstance(definition, ast.FunctionDef) or not definition.args.args:
        raise _Unknown(repr(func))
    me = definition.args.args[0].arg
    parents = {id(child): node for node in ast.walk(definition) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()
    for node in ast.walk(definition):
        if isinstance(node, ast.Name) and node.id == me:
            parent = parents.get(id(node))
            if isinstance(parent, ast.Return):
                continue  # a model validator returns the model
            if not (isinstance(parent, ast.Attribute) and parent.value is node and isinstance(parent.ctx, ast.Load)):
                raise _Unknown(f"{func.__qualname__} uses {me} as a whole")
            found.add(parent.attr)
        elif isinstance(node, (ast.Lambda, ast.FunctionDef)) and node is not definition:
            if any(arg.arg == me for arg in node.args.args):
                raise _Unknown(f"{func.__qualname__} shadows {me}")
    return found
