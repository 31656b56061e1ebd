"""A `situation` playbook has the five sections, in order, as `##` headings (contract §5.1)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rummelig.models.reference import SITUATION_SECTIONS
from rummelig.suggest import closest

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

SCOPE = "file"  # each file on its own (rules/__init__.py)

_FENCE = re.compile(r"^\s*(```|~~~)")


_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")


def all_headings(body: str, first_line: int) -> list[tuple[int, str, int]]:
    """(level, text, line) of every ATX heading outside code blocks."""
    found, in_code = [], False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        match = None if in_code else _HEADING.match(line)
        if match:
            found.append((len(match[1]), match[2].strip().rstrip("#").strip(), first_line + offset))
    return found


def headings(body: str, first_line: int, level: int = 2) -> list[tuple[str, int]]:
    """(text, line) of every heading of `level` outside code blocks."""
    return [(text, line) for found, text, line in all_headings(body, first_line) if found == level]


def check(repo: Repository, problems: Problems) -> None:
    expected = list(SITUATION_SECTIONS)
    wanted = " → ".join(f"'## {s}'" for s in expected)
    for record in repo.strategies.values():
        if record.model.kind != "situation":
            continue
        found = headings(record.body, record.body_first_line)
        seen: list[str] = []
        misspelt: set[str] = set()  # a near-miss is reported once, not also as missing
        for text, line in found:
            if text not in expected:
                near = closest(text, expected)
                if near:
                    misspelt.add(near)
                hint = f"mente du '## {near}'? " if near else ""
                problems.error(record.rel, line, f"afsnittet '## {text}' hører ikke til en situation",
                                    f"{hint}en situation har afsnittene {wanted}; brug '###' til underafsnit",
                                    "rules.section-unknown")
                continue
            if text in seen:
                problems.error(record.rel, line, f"afsnittet '## {text}' står to gange",
                                    "slå de to afsnit sammen", "rules.section-duplicate")
                continue
            if seen and expected.index(text) < expected.index(seen[-1]):
                problems.error(record.rel, line, f"afsnittet '## {text}' står efter '## {seen[-1]}'",
                                    f"sæt afsnittene i rækkefølgen {wanted}", "rules.section-order")
            seen.append(text)
        other_levels = {text: (level, line) for level, text, line in all_headings(record.body, record.body_first_line)
                        if level != 2 and text in expected}
        for section in expected:
            if section not in seen and section in other_levels:
                level, line = other_levels[section]
                marks = "#" * level
                count = {1: "ét", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}[level]
                problems.error(record.rel, line, f"'{marks} {section}' har {count} #, men afsnittene i en situation "
                               "har to", f"skriv '## {section}'", "rules.section-level")
            elif section not in seen and section not in misspelt:
                problems.error(record.rel, record.body_first_line, f"afsnittet '## {section}' mangler",
                                    f"en situation har afsnittene {wanted}", "rules.section-missing")
