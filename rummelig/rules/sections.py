"""A `situation` playbook has the five sections, in order, as `##` headings (contract §5.1)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rummelig.models.reference import SITUATION_SECTIONS
from rummelig.suggest import closest

if TYPE_CHECKING:
    from rummelig.problems import Problems
    from rummelig.repository import Repository

_FENCE = re.compile(r"^\s*(```|~~~)")


def headings(body: str, first_line: int, level: int = 2) -> list[tuple[str, int]]:
    """(text, line) of every heading of `level` outside code blocks."""
    found, in_code, marker = [], False, "#" * level + " "
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code and line.startswith(marker):
            found.append((line[len(marker):].strip().rstrip("#").strip(), first_line + offset))
    return found


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
        for section in expected:
            if section not in seen and section not in misspelt:
                problems.error(record.rel, record.body_first_line, f"afsnittet '## {section}' mangler",
                                    f"en situation har afsnittene {wanted}", "rules.section-missing")
