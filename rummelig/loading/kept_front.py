"""A playbook's front matter, kept by its text: what loading it found (issue 18).

Most edits to a playbook change its text, not its keys. Loading a playbook's front matter — the
YAML reader, then the model's validation (pydantic, which alone is a third of a check after one
edit) — depends on the front matter's text and nothing else of the file (the day, the core and
the packages are the cache's context, rummelig/cache.py). So a check keeps, with each playbook,
what loading its front matter gave: the problems, the YAML values with their lines, and the
validated model's values; when the next version of the file has the same front matter, loading
it takes those instead of parsing and validating again (`taken`), and only the body is new.

The model's values are the ones pydantic's validation returned, read off the model's fields
(`KeptModel`): nothing is validated a second way. Its computed properties (`is_sample`) are kept as
they were computed. Anything else of the model a rule asks for (a method, a private attribute)
is answered by the real model, validated from the kept YAML values when first asked — the same
validation of the same values, so the same model; a value of a type this module does not know
(not None, a bool, number, text, date, list, tuple, mapping or model) means the file's front
matter is not kept and is loaded as before.

Kept as `marshal` data (compressed), as the rest of the check's cache: no code runs when it is read.
"""

from __future__ import annotations

import hashlib
import marshal
import zlib
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from rummelig.loading.loaded import Loaded
from rummelig.problems import Problem, Severity

_VERSION = 2  # 2: with the model's free texts (rummelig/models/free_texts.py)
# Tags of the values marshal does not hold as themselves: a tuple in the kept data is always one
# of these (YAML gives lists, and a model's tuple is tagged too).
_DATE, _TUPLE, _MODEL = "date", "tuple", "model"
_TEXT = "text"  # instead of the YAML values: the text they were read from (`keep`)
_PLAIN = b"M"  # a kept file not compressed (a zlib stream starts with 0x78)


class _Unkept(Exception):  # noqa: N818 - a value this module does not keep: not an error
    pass


_AS_THEY_ARE = frozenset((str, int, float, bool, type(None)))  # kept as themselves


def _encode(value: Any, classes: dict[str, tuple[str, ...]]) -> Any:
    kind: Any = type(value)
    if kind in _AS_THEY_ARE:
        return value
    if kind is list:
        if all(type(item) is str for item in value):  # most lists: texts, kept as they are
            return value
        return [item if type(item) in _AS_THEY_ARE else _encode(item, classes) for item in value]
    if kind is tuple:
        return (_TUPLE, [_encode(item, classes) for item in value])
    if kind is dict:
        if not all(type(key) in (str, int, bool) for key in value):
            raise _Unkept("a key that is no text or number")
        return {key: item if type(item) in _AS_THEY_ARE else _encode(item, classes) for key, item in value.items()}
    if kind is date:  # exactly a date: a datetime is not kept
        return (_DATE, value.isoformat())
    if _is_model(kind):
        name, fields, properties, others = _layout(kind)
        # A validated model's fields are in its __dict__ (what getattr reads there, without the call).
        own = value.__dict__
        values = {}
        for field in fields:
            item = own[field] if field in own else getattr(value, field)
            values[field] = item if type(item) in _AS_THEY_ARE else _encode(item, classes)
        for prop in properties:
            try:
                values[prop] = _encode(getattr(value, prop), classes)
            except Exception:  # noqa: BLE001, S112 - a property that cannot be kept is asked of the model
                continue
        unkept = tuple(p for p in properties if p not in values)
        classes[name] = (*classes.get(name, others), *(p for p in unkept if p not in classes.get(name, others)))
        return (_MODEL, name, values)
    raise _Unkept(f"a {kind.__name__}")


@cache
def _is_model(kind: type) -> bool:
    from pydantic import BaseModel  # imported already: the model was just validated

    return issubclass(kind, BaseModel)


