"""What only a separate process shows: `python -m rummelig` wires the arguments to the commands,
exits with their codes (0, 1 for problems, 2 for a wrong call), prints help, and stops quietly
when the reader of its output goes away. Everything else about the commands is tested
in-process, through their `run(…, out=, err=)` functions (tests/support.py: `call`).

The command line speaks Danish (issue 17): argparse's own words ("usage", "positional
arguments", "show this help message and exit", its error messages) never reach a user."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import subprocess
import sys

import pytest

from rummelig.cli import build_parser, danish_message
from tests.support import STRATEGY, break_partner, run_cli, write


def test_check_exit_0_and_summary(repo):
    result = run_cli("check", cwd=repo)
    assert result.returncode == 0
    assert result.stdout == "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret.\n"
    assert result.stderr == ""


def test_check_stops_on_the_edition_the_build_would_stop_on(repo):
    """`make site LIBRARY=x` runs the check with RUMMELIG_LIBRARY=x first: a wrong id stops there,
    in Danish, with the valid ids — not in the build after "Alt i orden" (found in the QA pass)."""
    wrong = run_cli("check", cwd=repo, env={"RUMMELIG_LIBRARY": "testbibb"})
    assert wrong.returncode == 1
    assert wrong.stdout.splitlines() == [
        "mkdocs.yml: LIBRARY er sat til 'testbibb', men der er intet bibliotek med det id (mente du 'testbib'?) — "
        "brug et af id'erne i libraries/: testbib, fx 'make site LIBRARY=testbib', eller byg uden LIBRARY for den "
        "nationale udgave",
        "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet."]
    assert run_cli("check", "--library", "testbibb", cwd=repo).stdout == wrong.stdout
    right = run_cli("check", cwd=repo, env={"RUMMELIG_LIBRARY": "testbib"})
    assert (right.returncode, right.stdout) == (0, "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret.\n")
    national = run_cli("check", cwd=repo, env={"RUMMELIG_LIBRARY": ""})  # the Makefile exports it empty
    assert national.returncode == 0


@pytest.mark.parametrize(("address", "expected"), [
    ("intra.kommune.dk/rummelig/",
     "mkdocs.yml: RUMMELIG_SITE_URL er 'intra.kommune.dk/rummelig/', men adressen skal starte med https:// (eller "
     "http://) og serverens navn — skriv hele adressen, som browseren viser den, fx "
     "RUMMELIG_SITE_URL=https://intra.kommune.dk/rummelig/ make site"),
    ("https://intra.kommune.dk/rummelig/ ",
     "mkdocs.yml: RUMMELIG_SITE_URL er 'https://intra.kommune.dk/rummelig/ ', og der er et mellemrum i adressen, så "
     "404-sidens links bliver forkerte — fjern mellemrummet, fx RUMMELIG_SITE_URL=https://intra.kommune.dk/rummelig/ "
     "make site"),
])
def test_check_stops_on_a_site_address_the_build_would_refuse_or_break(repo, address, expected):
    """drift.md's sub-path build, `RUMMELIG_SITE_URL=… make site`: without https:// MkDocs stopped in
    English after "Alt i orden", and a trailing space built a 404 page whose links went to
    "/rummelig/ /assets/…" (found in the QA pass)."""
    wrong = run_cli("check", cwd=repo, env={"RUMMELIG_SITE_URL": address})
    assert wrong.returncode == 1
    assert wrong.stdout.splitlines() == [
        expected, "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet."]
    for right in ("https://intra.kommune.dk/rummelig/", "http://intranet/rummelig", ""):
        assert run_cli("check", cwd=repo, env={"RUMMELIG_SITE_URL": right}).returncode == 0, right


def test_all_problems_of_a_run_together_sorted_by_file(repo):
    break_partner(repo, "type: drop-in-centre", "type: x")
    write(repo, "libraries/testbib.yml", (repo / "libraries/testbib.yml").read_text().replace('"8000"', '"800"'))
    write(repo, "strategies/en-gaest-sover.md", STRATEGY.replace("owner: testbib", "owner: ukendt"))
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "libraries/testbib.yml", "partners/aarhus/vaerestedet.yml", "strategies/en-gaest-sover.md"]
    assert lines[-1] == "3 fejl og 0 advarsler i 3 filer. Sitet bygges ikke, før fejlene er rettet."
    assert "Traceback" not in result.stdout + result.stderr


def test_closed_pipe_is_not_a_traceback(repo):
    write(repo, "libraries/testbib.yml", "x: 1\n" * 1)
    for n in range(400):
        write(repo, f"libraries/bib-{n}.yml", "x: 1\n")
    proc = subprocess.run(f"{sys.executable} -m rummelig check | head -n 1", shell=True, cwd=repo,
                          capture_output=True, text=True)
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_the_arguments_reach_the_commands(repo, tmp_path):
    """Each command's parser hands its options to its function (one call each: the functions
    themselves are tested in-process)."""
    review = run_cli("review", "--today", "2027-11-01", "--format", "json", cwd=repo)
    assert (review.returncode, review.stdout.splitlines()[1]) == (0, '  "today": "2027-11-01",')
    added = run_cli("encounters", "add", "testbib", "hjaelp", "--count", "2", "--date", "2026-01-05", "--note",
                    "En god snak.", cwd=repo)
    assert added.returncode == 0, added.stderr
    exported = run_cli("encounters", "export", "--format", "json", "--library", "testbib", "--from", "2026-01",
                       "--to", "2026-01", cwd=repo)
    assert '"total": 2' in exported.stdout
    hsds = run_cli("export", "hsds", "--include-examples", str(tmp_path / "ud"), cwd=repo)
    assert hsds.returncode == 0 and (tmp_path / "ud" / "json" / "services.json").is_file()
    owners = run_cli("codeowners", "--org", "kbh-bib", "--maintainers", "red", cwd=repo)
    assert "@kbh-bib/red" in owners.stdout
    links = run_cli("links", "--format", "json", cwd=repo)
    assert links.stdout.startswith("[")
    # Last: the new file's placeholders are errors, which would stop the export above.
    new = run_cli("new", "partner", "aarhus/ny", "--library", "testbib", "--type", "police", "--title", "Politiet",
                  cwd=repo)
    assert new.returncode == 0, new.stderr
    text = (repo / "partners/aarhus/ny.yml").read_text(encoding="utf-8")
    assert "name: Politiet\n" in text and "type: police\n" in text and "verified_by: testbib\n" in text


def test_the_commands_find_the_project_from_a_folder_inside_it(repo, tmp_path):
    """Like git: run in a content folder, a command works on the project above it (it used to
    say the folder held no content). Paths are still read from where the command runs."""
    inside = repo / "partners" / "aarhus"
    check = run_cli("check", cwd=inside)
    assert (check.returncode, check.stdout, check.stderr) == (
        0, "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret.\n", "")
    named = run_cli("check", "vaerestedet.yml", cwd=inside)
    assert (named.returncode, named.stdout) == (0, "Alt i orden i 1 valgt fil.\n")
    review = run_cli("review", "--format", "json", cwd=repo / "strategies")
    assert review.returncode == 0 and review.stdout.startswith("{")
    new = run_cli("new", "partner", "aalborg/ny", "--library", "testbib", cwd=inside)
    assert new.returncode == 0 and (repo / "partners/aalborg/ny.yml").is_file(), new.stderr
    assert not (inside / "partners").exists()
    # Outside any project: a Danish message with the fix, exit 2 (a usage error), for every command.
    nowhere = tmp_path / "andet"
    nowhere.mkdir()
    for argv in (["check"], ["review"], ["links"], ["new", "partner", "aarhus/x"], ["schema", "--check"]):
        result = run_cli(*argv, cwd=nowhere)
        assert (result.returncode, result.stdout, result.stderr) == (
            2, "", f"rummelig {argv[0]}: {nowhere} ligger ikke i et projekt til Det rummelige bibliotek (ingen af "
            "mapperne strategies/, libraries/, partners/, encounters/ her eller i mapperne over) — gå ind i projektets "
            "mappe (cd), eller nævn den med --root\n"), argv


def test_a_wrong_call_exits_with_2_and_says_so(repo):
    review = run_cli("review", "--today", "2027-02-30", cwd=repo)
    assert (review.returncode, review.stderr) == (
        2, "rummelig review: --today '2027-02-30' er ikke en dato — skriv ÅÅÅÅ-MM-DD, fx 2026-11-20\n")
    export = run_cli("export", cwd=repo)
    assert export.returncode == 2
    assert ("rummelig export: vælg, hvad der skal eksporteres: hsds — fx 'rummelig export hsds eksport/'"
            in export.stderr)
    assert "Traceback" not in export.stderr


def test_help_lists_every_command(tmp_path):
    from rummelig.cli import COMMANDS

    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert all(name in result.stdout for name in COMMANDS)


# -- in Danish (issue 17) --------------------------------------------------------------------------

# argparse's own words, and its default metavar (the option's name in capitals: --date DATE).
ENGLISH = re.compile(r"usage|positional arguments|options:|show this help|show program|error:|"
                     r"required|invalid choice|expected one argument|--[\w-]+ [A-Z]{2,}\b")


def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parser and every sub-command's parser, all the way down."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += parsers(sub)
    return found


def test_every_help_text_is_danish():
    everything = parsers(build_parser())
    assert len(everything) >= 15
    for parser in everything:
        text = parser.format_help()
        assert text.startswith("brug: "), parser.prog
        assert "tilvalg:" in text and "vis denne hjælp, og afslut" in text, parser.prog
        assert not ENGLISH.search(text), (parser.prog, ENGLISH.search(text))


def test_the_type_list_shows_the_danish_words(monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # one line per option: no word broken at a hyphen
    partner = next(p for p in parsers(build_parser()) if p.prog.endswith("new partner"))
    flat = partner.format_help()
    assert "drop-in-centre (værested)" in flat and "outreach-worker (gadeteam/opsøgende medarbejder (skp))" in flat


@pytest.mark.parametrize(("argv", "expected"), [
    (["chek"], "rummelig: 'chek' kan ikke bruges som kommando (mente du 'check'?) — skriv en af: check, export, "
               "materialize, new, links, schema, review, encounters, codeowners"),
    (["new", "partner"], "rummelig new partner: der mangler kommune/id — se 'rummelig new partner --help'"),
    (["check", "--format"], "rummelig check: --format skal have en værdi efter sig — se 'rummelig check --help'"),
    (["check", "--bogus"], "rummelig: '--bogus' kendes ikke her — se 'rummelig --help'"),
])
def test_usage_errors_are_danish(tmp_path, argv, expected):
    result = run_cli(*argv, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == expected
    assert result.stderr.startswith("brug: ")


def test_an_unknown_argparse_message_is_passed_on_with_the_help_hint():
    assert danish_message("something new", "rummelig") == ("something new", "se 'rummelig --help'")


@pytest.mark.parametrize("argv", [["check"], ["--root", "x", "check", "--format", "github"], ["--root=x", "review"],
                                  ["encounters", "add", "--help"], ["--help"], ["-h", "check"], ["chek"],
                                  ["--root", "check", "links"], []])
def test_a_command_line_parses_as_with_every_command_there(argv: list[str]) -> None:
    """`rummelig <command>` registers only that command's arguments (issue 18): whatever is
    typed parses, helps and fails exactly as with every command registered."""
    def parse(parser) -> tuple[object, str, str]:  # type: ignore[no-untyped-def]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                found: object = vars(parser.parse_args(argv))
            except SystemExit as stop:
                found = ("exit", stop.code)
        if isinstance(found, dict):
            found = {k: v for k, v in found.items() if k != "run"}
        return found, out.getvalue(), err.getvalue()

    assert parse(build_parser(argv)) == parse(build_parser())


def test_every_choice_is_named_in_its_help_with_the_default_marked():
    """A user types what the help shows: 'uddata som tekst eller JSON' led to '--format tekst'."""
    for parser in parsers(build_parser()):
        for action in parser._actions:
            if not action.choices or action.help in (None, argparse.SUPPRESS) or isinstance(action.choices, dict):
                continue
            for choice in action.choices:
                assert re.search(rf"(?<![\w-]){re.escape(str(choice))}(?![\w-])", action.help), (parser.prog, choice)
            if action.default is not None:
                assert f"{action.default} (standard)" in action.help, (parser.prog, action.option_strings)
