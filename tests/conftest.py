"""Shared fixtures: a small, valid content repository in a temp folder, and helpers to run
the CLI and a real MkDocs build against it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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

DOCS_INDEX = """\
---
title: Forside
---

# Det rummelige bibliotek

Se [strategierne](strategier/index.md).
"""

DOCS_SCENARIOS = "# Cases til refleksion\n\nEn case.\n"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal valid repository: one library, one partner, one situation playbook."""
    root = tmp_path / "repo"
    write(root, "libraries/testbib.yml", LIBRARY)
    write(root, "partners/aarhus/vaerestedet.yml", PARTNER)
    write(root, "strategies/en-gaest-sover.md", STRATEGY)
    (root / "encounters").mkdir()
    return root


@pytest.fixture
def site_repo(repo: Path) -> Path:
    """`repo` plus mkdocs.yml, the hooks and minimal docs: ready for a real build."""
    shutil.copy(PROJECT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(PROJECT / "hooks", repo / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "rummelig").symlink_to(PROJECT / "rummelig")  # `watch:` names it
    write(repo, "docs/index.md", DOCS_INDEX)
    write(repo, "docs/ny-medarbejder/scenarier.md", DOCS_SCENARIOS)
    for name in ("om.md", "ordliste.md"):
        write(repo, f"docs/{name}", f"# {name[:-3].title()}\n\nTekst.\n")
    shutil.copytree(PROJECT / "docs" / "bidrag", repo / "docs" / "bidrag")  # the nav names bidrag/index.md
    shutil.copytree(PROJECT / "overrides", repo / "overrides")  # theme.custom_dir
    shutil.copytree(PROJECT / "docs" / "assets", repo / "docs" / "assets")  # CSS, JS, iframe-worker shim
    shutil.copy(PROJECT / "docs" / "emner.md", repo / "docs" / "emner.md")  # the nav names the tags page
    return repo


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rummelig", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def run_build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