@cache
def _layout(kind: Any) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A model class's name, its fields, its public properties (kept as computed) and its other
    public names (asked of the real model; a private or `model_` name always is)."""
    fields = tuple(kind.model_fields)
    properties: list[str] = []
    others: list[str] = []
    for name in dir(kind):
        if name.startswith(("_", "model_")) or name in fields:
            continue
        (properties if isinstance(getattr(kind, name, None), property) else others).append(name)
    return f"{kind.__module__}.{kind.__qualname__}", fields, tuple(properties), tuple(others)


def _decode(value: Any, classes: dict[str, Any], real: Callable[[], Any], path: tuple[str | int, ...]) -> Any:
    kind = type(value)
    if kind is list:
        return [_decode(item, classes, real, (*path, index)) for index, item in enumerate(value)]
    if kind is dict:
        return {key: _decode(item, classes, real, (*path, key)) for key, item in value.items()}
    if kind is tuple:
        tag = value[0]
        if tag == _DATE:
            return date.fromisoformat(value[1])
        if tag == _TUPLE:
            return tuple(_decode(item, classes, real, (*path, index)) for index, item in enumerate(value[1]))
        _, name, values = value
        return KeptModel({key: _decode(item, classes, real, (*path, key)) for key, item in values.items()},
                         frozenset(classes[name]), real, path)
    return value


class KeptModel:
    """A validated model as it was kept: its fields and computed properties as attributes; any other
    attribute of the model's class (a method, `model_dump`, a private or `model_` name, whatever the
    class) from the real model, validated from the kept YAML values when first asked; another name
    the class does not have raises AttributeError, as the model does."""

    def __init__(self, values: dict[str, Any], others: frozenset[str], real: Callable[[], Any],
                 path: tuple[str | int, ...]) -> None:
        self.__dict__.update(values)
        self.__dict__["_kept_others"] = others
        self.__dict__["_kept_real"] = real
        self.__dict__["_kept_path"] = path

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or not (name.startswith(("_", "model_")) or name in self.__dict__["_kept_others"]):
            raise AttributeError(name)
        found = self.__dict__["_kept_real"]()
        for step in self.__dict__["_kept_path"]:
            found = found[step] if isinstance(step, int) else getattr(found, step)
        return getattr(found, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{name}: a kept model is read-only, as the model is")

    def __repr__(self) -> str:
        return f"KeptModel({self.__dict__['_kept_path']})"


def encode(value: Any) -> tuple[Any, dict[str, tuple[str, ...]]] | None:
    """`value` (validated models among plain values) as marshal data, with what `decode` needs
    to know of the models' classes; None when it holds a value this module does not keep."""
    classes: dict[str, tuple[str, ...]] = {}
    try:
        return _encode(value, classes), classes
    except _Unkept:
        return None


def decode(data: Any, classes: dict[str, Any], real: Callable[[], Any]) -> Any:
    """The values `encode` kept, each model as a `KeptModel`; `real()` gives the real value (the
    same validation made again) for what was not kept of a model."""
    return _decode(data, classes, real, ())


def front_key(front: str) -> str:
    """The key a front matter's text is kept under."""
    return hashlib.blake2b(front.encode(), digest_size=16).hexdigest()


def keep(key: str, problems: list[Problem], loaded: Loaded | None, model: Any, text: str | None = None) -> bytes:
    """What loading a front matter (whose text has `key`) found: its problems, and its YAML values
    and validated model (None: it has errors). b"": it cannot be kept. With `text` (a YAML file's
    whole text), the text is kept instead of its values: `changed` reads it again when the file
    changes (0.3 ms), and encoding the values of 2,100 libraries and partners was a tenth of a cold
    check; such a kept file is never `taken` (its text is the file's: an unchanged file is not loaded)."""
    classes: dict[str, tuple[str, ...]] = {}
    free: list[list[str]] = []
    try:
        if loaded is None or model is None:
            kept: tuple[Any, ...] = (None, None, None)
        else:
            values = (_TEXT, text) if text is not None else _encode(loaded.data, classes)
            kept = (values, _lines(loaded) if text is None else None, _encode(model, classes))
            from rummelig.models.free_texts import free_paths  # pydantic is imported: the model was validated

            free = [list(path) for path in free_paths(type(model))]
    except _Unkept:
        return b""
    return _pack(key, problems, classes, free, kept)


def _lines(loaded: Loaded) -> list[list[Any]]:
    return [[list(path), line] for path, line in loaded.lines.items()]


def _pack(key: str, problems: list[Problem], classes: dict[str, Any], free: list[list[str]],
          kept: tuple[Any, ...]) -> bytes:
    found = [(p.path, p.line, p.message, p.fix, p.severity is Severity.ERROR, p.code) for p in problems]
    packed = marshal.dumps((_VERSION, key, found, classes, free, *kept))
    if type(kept[0]) is tuple:
        # A library's or partner's: in the cache's side file, which only a check that loads one reads;
        # compressing 2,100 of them (zlib's set-up for each) was ~0.1 s of a cold check.
        return _PLAIN + packed
    # Compressed (~1.6 → ~0.9 KB a playbook): every check reads the whole cache file, and only the
    # edited file's is ever unpacked.
    return zlib.compress(packed, 1)


def _unpack(blob: bytes) -> tuple[Any, ...] | None:
    try:
        found = marshal.loads(blob[1:] if blob[:1] == _PLAIN else zlib.decompress(blob))
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the file is loaded as before
        return None
    if not isinstance(found, tuple) or len(found) != 8 or found[0] != _VERSION:
        return None
    return found


