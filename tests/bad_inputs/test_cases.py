"""The bad-input cases of cases.yml (next to this file), and the table generated from them
(docs-dev/bad-inputs.md) — issue 6, "done when"."""

from __future__ import annotations

import re

import pytest

from tests.bad_inputs import table


@pytest.fixture(scope="module")
def outcomes() -> list[table.Outcome]:
    return table.run_all()


def test_at_least_40_bad_inputs(outcomes):
    assert len(outcomes) >= 40
    assert sum(o.exit == 1 for o in outcomes) >= 40


def checked(outcomes: list[table.Outcome]) -> list[table.Outcome]:
    """The cases that run `rummelig check` (the others run the command they name)."""
    return [o for o in outcomes if "run" not in o.case]


def test_every_case_with_an_expected_output_gets_exactly_that(outcomes):
    for outcome in outcomes:
        if "expect" in outcome.case:
            assert outcome.output == outcome.case["expect"], outcome.case["input"]


def test_every_refused_input_names_its_file_and_line(outcomes):
    located = re.compile(r"^(?P<path>[^:\s][^:]*?)(?::(?P<line>\d+))?: ")
    for outcome in checked(outcomes):
        *problems, last = outcome.output
        if outcome.exit == 1:
            assert problems, outcome.case["input"]
            # The last line says what the counts mean for the build: errors stop it, warnings never.
            assert re.fullmatch(r"\d+ fejl og \d+ (advarsel|advarsler) i \d+ (fil|filer)\. Sitet bygges ikke, "
                                r"før fejlene er rettet( \(advarsler stopper ikke bygget\))?\.", last), last
        else:
            assert last.startswith("Alt i orden"), outcome.case["input"]
            assert not any(line for line in problems if "advarsel: " not in line), outcome.case["input"]
            if problems:
                assert last.endswith("stopper ikke bygget).") and "advars" in last, last
        for line in problems:
            # A file name holding a forged annotation is printed escaped, on this one line.
            match = located.match(line.replace("\\n::error file=", "\\n--error file="))
            assert match, line
            assert match["path"].split("/")[0] in {"libraries", "partners", "strategies", "encounters", "docs"}, line
            assert " — " in line, line  # every problem says what to do
            assert "intern fejl" not in line and "Traceback" not in line, line


def test_problems_that_have_a_line_give_it(outcomes):
    """File-level problems (name, place, size, encoding of a whole file) have no line; all
    others have one."""
    without_line = [line for o in checked(outcomes) for line in o.output[:-1] if not re.match(r"^[^:]+:\d+: ", line)]
    file_level = (r"filendelsen|filnavnet|symbolske links|forkert sted|skjult|for stor|ikke en kommune|HTML-filer|SVG"
                  r"|samme adresse|filtypen|filen hedder|JavaScript må kun")
    assert all(re.search(file_level, line) for line in without_line), without_line


def test_accepted_inputs_are_published_as_written(outcomes):
    for outcome in checked(outcomes):
        if outcome.exit == 0 and not any("advarsel" in line for line in outcome.output):
            assert outcome.shown is True, outcome.case["input"]
        if "shown" in outcome.case:
            assert outcome.shown is True, outcome.case["input"]


def test_no_value_or_file_name_adds_a_line(outcomes):
    for outcome in outcomes:
        assert not [line for line in outcome.output if line.startswith("::")], outcome.case["input"]


def test_personal_data_is_never_echoed(outcomes):
    for outcome in outcomes:
        if outcome.case["group"] == "Persondata":
            text = "\n".join(outcome.output)
            for secret in ("010190-1234", "0101901234", "22 33 44 55", "borger@example.dk", "1234", "702 012 01",
                           "Vestergade", "peter", "(at)", "Jensen"):
                assert secret not in text


def test_the_table_in_docs_dev_is_current(outcomes):
    expected = table.render(outcomes)
    actual = table.TABLE.read_text(encoding="utf-8")
    assert actual == expected, "docs-dev/bad-inputs.md er forældet: kør .venv/bin/python tests/bad_inputs/table.py"
