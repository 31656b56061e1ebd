"""`rummelig export hsds`: writes the export, counts what it left out, refuses broken content.
(`rummelig export` without a kind: test_cli.py.)"""

from __future__ import annotations

import json

from rummelig.commands.export import run_hsds
from tests.support import call, write


def test_cli_writes_the_export_and_counts_what_it_left_out(repo, tmp_path):
    result = call(run_hsds, repo, tmp_path / "ud")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"HSDS 3.0-eksport skrevet til {tmp_path / 'ud'}: 0 organisationer, 0 tilbud, 0 åbningstider og "
        "0 telefonnumre (JSON i json/, CSV med datapackage.json i csv/).",
        "1 eksempel (status: eksempel) er ikke med, fordi oplysningerne ikke er kontrolleret — brug "
        "--include-examples for at tage dem med, fx til en test."]
    assert json.loads((tmp_path / "ud" / "json" / "services.json").read_text(encoding="utf-8")) == []
    result = call(run_hsds, repo, tmp_path / "ud", include_examples=True)
    assert (result.returncode, result.stdout) == (1, f"rummelig export: {tmp_path / 'ud'}: indeholder en tidligere "
                                                     "udgave — brug --replace for at skrive den forfra\n")
    result = call(run_hsds, repo, tmp_path / "ud", include_examples=True, replace=True)
    assert "1 organisation, 1 tilbud, 1 åbningstid og 1 telefonnummer" in result.stdout


def test_cli_exports_nothing_when_the_content_has_errors(repo, tmp_path):
    path = repo / "partners/aarhus/vaerestedet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr"),
                    encoding="utf-8")
    result = call(run_hsds, repo, tmp_path / "ud")
    assert result.returncode == 1
    assert "partners/aarhus/vaerestedet.yml:2: 'type' er 'shelterr' — brug en af:" in result.stdout
    assert result.stdout.splitlines()[-1] == ("Der er ikke eksporteret noget — ret fejlene først (samme beskeder "
                                              "som 'rummelig check').")
    assert not (tmp_path / "ud").exists()


def test_cli_says_so_when_it_cannot_write(repo, tmp_path):
    write(tmp_path, "en-fil", "x\n")
    result = call(run_hsds, repo, tmp_path / "en-fil")
    assert (result.returncode, result.stdout) == (1, f"{tmp_path / 'en-fil'}: findes allerede og er ikke en mappe — "
                                                     "vælg en anden mappe til eksporten.\n")
    result = call(run_hsds, repo, tmp_path / "en-fil" / "ud")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{tmp_path / 'en-fil' / 'ud'}: kunne ikke skrive eksporten (")


def test_help_names_the_key_the_examples_are_written_with(monkeypatch):
    """The sample partners say `status: eksempel`; `example: true` is the retired spelling."""
    from rummelig.cli import build_parser
    from tests.commands.test_cli import parsers

    monkeypatch.setenv("COLUMNS", "400")
    hsds = next(p for p in parsers(build_parser()) if p.prog.endswith("export hsds"))
    assert "--include-examples  tag også eksemplerne med (status: eksempel); deres oplysninger er ikke kontrolleret" \
        in hsds.format_help()
