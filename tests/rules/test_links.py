"""Broken links and anchors between pages (issue 13, shared with issue 17): `rummelig check`
finds what the build's `validation:` would stop on, in Danish, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from rummelig.pipeline import check_repository
from rummelig.rules.links import candidates
from tests.support import write


def messages(root: Path) -> list[str]:
    return [p.format() for p in check_repository(root).problems]


def add_to_playbook(repo: Path, text: str) -> None:
    path = repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Registrér det gode møde.", text), encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), [
    ("Se [partnerne](../partnere/findes-ikke.md).",
     "strategies/en-gaest-sover.md:32: linket går til 'partnere/findes-ikke.md', som ikke findes på sitet — ret "
     "linket, så det peger på en side eller fil, der findes (mente du '../partnere/index.md'?)"),
    ("Se [hjælp](#findes-ikke).",
     "strategies/en-gaest-sover.md:32: linket går til afsnittet '#findes-ikke' på samme side, som ikke findes — ret "
     "ankeret (det efter #), så det er id'et på en overskrift på siden"),
    ("Se [oversigten](index.md#findes-ikke).",
     "strategies/en-gaest-sover.md:32: linket går til afsnittet '#findes-ikke' på strategier/index.md, som ikke "
     "findes — ret ankeret (det efter #), så det er id'et på en overskrift på siden"),
    ("Se [forsiden](/index.md).",
     "strategies/en-gaest-sover.md:32: linket '/index.md' starter med /, så det virker ikke, når sitet ligger i en "
     "undermappe — skriv linket relativt til siden, fx ../strategier/psykisk-krise.md"),
    ("Se [siden](../partnere/aarhus).",
     "strategies/en-gaest-sover.md:32: linket '../partnere/aarhus' peger ikke på en fil (der mangler .md eller "
     "filnavnet) — link til sidens .md-fil, fx ../partnere/aarhus/index.md"),
    ("Se [en side][ref].\n\n[ref]: ../bidrag/findes-ikke.md",
     "strategies/en-gaest-sover.md:34: linket går til 'bidrag/findes-ikke.md', som ikke findes på sitet — ret "
     "linket, så det peger på en side eller fil, der findes"),
    ("Se [en-gaest-sove](en-gaest-sove.md).",
     "strategies/en-gaest-sover.md:32: linket går til strategien 'en-gaest-sove', men der er ingen "
     "strategies/en-gaest-sove.md — ret linket til filnavnet på en strategi, der findes (mente du "
     "'en-gaest-sover.md'?), eller opret strategien"),
])
def test_a_broken_link_in_a_playbook_is_found(repo, text, expected):
    add_to_playbook(repo, text)
    assert messages(repo) == [expected]


@pytest.mark.parametrize("text", [
    "Se [oversigten](index.md), [partnerne](../partnere/aarhus/index.md#vaerestedet) og [kortet]"
    "(../biblioteker/testbib/kontaktkort.md).",
    "Se [afsnittet](#hent-hjælp) og [toppen](#en-gæst-sover).",   # the body's heading and the page's title
    "Skriv sådan:\n\n```\n[et link](findes-ikke.md)\n```",       # code, not a link
    "Se [kommunen](https://www.kk.dk) og [ring](tel:112).",
])
def test_links_that_work_pass(repo, text):
    add_to_playbook(repo, text)
    assert messages(repo) == []


def test_links_in_docs_pages_and_to_files(repo):
    write(repo, "docs/om.md", "# Om\n\n## Om os\n\nSe [om](#om-os), [billedet](assets/a.png) og "
                              "[skemaet](bidrag/skema.md).\n\nSe [x](#ikke-her).\n")
    (repo / "docs/assets").mkdir()
    (repo / "docs/assets/a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(8))
    assert messages(repo) == [
        "docs/om.md:7: linket går til afsnittet '#ikke-her' på samme side, som ikke findes — ret ankeret (det "
        "efter #), så det er id'et på en overskrift på siden"]


def test_candidates_read_targets_as_python_markdown_does():
    assert candidates("[a](b.md \"t\") [c](<d e.md>) [f](g\nh.md)\n\n[r]: i.md") == ["b.md", "d e.md", "g\nh.md",
                                                                                    "i.md"]
