"""Problems found in the content: one list, in Danish, with file and line.

Every message has the form ``path:line: what is wrong — what to do`` (contract §6, docs-dev/contract.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

# Characters that would let a value or a file name start a new line in a log (where CI reads
# `::error …` as a command), rewrite what is already printed, or reorder text on screen: C0
# and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi controls.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def clean(text: str) -> str:
    """`text` on one printable line: each control character written as an escape (\\n, \\x1b,
    \\u2028), so a value or a file name can never add a line of its own to the output."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                                 else f"\\u{ord(m.group()):04x}"), text)


class Severity(StrEnum):
    ERROR = "fejl"
    WARNING = "advarsel"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str
    fix: str = ""
    severity: Severity = Severity.ERROR
    code: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """One line, whatever the values and file names in it hold (`clean`)."""
        where = f"{clean(self.path)}:{self.line}" if self.line else clean(self.path)
        prefix = "advarsel: " if self.severity is Severity.WARNING else ""
        text = f"{where}: {prefix}{clean(self.message)}"
        return f"{text} — {clean(self.fix)}" if self.fix else text


class Problems:
    """Collects problems from every stage of a run; nothing stops at the first one."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self._items.append(problem)

    def error(self, path: str, line: int | None, message: str, fix: str = "", code: str = "") -> None:
        self.add(Problem(path, line, message, fix, Severity.ERROR, code))

    def warning(self, path: str, line: int | None, message: str, fix: str = "", code: str = "") -> None:
        self.add(Problem(path, line, message, fix, Severity.WARNING, code))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._items)

    def sorted(self) -> list[Problem]:
        unique = dict.fromkeys(self._items)
        return sorted(unique, key=lambda p: (p.path, p.line or 0, p.severity is Severity.WARNING, p.message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    def has_errors(self) -> bool:
        return any(p.is_error for p in self._items)


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# What stops a build (docs-dev/contract.md §6): errors always, warnings never. The check and
# the build read the same problems, so the check's exit code is the build's outcome.
BUILD_STOPS = "Sitet bygges ikke, før fejlene er rettet"
WARNINGS_DO_NOT_STOP = "advarsler stopper ikke bygget"


def summary(problems: Problems) -> str:
    """The last line of a run: the counts, and what they mean for the build."""
    errors, warnings = len(problems.errors), len(problems.warnings)
    files = len({p.path for p in problems.sorted()})
    if not errors and not warnings:
        return "Ingen problemer fundet."
    counted = f"{plural(errors, 'fejl', 'fejl')} og {plural(warnings, 'advarsel', 'advarsler')}"
    if not errors:
        return f"{counted} i {plural(files, 'fil', 'filer')}. {warnings_note(warnings).capitalize()}."
    tail = f" ({WARNINGS_DO_NOT_STOP})" if warnings else ""
    return f"{counted} i {plural(files, 'fil', 'filer')}. {BUILD_STOPS}{tail}."


def warnings_note(warnings: int) -> str:
    """'den stopper ikke bygget' / 'de stopper ikke bygget'."""
    return f"{'den' if warnings == 1 else 'de'} stopper ikke bygget"
