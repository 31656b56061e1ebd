"""A template placeholder (UDFYLD) left in a file is an error that names its line and key.

Scaffolds (`rummelig new …`, skabeloner/) put UDFYLD where the contributor must write
something. On such a line the model's own complaint ("'type' er 'UDFYLD' — brug en af …")
says the same thing less clearly, so `supersede` (run by `rules.apply_rules` after every
rule) drops the other errors on a line this rule reported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rummelig.kinds import DOCUMENT_KINDS
from rummelig.loading.frontmatter import split_front_matter
from rummelig.models.reference import PLACEHOLDER
from rummelig.problems import Problem, Problems
from rummelig.rules.sections import headings

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic.fields import FieldInfo

    from rummelig.loading.loaded import Loaded
    from rummelig.repository import Repository

SCOPE = "repository"  # compares files (rules/__init__.py)
READS: dict[str, tuple[str, ...]] = {}  # the texts and the library ids

_WORD = re.compile(rf"(?<!\w){PLACEHOLDER}(?!\w)")
CODE = "rules.placeholder"
_LIBRARY_KEYS = {"owner", "contributed_by", "verified_by", "libraries"}


def _parse(markdown: bool, rel: str, text: str) -> tuple[Loaded | None, int]:
    """The file's YAML (quietly: its problems are reported elsewhere) and the body's first line."""
    from rummelig.loading.yamlfile import load_yaml  # PyYAML: only for a file with a placeholder

    if markdown:
        parts = split_front_matter(text)
        if parts is None:
            return None, 1
        return load_yaml(parts[0], rel, Problems(), first_line=2), parts[2]
    return load_yaml(text, rel, Problems()), len(text.split("\n")) + 1


def _paths_by_line(loaded: Loaded | None) -> dict[int, tuple[Any, ...]]:
    found: dict[int, tuple[Any, ...]] = {}
    for path, line in (loaded.lines.items() if loaded else ()):
        if path and len(path) >= len(found.get(line, ())):
            found[line] = path
    return found


def _field(model: type, path: tuple[Any, ...]) -> tuple[FieldInfo | None, bool]:
    """The field at `path`, and whether it may be left out (deleting the line is a fix)."""
    from rummelig.models.introspect import model_at  # the models: only for a file with a placeholder

    keys = [p for p in path if not isinstance(p, int)]
    if not keys:
        return None, False
    parent = model_at(model, tuple(path[: max(i for i, p in enumerate(path) if not isinstance(p, int))]))
    info = parent.model_fields.get(keys[-1]) if parent else None
    if info is None or parent is None:
        return None, False
    all_optional = all(not f.is_required() for f in parent.model_fields.values())
    return info, not info.is_required() or all_optional


def _mid_sentence(text: str) -> str:
    """A description that opens a sentence, as the middle of one ('Én sætning' → 'én sætning');
    a name or an abbreviation ('ISO', 'MitID') keeps its capital."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _fix(repo: Repository, key: str, info: FieldInfo | None, optional: bool) -> str:
    from rummelig.models.introspect import option_labels, shape

    if info is None:
        return f"skriv jeres egen tekst i stedet for {PLACEHOLDER}"
    sh = shape(info)
    if key in _LIBRARY_KEYS:
        known = sorted(repo.library_ids())
        shown = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
        what = f"id'et på et bibliotek (filnavnet i libraries/ uden .yml){': ' + shown if known else ''}"
    elif sh.options:
        what = "en af: " + ", ".join(f"{k} ({v})" if k != v else k for k, v in option_labels(sh.options).items())
    elif sh.is_date:
        what = "datoen som ÅÅÅÅ-MM-DD, fx 2026-11-20"
    else:
        example = info.examples[0] if info.examples else None
        if isinstance(example, list):
            example = example[0] if example else None
        hint = info.json_schema_extra.get("hint") if isinstance(info.json_schema_extra, dict) else None
        what = str(hint) if hint else f"{(info.title or key).lower()}"
        if example not in (None, ""):
            what += f", fx '{example}'"
        elif info.description:
            what += f" ({_mid_sentence(info.description.rstrip('.'))})"
    return f"skriv {what}" + (", eller slet linjen, hvis I ikke bruger den" if optional else "")


def _section_of(body_headings: list[tuple[str, int]], line: int) -> str | None:
    current = None
    for text, at in body_headings:
        if at <= line:
            current = text
    return current


def per_file(rel: str, text: str | None, record: Any, problems: list[Problem],  # noqa: ARG001
             root: Path | None = None) -> bool:
    """Whether the file's text holds a placeholder (rules/__init__.py): the check then reads only
    those texts (a check after one edit does not read the files that did not change; issue 18)."""
    return text is not None and PLACEHOLDER in text


def reads_text(found: Any) -> bool:
    """Does `check` read the text of a file with this finding (rules/__init__.py)?"""
    return bool(found)


def check(repo: Repository, problems: Problems) -> None:
    name = __name__.rsplit(".", 1)[1]
    for rel in sorted(repo.texts):
        if not repo.findings.get(rel, {}).get(name, True):
            continue  # kept: no placeholder in it
        text = repo.texts[rel]
        if PLACEHOLDER not in text:
            continue
        kind = next((k for k in DOCUMENT_KINDS.values() if rel.startswith(f"{k.folder}/")), None)
        if kind is None or kind.model is None:
            continue
        model = kind.model
        if kind.fmt == "markdown" and split_front_matter(text) is None:
            continue  # keys and text cannot be told apart: the loader's one message says why
        loaded, body_line = _parse(kind.fmt == "markdown", rel, text)
        by_line = _paths_by_line(loaded)
        lines = text.split("\n")
        body_headings = headings("\n".join(lines[body_line - 1:]), body_line) if kind.fmt == "markdown" else []
        for number, line in enumerate(lines, start=1):
            content = re.sub(r"<!--.*?-->", "", line)
            if content.lstrip().startswith("#") and number < body_line or not _WORD.search(content):
                continue
            if number >= body_line:
                section = _section_of(body_headings, number)
                where = f" under '## {section}'" if section else ""
                problems.error(rel, number, f"teksten{where} er ikke skrevet endnu (der står stadig "
                               f"{PLACEHOLDER} fra skabelonen)",
                               f"skriv jeres egen tekst i stedet for {PLACEHOLDER} og hjælpeteksten", CODE)
                continue
            path = by_line.get(number, ())
            info, optional = _field(model, path)
            key = next((str(p) for p in reversed(path) if not isinstance(p, int)), "")
            title = f" ({info.title})" if info and info.title else ""
            from rummelig.models.errors import describe

            name = f"'{describe(path)}'{title}" if path else "linjen"
            problems.error(rel, number, f"{name} er ikke udfyldt endnu (der står stadig {PLACEHOLDER} "
                           "fra skabelonen)", _fix(repo, key, info, optional), CODE)


def supersede(problems: Problems) -> Problems:
    """The problems without other errors about a placeholder line: the placeholder message
    says it better."""
    lines = {(p.path, p.line) for p in problems.errors if p.code == CODE}

    def superseded(problem: Problem) -> bool:
        return (problem.is_error and (problem.path, problem.line) in lines and problem.code != CODE
                and problem.code.startswith(("model.", "rules.")))

    kept = Problems()
    kept.extend(p for p in problems.sorted() if not superseded(p))
    return kept
