"""`rummelig review`: what is due, grouped by library, as text, Markdown and JSON. (A --today
that is no date: test_cli.py.)"""

from __future__ import annotations

import io
import json
from datetime import date

from rummelig.commands import review as review_command
from tests.support import call

# -- freshness ------------------------------------------------------------------------------------

def test_review_lists_stale_entries_grouped_by_library(repo):
    result = call(review_command.run, repo, today=date(2027, 11, 2))
    assert result.returncode == 0
    assert result.stdout == (
        "Forfaldent til gennemgang pr. 2. november 2027: 3.\n\n"
        "Testbiblioteket (testbib): 3\n"
        "  libraries/testbib.yml: bibliotek 'Testbiblioteket', sidst gennemgået 1. november 2026 (1 dag over tid)\n"
        "  partners/aarhus/vaerestedet.yml: partner 'Værestedet i Testby', sidst kontrolleret 1. november 2026 "
        "(1 dag over tid)\n"
        "  strategies/en-gaest-sover.md: strategi 'En gæst sover', sidst gennemgået 1. november 2026 "
        "(1 dag over tid)\n\n"
        "Sådan gør I:\n"
        "  strategi: læs den igennem, ret det, der ikke længere passer, og sæt last_reviewed til dagens dato\n"
        "  bibliotek: tjek kontakt og husregler, og sæt last_reviewed til dagens dato\n"
        "  partner: tjek telefonnummer, adresse og åbningstider hos partneren, og sæt last_verified til dagens dato\n")
    assert call(review_command.run, repo, today=date(2027, 11, 1)).stdout == \
        "Intet er forfaldent til gennemgang pr. 1. november 2027.\n"


def test_review_uses_review_every_months_and_writes_markdown_and_json(repo):
    path = repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("onboarding: 1", "review_every_months: 3"),
                    encoding="utf-8")
    out = io.StringIO()
    assert review_command.run(repo, "json", date(2027, 2, 2), out=out) == 0
    data = json.loads(out.getvalue())
    assert data["total"] == 1 and data["libraries"][0]["library"] == "testbib"
    assert data["libraries"][0]["items"] == [{
        "kind": "strategy", "id": "en-gaest-sover", "path": "strategies/en-gaest-sover.md", "title": "En gæst sover",
        "date_key": "last_reviewed", "last": "2026-11-01", "due": "2027-02-01", "days_overdue": 1}]
    out = io.StringIO()
    review_command.run(repo, "markdown", date(2027, 2, 2), out=out)
    assert out.getvalue() == (
        "# Forfaldent til gennemgang pr. 2. februar 2027\n\n"
        "1 punkt skal gennemgås. Sæt kryds, når I er færdige med et punkt, og husk at opdatere datoen i filen.\n\n"
        "## Testbiblioteket (testbib)\n\n"
        "- [ ] **En gæst sover** (strategi, `strategies/en-gaest-sover.md`): sidst gennemgået 1. november 2026, "
        "1 dag over tid. Sådan: læs den igennem, ret det, der ikke længere passer, og sæt last_reviewed til dagens "
        "dato (`last_reviewed`).\n")



def test_review_library_redaktionen_lists_the_shared_pages(repo):
    """gennemgang.md: the shared pages stand under `redaktionen`, so the editors can ask for theirs."""
    path = repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("owner: testbib", "owner: redaktionen"),
                    encoding="utf-8")
    result = call(review_command.run, repo, today=date(2027, 11, 2), library="redaktionen")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:4] == [
        "Forfaldent til gennemgang pr. 2. november 2027: 1.", "", "redaktionen: 1",
        "  strategies/en-gaest-sover.md: strategi 'En gæst sover', sidst gennemgået 1. november 2026 (1 dag over tid)"]
    wrong = call(review_command.run, repo, library="redaktion")
    assert (wrong.returncode, wrong.stderr) == (2, "rummelig review: biblioteket 'redaktion' findes ikke (mente du "
                                                   "'redaktionen'?) — brug id'et på en fil i libraries/, eller "
                                                   "redaktionen for de fælles sider\n")
    status = call(review_command.run, repo, library="redaktionen", status=True)
    assert (status.returncode, status.stderr) == (2, "rummelig review: --status gælder ét biblioteks udgave, og "
                                                     "redaktionen har ingen — brug id'et på en fil i libraries/\n")
