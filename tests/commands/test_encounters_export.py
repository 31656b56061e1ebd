"""`rummelig encounters export`: the sums of the rows, as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from rummelig.cli import build_parser
from rummelig.commands import encounters
from tests.encounters.sample import HEADER, generated
from tests.support import Ran, call, write


def export(repo: Path, *argv: str) -> Ran:
    """`rummelig encounters export …` in this process: the real parser, then the command."""
    a = build_parser().parse_args(["encounters", "export", *argv])
    return call(encounters.export, repo, a.format, a.library, a.first, a.last)


def test_export_equals_the_sums_of_the_rows(repo):
    rows = generated(repo)
    expected = Counter()
    for library, day, category, count in rows:
        expected[(library, f"{day:%Y-%m}", category)] += count
    result = export(repo, "--format", "csv")
    assert result.returncode == 0, result.stderr
    exported = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["library"], r["month"], r["category"]): int(r["count"]) for r in exported} == dict(expected)
    assert len(exported) == len(expected)

    result = export(repo, "--format", "json", "--library", "andetbib", "--from", "2025-12", "--to", "2026-01")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    chosen = {k: v for k, v in expected.items() if k[0] == "andetbib" and "2025-12" <= k[1] <= "2026-01"}
    assert document["total"] == sum(chosen.values())
    assert {(r["library"], r["month"], r["category"]): r["count"] for r in document["rows"]} == chosen
    assert (document["from"], document["to"], document["library"]) == ("2025-12", "2026-01", "andetbib")


@pytest.mark.parametrize(("args", "expected"), [
    (["--format", "xml"], "rummelig: --format er 'xml' — brug csv eller json\n"),
    (["--from", "2026-13"], "rummelig: --from er '2026-13', som ikke er en måned — skriv ÅÅÅÅ-MM, fx 2026-01\n"),
    (["--from", "2026-05", "--to", "2026-01"], "rummelig: --from 2026-05 ligger efter --to 2026-01 — byt om på dem\n"),
    (["--library", "testbi"], "rummelig: biblioteket 'testbi' findes ikke (mente du 'testbib'?) — brug id'et på en "
                              "fil i libraries/ (filnavnet uden .yml), fx testbib\n"),
])
def test_export_refuses_bad_options(repo, args, expected):
    result = export(repo, *args)
    assert (result.returncode, result.stderr, result.stdout) == (1, expected, "")


def test_export_refuses_when_the_rows_have_errors(repo):
    write(repo, "encounters/testbib/2026.csv", HEADER + "2026-01-05,samtale,0,\n")
    result = export(repo)
    assert result.returncode == 1 and result.stdout == ""
    assert "encounters/testbib/2026.csv:2: 'count' er 0" in result.stderr
    assert "Traceback" not in result.stderr
