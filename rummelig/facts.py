"""What the repository rules see of a record: the facts they name, not the whole file.

A rule that compares files (rummelig/rules, SCOPE = "repository") names in `READS` the model
fields it reads, per content kind ("contact.phone" is the field `phone` of the field
`contact`). The pipeline keeps those values, and the lines of those keys, for every file
(`extract`), and gives the rules records made from them (`view_record`): so the cross-file
rules run on every check without parsing an unchanged file again (issue 18). They see the same
facts when every file was just parsed, so a check prints the same whether its files came from
the cache or not.

Facts are plain data that survive JSON unchanged (strings, numbers, booleans, None, lists, and
dates, tagged). Reading anything a rule did not name raises `FactMissing` (not an
AttributeError, so `getattr(model, name, default)` cannot hide it); the pipeline then runs the
repository rules again on fully loaded records, so a missing name costs time, never a wrong
message.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import cache
from typing import Any

from rummelig.loading.frontmatter import split_front_matter
from rummelig.loading.loaded import Loaded
from rummelig.loading.sources import SourceFile
from rummelig.repository import Record

_DATE = "$date"


class FactMissing(Exception):  # noqa: N818 - it is not an error in the content, and not an AttributeError
    """A repository rule read a value of a record that no rule names in READS."""


class NotAFact(TypeError):
    """A value named in READS that is not plain data (e.g. a whole model): name its fields."""


def _group(paths: Iterable[str]) -> dict[str, list[str]]:
    """"contact.phone", "name" → {"contact": ["phone"], "name": []}"""
    grouped: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        head, _, rest = path.partition(".")
        if rest:
            grouped[head].append(rest)
        else:
            grouped.setdefault(head, [])
    return grouped


def _plain(value: Any, where: str) -> Any:
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, str):  # a StrEnum or a Literal's str subclass: its text
        return str.__str__(value)
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list | tuple):
        if isinstance(value, tuple):
            raise NotAFact(f"{where} is a tuple, which JSON would turn into a list")
        return [_plain(item, where) for item in value]
    raise NotAFact(f"{where} is a {type(value).__name__}: name its fields in READS (e.g. '{where}.name')")


def _collect(value: Any, paths: list[str], where: str) -> Any:
    if not paths or paths == [""]:
        return _plain(value, where)
    if value is None:
        return None
    if isinstance(value, list):
        return [_collect(item, paths, where) for item in value]
    found: dict[str, Any] = {}
    for head, rest in _group(paths).items():
        if head.startswith("_") or head == _DATE:
            raise NotAFact(f"{where}.{head} cannot be a fact")
        found[head] = _collect(getattr(value, head), rest, f"{where}.{head}")
    return found


def extract(model: Any, paths: Iterable[str], what: str = "model") -> dict[str, Any]:
    """The values at `paths` of `model`, as plain JSON-able data."""
    chosen = sorted(set(paths))
    if not chosen:
        return {}
    found = _collect(model, chosen, what)
    return found if isinstance(found, dict) else {}


def _keys(path: tuple[str | int, ...] | list[str | int]) -> tuple[str, ...]:
    """A path without its list indexes: ("contact_card", 2) → ("contact_card",)."""
    return tuple(str(p) for p in path if not isinstance(p, int))


class _Named:
    """The paths a rule may ask the line of: the named ones, the keys above them (`above`, the
    document's own () among them) and anything below one."""

    def __init__(self, named: frozenset[tuple[str, ...]]) -> None:
        self.named = named
        self.above = {n[:i] for n in named for i in range(len(n) + 1)}
        self.heads = {n[0] for n in named if n}  # a path under no other first key is not covered

    def covers(self, path: tuple[str, ...]) -> bool:
        return path in self.above or any(path[:i] in self.named for i in range(1, len(path)))


@cache
def _named(paths: frozenset[str]) -> _Named:
    return _Named(frozenset(tuple(path.split(".")) for path in paths))


def _covered(path: tuple[str, ...], named: _Named) -> bool:
    """Is the line of `path` one a rule may ask for: a named path, a key above one, or below one?"""
    return named.covers(path)


def lines_named(lines: list[list[Any]], paths: Iterable[str]) -> list[list[Any]]:
    """Of kept [[key, …], line] pairs (`extract_lines`), those a rule that reads `paths` may ask for."""
    named = _named(frozenset(paths))
    return [pair for pair in lines if _covered(_keys(pair[0]), named)]


def extract_lines(loaded: Loaded, paths: Iterable[str]) -> list[list[Any]]:
    """The lines `Record.line` needs for the named paths (the keys above them, the items of a
    named list, and the document's own line), as [[key, …], line] pairs."""
    named = _named(frozenset(paths))
    heads = named.heads
    # Most keys of a file are under a first key no rule names: those are passed over before their
    # path is looked at (this ran over every key of 2,600 files in a cold check; issue 18).
    return [[list(path), line] for path, line in loaded.lines.items()
            if not (path and isinstance(path[0], str) and path[0] not in heads) and _covered(_keys(path), named)]


class Facts:
    """A model as the repository rules see it: the attributes named in READS, nothing else."""

    def __init__(self, values: Mapping[str, Any], what: str) -> None:
        self.__dict__.update(values)
        self.__dict__["_what"] = what

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise FactMissing(f"{self.__dict__['_what']}.{name} is not named in any rule's READS")

    def __repr__(self) -> str:
        return f"Facts({self.__dict__['_what']})"


_PLAIN = (str, int, bool, float, type(None))


def _decode(value: Any, where: str) -> Any:
    if isinstance(value, dict):
        if _DATE in value:
            return date.fromisoformat(value[_DATE])
        return Facts(_decode_all(value, where), where)
    if isinstance(value, list):
        return [item if type(item) in _PLAIN else _decode(item, where) for item in value]
    return value


def _decode_all(values: Mapping[str, Any], where: str, sep: str = ".") -> dict[str, Any]:
    """The values of a mapping, decoded; a plain value as it is (most are: this runs for every
    record on every check, issue 18)."""
    return {key: item if type(item) in _PLAIN else _decode(item, f"{where}{sep}{key}") for key, item in values.items()}


class FactLines(Loaded):
    """The lines of a record's named paths; asking for another raises FactMissing (the nearest
    kept parent's line would be a wrong line)."""

    def __init__(self, pairs: list[list[Any]], named: Iterable[str], what: str) -> None:
        super().__init__(data=Facts({}, f"{what} (data)"))
        self._pairs: list[list[Any]] | None = pairs
        self._named = _named(frozenset(named))
        self._what = what

    def line(self, path: tuple[str | int, ...]) -> int | None:
        path = tuple(path)
        if not _covered(_keys(path), self._named):
            raise FactMissing(f"the line of {self._what}: {path} is not kept (name it in a rule's READS)")
        if self._pairs is not None:  # made when a line is first asked for: most records have no problem
            self.lines = {tuple(keys): line for keys, line in self._pairs}
            self._pairs = None
        return super().line(path)


class _ViewRecord(Record[Any]):
    """A record of facts made when a rule first reads it: its model and lines from the facts, its
    body from the file's text (the text of a file the check did not read, because its signature
    said it had not changed, is read then). A check after one edit makes 2,800 records of which
    the rules that run read a few fields (issue 18)."""

    def __init__(self, source: SourceFile, facts: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
                 named: Iterable[str], text: Callable[[], str | None], body_line: int) -> None:
        self.source = source
        self.body_first_line = body_line
        self._facts, self._named = facts, named
        self._model: Facts | None = None
        self._lines: FactLines | None = None
        self._text: Callable[[], str | None] | None = text
        self._body = ""

    def _kept(self) -> Mapping[str, Any]:
        if callable(self._facts):
            self._facts = self._facts()
        return self._facts

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = Facts(_decode_all(self._kept()["model"], self.source.rel, ": "), self.source.rel)
        return self._model

    @property
    def loaded(self) -> Loaded:  # type: ignore[override]
        if self._lines is None:
            self._lines = FactLines(self._kept()["lines"], self._named, self.source.rel)
        return self._lines

    @property
    def body(self) -> str:  # type: ignore[override]
        if self._text is not None:
            self._body, self.body_first_line = _body_of(self.source, self._text())
            self._text = None
        return self._body


def _body_of(source: SourceFile, text: str | None) -> tuple[str, int]:
    """The body of a Markdown file and its first line, as the loader takes them."""
    if text is not None and source.path.suffix == ".md":
        parts = split_front_matter(text)
        if parts is not None:
            return parts[1], parts[2]
    return "", 1


def view_record(source: SourceFile, facts: Mapping[str, Any] | Callable[[], Mapping[str, Any]], named: Iterable[str],
                text: str | Callable[[], str | None] | None, body_line: int | None = None) -> Record[Any]:
    """A record made of `facts` ({"model": …, "lines": …}, from `record_facts` with the paths
    `named`) and the file's text: the body of a Markdown file is taken from the text, as the
    loader takes it. With `text` as a function and the body's first line known (`body_line`),
    the text is asked for only when a rule reads the body."""
    if callable(text):
        if body_line is not None:
            return _ViewRecord(source, facts, named, text, body_line)
        text = text()
    what = source.rel
    body, first = _body_of(source, text)
    if callable(facts):
        facts = facts()
    return Record(source, Facts(_decode_all(facts["model"], what, ": "), what), FactLines(facts["lines"], named, what),
                  body, first)


class Later:
    """A value of a `LazyDict` made when it is first looked up."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


class LazyDict(dict[str, Any]):
    """A dict some of whose values (`Later`) are made when first looked up: the texts of the files a
    check did not read, the facts and findings kept packed (cache.Entry). A rule that goes through
    every value makes every one, so the rules look a value up only when they need it (issue 18).

    A dict, as `Repository.texts` and `findings` are, so every way of reading it answers with the
    values: written by hand because no library has a dict whose values are made on first look-up."""

    def __getitem__(self, key: str) -> Any:
        found = super().__getitem__(key)
        if type(found) is Later:
            found = found.make()
            super().__setitem__(key, found)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def items(self) -> Any:
        return [(key, self[key]) for key in self]

    def values(self) -> Any:
        return [self[key] for key in self]

    def copy(self) -> dict[str, Any]:
        return dict(self.items())

    def __iter__(self) -> Iterator[str]:
        return iter(list(super().keys()))

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == other

    __hash__ = None


def record_facts(record: Record[Any], paths: Iterable[str]) -> dict[str, Any]:
    """What the repository rules read of `record` (paths: the union of their READS for its kind)."""
    chosen = list(paths)
    return {"model": extract(record.model, chosen, record.rel), "lines": extract_lines(record.loaded, chosen)}
