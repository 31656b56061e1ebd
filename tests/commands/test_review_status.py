"""`rummelig review --library <id> --status`: what the library has approved, what is a draft
and what is still a sample — over exactly what its edition shows (issue 12 §1)."""

from __future__ import annotations

import io
import json
from datetime import date

from rummelig.commands import review
from tests.support import PARTNER, write

TODAY = date(2026, 11, 30)


def _run(root, *, fmt="text", library="testbib", status=True):
    out, err = io.StringIO(), io.StringIO()
    code = review.run(root, fmt, TODAY, library, out, err, status=status)
    return code, out.getvalue(), err.getvalue()


def test_status_lists_the_edition_by_status(repo):
    strategy = repo / "strategies/en-gaest-sover.md"
    approved = "onboarding: 1\nstatus: godkendt\napproved_by: Bibliotekets leder\napproved_on: 2026-11-20\n"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace("onboarding: 1\n", approved), encoding="utf-8")
    write(repo, "partners/odense/andet-sted.yml", PARTNER.replace("70 20 12 01", "70 20 12 02"))  # not in the edition
    code, out, err = _run(repo)
    assert (code, err) == (0, "")
    assert out == (
        "Status for Testbiblioteket (testbib) pr. 30. november 2026\n\n"
        "Godkendt af biblioteket: 1\n"
        "  strategies/en-gaest-sover.md: strategi 'En gæst sover'\n\n"
        "Udkast (ikke godkendt endnu): 1\n"
        "  libraries/testbib.yml: bibliotek 'Testbiblioteket'\n\n"
        "Eksempler fra redaktionen (ikke bibliotekets egne): 1\n"
        "  partners/aarhus/vaerestedet.yml: partner 'Værestedet i Testby'\n\n"
        "Sådan godkender I en side: læs den, ret den til, så den passer til jeres bibliotek, og skriv status: "
        "godkendt, approved_by (en rolle, aldrig et navn) og approved_on (dagens dato).\n")
    code, out, _ = _run(repo, fmt="json")
    data = json.loads(out)
    assert [e["path"] for e in data["statuses"]["eksempel"]] == ["partners/aarhus/vaerestedet.yml"]


def test_status_needs_a_library(repo):
    assert _run(repo, library=None) == (2, "", "rummelig review: --status kræver --library <bibliotek-id> — status "
                                               "gælder ét biblioteks udgave\n")
