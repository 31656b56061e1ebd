"""Problems as CI annotations: GitHub Actions workflow commands and GitLab Code Quality JSON.

GitHub shows `::error file=…,line=…::message` lines as annotations on the pull request's
changed lines; GitLab shows a Code Quality report (a JSON list) in the merge request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rummelig.problems import Problem, clean


def _text(problem: Problem) -> str:
    """The message on one line (`clean`): a value or file name cannot add a line to the log."""
    prefix = "advarsel: " if not problem.is_error else ""
    message, fix = clean(problem.message), clean(problem.fix)
    return f"{prefix}{message} — {fix}" if fix else f"{prefix}{message}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: Iterable[Problem]) -> list[str]:
    lines = []
    for problem in problems:
        command = "error" if problem.is_error else "warning"
        props = [f"file={_escape_property(clean(problem.path))}"]
        if problem.line:
            props.append(f"line={problem.line}")
        props.append(f"title={_escape_property('rummelig check')}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(_text(problem))}")
    return lines


def gitlab(problems: Iterable[Problem]) -> str:
    report = []
    for problem in problems:
        identity = f"{problem.path}\0{problem.line}\0{problem.message}\0{problem.fix}"
        report.append({
            "description": _text(problem),
            "check_name": problem.code or "rummelig",
            "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
            "severity": "critical" if problem.is_error else "minor",
            "location": {"path": clean(problem.path), "lines": {"begin": problem.line or 1}},
        })
    import json  # here: `rummelig check` imports this module for every format

    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