def taken(blob: bytes, key: str, kind_model: Callable[[], Any]) -> tuple[list[Problem], Loaded | None, Any] | None:
    """The problems, YAML values and model (a `KeptModel`; None: it has errors) of a front matter
    whose text has `key`, from what was kept of it (`blob`); None when it was kept for another text
    (or cannot be read). `kind_model()`: the model class, for what was not kept."""
    unpacked = _unpack(blob)
    if unpacked is None or unpacked[1] != key:
        return None
    _, _, found, classes, _, data, lines, model = unpacked
    if type(data) is tuple:  # the text, not its values: loaded as before
        return None
    problems = [Problem(path, line, message, fix, Severity.ERROR if is_error else Severity.WARNING, code)
                for path, line, message, fix, is_error, code in found]
    if model is None:
        return problems, None, None
    loaded = Loaded(data=_decode(data, {}, _no_model, ()),
                    lines={tuple(path): line for path, line in lines})
    return problems, loaded, _decode(model, classes, _validation(loaded, kind_model), ())


def _validation(loaded: Loaded, kind_model: Callable[[], Any]) -> Callable[[], Any]:
    made: list[Any] = []

    def real() -> Any:
        # The model's own validation of the same values: what loading it gave the first time.
        if not made:
            made.append(kind_model().model_validate(loaded.data))
        return made[0]

    return real


def changed(blob: bytes, key: str, loaded: Loaded, problems: list[Problem],
            kind_model: Callable[[], Any], text: str | None = None) -> tuple[Any, bytes] | None:
    """The model of a front matter (or YAML file) whose text has `key` and whose values are `loaded`
    (read without a problem that is an error: `problems`), from what was kept of the version before
    (`blob`), and what to keep of this one (`text`: as `keep`'s); None when that cannot be told
    without validating it.

    It can when the version before was valid and the only values that changed are texts at the
    model's free paths (rummelig/models/free_texts.py), each non-blank text before and after: then
    the model's validation of the new values gives the model before with those texts in their places
    (the free paths' conditions), and nothing else of it changed. The problems are those of
    reading the new text (`problems`); validation adds none."""
    unpacked = _unpack(blob)
    if unpacked is None or unpacked[7] is None or any(p.severity is Severity.ERROR for p in problems):
        return None
    _, _, _, classes, free, data, _, model = unpacked
    try:
        if type(data) is tuple:  # the text the version before was read from: its values again
            data = _encode(_values_of(data[1]), {})
        new_data = _encode(loaded.data, {})
    except _Unkept:
        return None
    changes: list[tuple[Any, ...]] = []
    if not _differences(data, new_data, (), changes):
        return None
    patterns = [tuple(path) for path in free]
    if not all(any(_matches(path, pattern) for pattern in patterns) for path, _ in changes):
        return None
    for path, value in changes:
        model = _replaced(model, path, value)
        if model is None:
            return None
    kept = ((_TEXT, text), None, model) if text is not None else (new_data, _lines(loaded), model)
    return (_decode(model, classes, _validation(loaded, kind_model), ()),
            _pack(key, problems, classes, free, kept))


def _values_of(text: str) -> Any:
    """The YAML values of a kept text (which was read without an error then)."""
    from rummelig.loading.yamlfile import load_yaml
    from rummelig.problems import Problems

    found = load_yaml(text, "", Problems())
    if found is None:
        raise _Unkept("a text that cannot be read")
    return found.data


def _differences(old: Any, new: Any, path: tuple[Any, ...], changes: list[tuple[Any, ...]]) -> bool:
    """Collect in `changes` the (path, new text) of every value that differs between two encoded
    YAML values; False when they differ in anything but texts (a key, a list's length, a type)."""
    if type(old) is not type(new):
        return False
    if type(old) is dict:
        if old.keys() != new.keys():
            return False
        return all(_differences(old[k], new[k], (*path, k), changes) for k in old)
    if type(old) is list:
        return len(old) == len(new) and all(_differences(a, b, (*path, i), changes)
                                            for i, (a, b) in enumerate(zip(old, new, strict=True)))
    if old == new:
        return True
    if type(old) is str and old.strip() and new.strip():
        changes.append((path, new))
        return True
    return False


def _matches(path: tuple[Any, ...], pattern: tuple[str, ...]) -> bool:
    return len(path) == len(pattern) and all(
        step == part if type(step) is str else (type(step) is int and part == "*")
        for step, part in zip(path, pattern, strict=True))


def _replaced(model: Any, path: tuple[Any, ...], text: str) -> Any:
    """The encoded model with the value at `path` (field names and list positions) set to `text`;
    None when the path does not lead to a text in it."""
    if not path:
        return text if type(model) is str else None
    step, rest = path[0], path[1:]
    if type(step) is str and type(model) is tuple and len(model) == 3 and model[0] == _MODEL:
        values = model[2]
        if step not in values or (inner := _replaced(values[step], rest, text)) is None:
            return None
        return (_MODEL, model[1], {**values, step: inner})
    if type(step) is int and type(model) is list and 0 <= step < len(model):
        if (inner := _replaced(model[step], rest, text)) is None:
            return None
        return [*model[:step], inner, *model[step + 1:]]
    return None


def _no_model() -> Any:  # YAML values hold no model
    raise AssertionError("YAML values hold no model")
