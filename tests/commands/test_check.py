"""`rummelig check`: broken files, checking a pull request's files, and the GitHub and GitLab
formats. (Its exit codes through a real process: test_cli.py.)"""

from __future__ import annotations

import io
import json

import pytest

from rummelig.commands import check as check_command
from tests.support import call


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00n\x00a\x00m\x00e", b"- a\n- b\n", b"just text\n", b"name:\n"])
def test_broken_files_never_give_a_traceback(repo, content):
    (repo / "libraries/testbib.yml").write_bytes(content)
    result = call(check_command.run, repo)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("libraries/testbib.yml:")


# -- checking a pull request ----------------------------------------------------------------------

def test_check_with_paths_reports_only_those_files_but_applies_cross_file_rules(repo):
    strategy = repo / "strategies/en-gaest-sover.md"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace("owner: testbib", "owner: ukendt"),
                        encoding="utf-8")
    partner = repo / "partners/aarhus/vaerestedet.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr"),
                       encoding="utf-8")
    only = call(check_command.run, repo, paths=["strategies/en-gaest-sover.md"])
    assert only.returncode == 1
    assert only.stdout.splitlines() == [
        "strategies/en-gaest-sover.md:9: biblioteket 'ukendt' findes ikke — brug id'et på en fil i libraries/ "
        "(filnavnet uden .yml), eller 'redaktionen' for fælles indhold fra redaktionen, eller opret biblioteket med "
        "'rummelig new library <id>'",
        "(Der er også 1 fejl i andre filer — kør 'rummelig check' uden filnavne for at se dem.)",
        "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet."]
    clean = call(check_command.run, repo, paths=["libraries"])
    assert (clean.returncode, clean.stdout.splitlines()[-1]) == (0, "Alt i orden i 1 valgt fil.")
    outside = call(check_command.run, repo, paths=["/"])
    assert outside.returncode == 2 and "ligger ikke i projektet" in outside.stderr


def test_check_of_a_path_that_does_not_exist_checks_nothing_and_says_so(repo):
    """It used to say it skipped the path and then "Alt i orden i 1 valgt fil" with exit 0: a
    mistyped path looked like a clean file."""
    missing = call(check_command.run, repo, paths=["partners/aarhus/vaerstedet.yml"])
    assert (missing.returncode, missing.stdout, missing.stderr) == (
        2, "", "rummelig check: 'partners/aarhus/vaerstedet.yml' findes ikke — tjek stavningen (stien regnes fra "
        "mappen, du står i); 'rummelig check' uden filnavne kontrollerer alt\n")
    # Named with a file that exists, it is left out of the count: the summary counts what was read.
    both = call(check_command.run, repo, paths=["partners/aarhus/vaerstedet.yml", "partners/aarhus/vaerestedet.yml"])
    assert (both.returncode, both.stdout) == (0, "Alt i orden i 1 valgt fil.\n")
    assert "'partners/aarhus/vaerstedet.yml' findes ikke" in both.stderr
    # A folder counts the content files in it, not the folder as one file.
    folder = call(check_command.run, repo, paths=["partners", "libraries/"])
    assert (folder.returncode, folder.stdout) == (0, "Alt i orden i 2 valgte filer.\n")


def test_check_of_a_new_file_shows_what_it_repeats_even_when_it_sorts_first(repo):
    """A pull request's annotations and pre-commit name only the new file: a copy of a partner
    under partners/aalborg/ is found before the partners/aarhus/ one it repeats."""
    from tests.support import PARTNER, write

    write(repo, "partners/aalborg/vaerestedet.yml", PARTNER)
    result = call(check_command.run, repo, paths=["partners/aalborg/vaerestedet.yml"])
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "partners/aalborg/vaerestedet.yml:1: id'et 'vaerestedet' bruges også af partners/aarhus/vaerestedet.yml — "
        "giv filen et andet navn, fx med kommunens navn i",
        "(Der er også 1 fejl i andre filer — kør 'rummelig check' uden filnavne for at se dem.)",
        "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet."]


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
    assert err.getvalue() == ("1 fejl og 1 advarsel i 1 fil. Sitet bygges ikke, før fejlene er rettet "
                              "(advarsler stopper ikke bygget).\n")
