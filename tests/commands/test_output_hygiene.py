"""Output hygiene (issue 13 items 9-11): no value or file name can add a line to the output
(forged CI annotations), a folder that is not a knowledge base is refused, unreadable folders
are errors, and exports never overwrite something else."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from rummelig import annotations
from rummelig.cli import main
from rummelig.commands import check
from rummelig.commands.export import run_hsds
from rummelig.problems import Problem, Problems, clean
from tests.support import call, write

FORGED = "x\n::error file=strategies/a.md,line=1::falsk\r::warning::y\x1b[2J\u2028z"


def test_clean_escapes_every_control_character():
    assert clean(FORGED) == "x\\n::error file=strategies/a.md,line=1::falsk\\r::warning::y\\x1b[2J\\u2028z"
    assert clean("Værestedet – åbent") == "Værestedet – åbent"


@pytest.mark.parametrize("fmt", ["text", "github", "gitlab"])
def test_no_format_lets_a_value_or_file_name_start_a_line(fmt):
    problems = Problems()
    problems.error(f"partners/aarhus/{FORGED}.yml", 3, f"'name' er '{FORGED}'", f"ret {FORGED}")
    if fmt == "text":
        lines = [p.format() for p in problems]
    elif fmt == "github":
        lines = annotations.github(problems)
    else:
        report = json.loads(annotations.gitlab(problems))
        lines = [report[0]["description"], report[0]["location"]["path"]]
    for line in lines:
        assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\u2028" not in line
    if fmt != "gitlab":
        assert len(lines) == 1
        assert lines[0].startswith("::error file=partners/aarhus/x\\n%3A%3Aerror" if fmt == "github" else "partners/")


def test_check_prints_a_forged_value_on_its_own_line_only(repo):
    path = repo / "partners/aarhus/vaerestedet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "type: drop-in-centre", 'type: "x\\n::error file=strategies/en-gaest-sover.md,line=1::Falsk"'),
        encoding="utf-8")
    for fmt in ("text", "github"):
        result = call(check.run, repo, fmt=fmt)
        assert result.returncode == 1
        assert not [line for line in result.stdout.splitlines() if line.startswith("::error file=strategies")]
    result = call(check.run, repo)
    assert "'type' er 'x\\n::error file=strategies/en-gaest-sover.md,line=1::Falsk' — brug en af" in result.stdout


@pytest.mark.parametrize("where", ["empty", "missing", "file"])
def test_check_refuses_a_folder_that_is_not_a_knowledge_base(tmp_path, capsys, where):
    root = tmp_path / "ingenting"
    if where == "empty":
        root.mkdir()
        write(root, "docs/om.md", "# Om\n")
    elif where == "file":
        root.write_text("x", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 2  # cli.main looks before any command runs
    result = capsys.readouterr()
    assert result.out == ""
    expected = {
        "empty": f"rummelig check: {root} indeholder ikke indhold til Det rummelige bibliotek (ingen af mapperne "
                 "strategies/, libraries/, partners/, encounters/) — kør kommandoen i projektets mappe, eller ret "
                 "--root\n",
        "missing": f"rummelig check: mappen {root} findes ikke — kør kommandoen i projektets mappe, eller ret --root\n",
        "file": f"rummelig check: {root} er ikke en mappe — kør kommandoen i projektets mappe, eller ret --root\n"}
    assert result.err == expected[where]
    assert main(["--root", str(root), "export", "hsds", str(tmp_path / "ud")]) == 2


def test_an_unreadable_folder_is_an_error_not_skipped(repo, monkeypatch):
    """As root (CI) chmod does not stop reading, so the folder's scan is made to fail."""
    write(repo, "partners/koebenhavn/hemmelig.yml", "name: x\n")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("partners/koebenhavn"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = io.StringIO()
    assert check.run(repo, out) == 1
    assert out.getvalue().splitlines()[0] == (
        "partners/koebenhavn: mappen kan ikke læses (Permission denied), så filerne i den bliver ikke kontrolleret "
        "eller udgivet — giv læseadgang til mappen, eller flyt den ud af indholdet")


@pytest.mark.parametrize("target", ["root", "docs", "inside-docs", "full"])
def test_export_refuses_the_project_docs_and_a_full_folder(repo, tmp_path, target):
    write(repo, "docs/om.md", "# Om\n")
    out = {"root": repo, "docs": repo / "docs", "inside-docs": repo / "docs" / "eksport",
           "full": tmp_path / "fuld"}[target]
    if target == "full":
        write(out, "mine-noter.txt", "vigtigt\n")
    result = call(run_hsds, repo, out)
    assert result.returncode == 1
    reason = ("mappen er ikke tom — vælg en ny eller tom mappe" if target == "full" else
              "må ikke være projektets mappe eller ligge i docs/ — vælg en ny mappe, fx uden for projektet")
    assert result.stdout == f"rummelig export: {out}: {reason}\n"
    assert (repo / "libraries/testbib.yml").exists() and not (repo / "docs/eksport").exists()
    if target == "full":
        assert [p.name for p in out.iterdir()] == ["mine-noter.txt"]


def test_a_partner_named_like_a_formula_is_text_in_the_csv(repo, tmp_path):
    path = repo / "partners/aarhus/vaerestedet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "name: Værestedet i Testby", "name: '=HYPERLINK(\"https://example.com\";\"Klik\")'").replace(
        "description: Et værested med kaffe, mad og nogen at tale med.",
        "description: '@SUM(1+1) Et værested'"), encoding="utf-8")
    result = call(run_hsds, repo, tmp_path / "ud", include_examples=True)
    assert result.returncode == 0, result.stdout
    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader((tmp_path / "ud/csv" / name).read_text(encoding="utf-8").splitlines()))

    assert rows("organizations.csv")[0]["name"] == "'=HYPERLINK(\"https://example.com\";\"Klik\")"
    assert rows("services.csv")[0]["description"].startswith("'@SUM(1+1)")
    assert rows("phones.csv")[0]["number"] == "+4570201201"  # a phone number is not a formula
    data = json.loads((tmp_path / "ud/json/organizations.json").read_text(encoding="utf-8"))
    assert data[0]["name"].startswith("=HYPERLINK(")  # JSON keeps the value as written


def test_problem_format_is_one_line():
    assert Problem("a\nb.yml", 2, "m\rn", "f\tg").format() == "a\\nb.yml:2: m\\rn — f\\tg"
