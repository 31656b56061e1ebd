"""The site builds with MkDocs 1.6 and with ProperDocs, and serves api/*.json (issue 9)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support import run_build

GENERATED = ["strategier/en-gaest-sover/index.html", "partnere/aarhus/index.html",
             "biblioteker/testbib/kontaktkort/index.html", "ny-medarbejder/index.html"]
API = ["api/partners.json", "api/strategies.json", "api/libraries.json"]
_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def _properdocs_build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    # ProperDocs looks for properdocs.yml first; naming mkdocs.yml keeps one config for both.
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--quiet", "-f", "mkdocs.yml", *extra],
                          cwd=root, capture_output=True, text=True, env=dict(os.environ))


def _api(site: Path, name: str) -> dict:
    return json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))


def test_mkdocs_and_properdocs_build_the_same_site_with_the_api_files(site_repo):
    built = {"mkdocs": run_build(site_repo, "--site-dir", "site-mkdocs"),
             "properdocs": _properdocs_build(site_repo, "--site-dir", "site-properdocs")}
    for engine, result in built.items():
        assert result.returncode == 0, f"{engine}: {result.stderr}"
        assert "Traceback" not in result.stderr
    mk, pd = site_repo / "site-mkdocs", site_repo / "site-properdocs"
    for uri in GENERATED + API:
        assert (mk / uri).is_file() and (pd / uri).is_file(), uri
    assert 'content="mkdocs-1.6.1' in (mk / GENERATED[0]).read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7' in (pd / GENERATED[0]).read_text(encoding="utf-8")
    files = sorted(p.relative_to(mk) for p in mk.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(pd) for p in pd.rglob("*") if p.is_file())
    for rel in files:  # docs-dev/facts.md: byte-identical but for the generator tag
        if rel.suffix in (".html", ".json"):
            one, two = (_GENERATOR.sub("", (site / rel).read_text(encoding="utf-8")) for site in (mk, pd))
            assert one == two, rel

    partners, strategies, libraries = (_api(mk, name) for name in ("partners", "strategies", "libraries"))
    assert [d["version"] for d in (partners, strategies, libraries)] == [2, 2, 2]
    assert [d["kind"] for d in (partners, strategies, libraries)] == ["partners", "strategies", "libraries"]
    partner = partners["items"][0]
    assert partner["id"] == "vaerestedet" and partner["example"] is True
    assert partner["type_label"] == "Værested" and partner["area"] == "aarhus"
    assert partner["municipality"] == {"slug": "aarhus", "name": "Aarhus", "code": "751",
                                       "region": "Region Midtjylland"}
    assert partner["contact"]["phone"] == {"text": "70 20 12 01", "display": "70 20 12 01", "tel": "+4570201201"}
    assert partner["opening_hours"] == [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00",
                                         "closes": "15:00", "overnight": False}]
    assert partner["libraries"] == ["testbib"] and partner["last_verified"] == "2026-11-01"
    page, anchor = partner["page"].split("#")
    assert anchor == "vaerestedet" and f'id="{anchor}"' in (mk / page / "index.html").read_text(encoding="utf-8")
    assert partner["provenance"] == {"status": "eksempel", "approved_by": None, "approved_on": None}
    strategy = strategies["items"][0]
    assert (strategy["id"], strategy["kind_label"], strategy["onboarding"]) == ("en-gaest-sover", "Situation", 1)
    assert (mk / strategy["page"] / "index.html").is_file()
    library = libraries["items"][0]
    assert library["partners"] == ["vaerestedet"] and library["approach_labels"] == ["Koordinatorer", "Partnerskaber"]
    for key in ("page", "contact_card", "house_rules_poster"):
        assert (mk / library[key] / "index.html").is_file(), key
