"""`rummelig check`: exit codes, the summary, all problems of a run sorted by file, checking a
pull request's files, and the GitHub and GitLab formats."""

from __future__ import annotations

import io
import json

import pytest

from rummelig.commands import check as check_command
from tests.support import STRATEGY, break_partner, run_cli, write


def test_check_exit_0_and_summary(repo):
    result = run_cli("check", cwd=repo)
    assert result.returncode == 0
    assert result.stdout == "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret.\n"
    assert result.stderr == ""


def test_all_problems_of_a_run_together_sorted_by_file(repo):
    break_partner(repo, "type: drop-in-centre", "type: x")
    write(repo, "libraries/testbib.yml", (repo / "libraries/testbib.yml").read_text().replace('"8000"', '"800"'))
    write(repo, "strategies/en-gaest-sover.md", STRATEGY.replace("owner: testbib", "owner: ukendt"))
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "libraries/testbib.yml", "partners/aarhus/vaerestedet.yml", "strategies/en-gaest-sover.md"]
    assert lines[-1] == "3 fejl og 0 advarsler i 3 filer."
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00n\x00a\x00m\x00e", b"- a\n- b\n", b"just text\n", b"name:\n"])
def test_broken_files_never_give_a_traceback(repo, content):
    (repo / "libraries/testbib.yml").write_bytes(content)
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("libraries/testbib.yml:")


def test_closed_pipe_is_not_a_traceback(repo):
    import subprocess
    import sys

    write(repo, "libraries/testbib.yml", "x: 1\n" * 1)
    for n in range(400):
        write(repo, f"libraries/bib-{n}.yml", "x: 1\n")
    proc = subprocess.run(f"{sys.executable} -m rummelig check | head -n 1", shell=True, cwd=repo,
                          capture_output=True, text=True)
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


# -- checking a pull request ----------------------------------------------------------------------

def test_check_with_paths_reports_only_those_files_but_applies_cross_file_rules(repo):
    strategy = repo / "strategies/en-gaest-sover.md"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace("owner: testbib", "owner: ukendt"),
                        encoding="utf-8")
    partner = repo / "partners/aarhus/vaerestedet.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr"),
                       encoding="utf-8")
    only = run_cli("check", "strategies/en-gaest-sover.md", cwd=repo)
    assert only.returncode == 1
    assert only.stdout.splitlines() == [
        "strategies/en-gaest-sover.md:9: biblioteket 'ukendt' findes ikke — brug id'et på en fil i libraries/ "
        "(filnavnet uden .yml), eller 'redaktionen' for fælles indhold fra redaktionen, eller opret biblioteket med "
        "'rummelig new library <id>'",
        "(Der er også 1 fejl i andre filer — kør 'rummelig check' uden filnavne for at se dem.)",
        "1 fejl og 0 advarsler i 1 fil."]
    clean = run_cli("check", "libraries", cwd=repo)
    assert (clean.returncode, clean.stdout.splitlines()[-1]) == (0, "Alt i orden i 1 valgt fil.")
    outside = run_cli("check", "/", cwd=repo)
    assert outside.returncode == 2 and "ligger ikke i projektet" in outside.stderr


def test_check_formats_github_annotations_and_gitlab_code_quality(repo):
    partner = repo / "partners/aarhus/vaerestedet.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr")
                       .replace("Et værested med kaffe", "Et værested for narkomaner med kaffe"), encoding="utf-8")
    out = io.StringIO()
    assert check_command.run(repo, out, ["partners/aarhus/vaerestedet.yml"], "github") == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("::error file=partners/aarhus/vaerestedet.yml,line=2,title=rummelig check::'type' "
                               "er 'shelterr' — brug en af: street-nurse, drop-in-centre")
    assert lines[1] == ("::warning file=partners/aarhus/vaerestedet.yml,line=3,title=rummelig check::advarsel: "
                        "'narkomaner' kan virke stigmatiserende (ordet gør et menneske til sit rusmiddelproblem) "
                        "— skriv hellere 'mennesker med et rusmiddelproblem'")
    out, err = io.StringIO(), io.StringIO()
    assert check_command.run(repo, out, None, "gitlab", err) == 1
    report = json.loads(out.getvalue())
    assert [(r["location"], r["severity"], r["check_name"]) for r in report] == [
        ({"path": "partners/aarhus/vaerestedet.yml", "lines": {"begin": 2}}, "critical", "model.value"),
        ({"path": "partners/aarhus/vaerestedet.yml", "lines": {"begin": 3}}, "minor", "language.respectful")]
    assert len({r["fingerprint"] for r in report}) == 2
    assert err.getvalue() == "1 fejl og 1 advarsel i 1 fil.\n"
