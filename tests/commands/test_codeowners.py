"""`rummelig codeowners`: each library owns its files."""

from __future__ import annotations

from rummelig.codeowners import DEFAULT_MAINTAINERS
from rummelig.commands import codeowners as codeowners_command
from rummelig.pipeline import check_repository
from tests.support import PROJECT, call, write


def test_codeowners_gives_each_library_its_files(repo):
    write(repo, "partners/hele-landet/linje.yml", (repo / "partners/aarhus/vaerestedet.yml").read_text("utf-8"))
    result = call(codeowners_command.run, repo, "kbh-bib", DEFAULT_MAINTAINERS)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line and not line.startswith("#")]
    assert rows == [["*", "@kbh-bib/redaktionen"], ["/strategies/en-gaest-sover.md", "@kbh-bib/testbib"],
                    ["/libraries/testbib.yml", "@kbh-bib/testbib"], ["/partners/aarhus/", "@kbh-bib/testbib"],
                    ["/encounters/testbib/", "@kbh-bib/testbib"]]
    assert call(codeowners_command.run, repo, "a b", DEFAULT_MAINTAINERS).returncode == 2


def test_codeowners_example_is_what_the_command_makes_for_this_repository():
    from rummelig.codeowners import codeowners

    example = (PROJECT / ".github/CODEOWNERS.example").read_text(encoding="utf-8")
    assert "/partners/aarhus/" in example and "/libraries/dokk1.yml" in example
    assert example.split("\n\n")[0] == codeowners(check_repository(PROJECT).repo).split("\n\n")[0]
