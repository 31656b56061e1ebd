"""Helpers the tests import: the valid fixture files, writing into a temp repository, running the
CLI and a real MkDocs build, and reading what the checker and the build give back. The fixtures
that use them live in conftest.py."""

from __future__ import annotations

import inspect
import io
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rummelig.pipeline import check_repository

PROJECT = Path(__file__).resolve().parents[1]

LIBRARY = """\
name: Testbiblioteket
organisation: Test Kommunes Biblioteker
municipality: aarhus
address:
  street: Testvej 1
  postal_code: "8000"
  city: Aarhus C
url: https://bibliotek.example.dk
approach: [coordinators, partnerships]
contact_role: Bibliotekets koordinator
contact:
  phone: "+45 89 40 92 00"
house_rules:
  - rule: Alle er velkomne, og reglerne er de samme for alle.
    why: Så alle kan bruge biblioteket trygt.
    if_broken: Vi siger det venligt, og du er velkommen igen i morgen.
last_reviewed: 2026-11-01
"""

PARTNER = """\
name: Værestedet i Testby
type: drop-in-centre
description: Et værested med kaffe, mad og nogen at tale med.
helps_with: [et varmt måltid, en snak]
when_to_contact:
  - En gæst fortæller, at han ikke har spist i dag.
contact:
  phone: "70 20 12 01"
  url: https://www.aarhus.dk
opening_hours:
  - days: [mon, tue, wed, thu, fri]
    opens: "09:00"
    closes: "15:00"
languages: [da, en]
last_verified: 2026-11-01
verified_by: testbib
example: true
"""

STRATEGY = """\
---
title: En gæst sover
kind: situation
summary: Hvad du gør, når en gæst sover på biblioteket.
tags: [hjemløshed]
keywords: [sover, falder i søvn]
partner_types: [drop-in-centre, night-shelter]
contributed_by: [testbib]
owner: testbib
last_reviewed: 2026-11-01
onboarding: 1
---

## Situationen

En gæst sover i en lænestol.

## Sådan kan du gøre

1. Se efter, om gæsten trækker vejret normalt.

## Det kan du sige

- "Hej, jeg vil bare høre, om du har det godt?"

## Hent hjælp

Ring 112, hvis gæsten ikke kan vækkes.

## Bagefter

Registrér det gode møde.
"""

DOCS_SCENARIOS = "# Cases til refleksion\n\nEn case.\n"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Ran:
    """What a command did, as a finished process reports it."""

    returncode: int
    stdout: str
    stderr: str


def call(command: Callable[..., int], *args: Any, **kwargs: Any) -> Ran:
    """Run a command's function (`rummelig.commands.check.run`, `…encounters.add`, …) in this
    process, with streams of its own for `out` and, when it takes one, `err`. The commands get
    their arguments already parsed; what the process adds (argument parsing, exit codes, a
    closed pipe) is tested through `run_cli` in tests/commands/test_cli.py."""
    out, err = io.StringIO(), io.StringIO()
    streams: dict[str, io.StringIO] = {"out": out}
    if "err" in inspect.signature(command).parameters:
        streams["err"] = err
    code = command(*args, **streams, **kwargs)
    return Ran(code, out.getvalue(), err.getvalue())


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m rummelig …` as a separate process: for what only a process shows. The caller's
    RUMMELIG_LIBRARY (`make … LIBRARY=x`) and RUMMELIG_SITE_URL, which the check reads too, are not
    passed on; `env` adds variables."""
    environ = {key: value for key, value in os.environ.items()
               if key not in ("RUMMELIG_LIBRARY", "RUMMELIG_SITE_URL")}
    return subprocess.run([sys.executable, "-m", "rummelig", *args], cwd=cwd, capture_output=True, text=True,
                          env={**environ, "PYTHONWARNINGS": "ignore", **(env or {})})


def make_buildable(root: Path) -> Path:
    """A content repository plus mkdocs.yml, the hooks and minimal docs: ready for a real build."""
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "rummelig").symlink_to(PROJECT / "rummelig")  # `watch:` names it
    write(root, "docs/ny-medarbejder/scenarier.md", DOCS_SCENARIOS)
    for name in ("om.md", "ordliste.md"):
        write(root, f"docs/{name}", f"# {name[:-3].title()}\n\nTekst.\n")
    shutil.copytree(PROJECT / "docs" / "bidrag", root / "docs" / "bidrag")  # the nav names bidrag/index.md
    shutil.copytree(PROJECT / "overrides", root / "overrides")  # theme.custom_dir
    shutil.copytree(PROJECT / "docs" / "assets", root / "docs" / "assets")  # CSS, JS, iframe-worker shim
    shutil.copy(PROJECT / "docs" / "emner.md", root / "docs" / "emner.md")  # the nav names the tags page
    return root


def run_build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def messages(root: Path) -> list[str]:
    """Every problem `rummelig check` reports for `root`, formatted as it prints them."""
    return [p.format() for p in check_repository(root).problems]


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in a file of the repository (which must be there) with `new`."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_partner(root: Path, old: str, new: str) -> None:
    """`edit` on the fixture's partner file."""
    edit(root, "partners/aarhus/vaerestedet.yml", old, new)


def fill(path: Path, replacements: list[tuple[str, str]]) -> None:
    """Do what a contributor does with a template: replace each UDFYLD, delete unused lines."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def html(root: Path, uri: str) -> str:
    """A page of the site built into `root`/site."""
    return (root / "site" / uri / "index.html").read_text(encoding="utf-8")
