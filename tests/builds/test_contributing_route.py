"""The new-user path of CONTRIBUTING.md, both routes (the command and a copied template), ends
in a passing check and both pages in a real build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rummelig.commands import check as check_command
from rummelig.commands import new
from tests.support import PROJECT, call, fill, run_build

PARTNER_FILLED = [
    ("name: UDFYLD", "name: Værestedet i Mejlgade"),
    ("type: UDFYLD", "type: drop-in-centre"),
    ("description: UDFYLD", "description: Et værested med kaffe, mad og nogen at tale med."),
    ("helps_with:\n  - UDFYLD", "helps_with:\n  - et varmt måltid\n  - en snak"),
    ("when_to_contact:\n  - UDFYLD", "when_to_contact:\n  - En gæst fortæller, at hun ikke har spist i dag."),
    ("  phone: UDFYLD", '  phone: "70 20 12 02"'),
    ("  email: UDFYLD\n", ""),
    ("  url: UDFYLD\n", ""),
    ("  address: UDFYLD\n", ""),
    ("last_verified: UDFYLD", "last_verified: 2026-11-30"),
]


STRATEGY_FILLED = [
    ("title: UDFYLD", "title: En gæst har en hund med"),
    ("summary: UDFYLD", "summary: Sådan tager du imod en gæst, der har sin hund med."),
    ("first_steps:\n  - UDFYLD\n  - UDFYLD\n  - UDFYLD",
     "first_steps:\n  - Sig hej til gæsten og hunden.\n  - Fortæl roligt, hvad husets regler siger om hunde."),
    ("tags:\n  - UDFYLD", "tags:\n  - husregler"),
    ("UDFYLD: Beskriv situationen", "En gæst kommer ind med sin hund. Beskriv situationen"),
    ("UDFYLD: Skriv trinene", "1. Sig hej. Skriv trinene"),
    ("UDFYLD: Skriv et par", "- \"Hej, hvor er den fin.\" Skriv et par"),
    ("UDFYLD: Skriv, hvornår", "Kald på koordinatoren. Skriv, hvornår"),
    ("UDFYLD: Skriv, hvad man", "Registrér det gode møde. Skriv, hvad man"),
]


@pytest.fixture
def contributed_site(site_repo) -> Path:
    """Follow CONTRIBUTING.md: a partner from the command (git route), a playbook copied from
    skabeloner/ (web-editor route); both filled in."""
    root = site_repo
    for extra in ("overrides", "docs/assets", "docs/emner.md"):  # theme files mkdocs.yml may name
        if (PROJECT / extra).exists() and not (root / extra).exists():
            copy = shutil.copytree if (PROJECT / extra).is_dir() else shutil.copy
            copy(PROJECT / extra, root / extra)
    assert call(new.run, root, "partner", "aarhus/vaerestedet-i-mejlgade", library="testbib").returncode == 0
    fill(root / "partners/aarhus/vaerestedet-i-mejlgade.yml", PARTNER_FILLED)
    strategy = root / "strategies/gaest-med-hund.md"
    shutil.copy(PROJECT / "skabeloner/strategi.md", strategy)
    fill(strategy, STRATEGY_FILLED + [("contributed_by:\n  - UDFYLD", "contributed_by:\n  - testbib"),
                                      ("owner: UDFYLD", "owner: testbib"),
                                      ("last_reviewed: UDFYLD", "last_reviewed: 2026-11-20")])
    return root


def test_following_contributing_ends_in_a_passing_check_and_both_pages_in_the_site(contributed_site):
    check = call(check_command.run, contributed_site,
                 paths=["partners/aarhus/vaerestedet-i-mejlgade.yml", "strategies/gaest-med-hund.md"])
    assert (check.returncode, check.stdout) == (0, "Alt i orden i 2 valgte filer.\n"), check.stdout
    assert call(check_command.run, contributed_site).returncode == 0
    build = run_build(contributed_site)
    assert build.returncode == 0, build.stderr
    site = contributed_site / "site"
    playbook = (site / "strategier/gaest-med-hund/index.html").read_text(encoding="utf-8")
    assert "En gæst har en hund med" in playbook and "UDFYLD" not in playbook
    assert "Værestedet i Mejlgade" in (site / "partnere/aarhus/index.html").read_text(encoding="utf-8")
    assert "Værestedet i Mejlgade" in (site / "biblioteker/testbib/kontaktkort/index.html").read_text(encoding="utf-8")
    reference = (site / "bidrag/skema/index.html").read_text(encoding="utf-8")
    assert "when_to_contact" in reference and "Hvornår kontakter vi dem" in reference
    assert (site / "bidrag/index.html").is_file() and (site / "bidrag/sprogbrug/index.html").is_file()
