"""Problems found in the content: one list, in Danish, with file and line.

Every message has the form ``path:line: what is wrong — what to do`` (contract §6, docs-dev/contract.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


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
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "advarsel: " if self.severity is Severity.WARNING else ""
        text = f"{where}: {prefix}{self.message}"
        return f"{text} — {self.fix}" if self.fix else text


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

    def __iter__(self):
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


def summary(problems: Problems) -> str:
    errors, warnings = len(problems.errors), len(problems.warnings)
    files = len({p.path for p in problems.sorted()})
    if not errors and not warnings:
        return "Ingen problemer fundet."
    counted = f"{plural(errors, 'fejl', 'fejl')} og {plural(warnings, 'advarsel', 'advarsler')}"
    return f"{counted} i {plural(files, 'fil', 'filer')}."
