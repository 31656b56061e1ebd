"""`rummelig materialize <dir>`: the site source as plain files for engines without hooks (issue 9)."""

from __future__ import annotations

import json

from rummelig.commands import materialize
from tests.support import call, run_build, write


def test_a_materialized_tree_builds_without_hooks(site_repo, tmp_path):
    out = tmp_path / "plain"
    result = call(materialize.run, site_repo, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"Skrevet til {out}: ")
    assert "Kontrollen af indholdet sker nu kun med 'rummelig check'." in result.stdout
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "watch" not in config and "docs_dir: docs\n" in config
    page = (out / "docs" / "partnere" / "aarhus" / "index.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntitle: Partnere – Aarhus\n") and "Værestedet i Testby" in page
    assert (out / "docs" / "om.md").read_text(encoding="utf-8") == (site_repo / "docs" / "om.md").read_text(
        encoding="utf-8")
    assert (out / "docs" / "index.md").read_text(encoding="utf-8").startswith("---\ntitle: Forside\n")

    built = run_build(out)  # strict, as the project's config says; no hooks, no rummelig on the path needed
    assert built.returncode == 0, built.stderr
    card = (out / "site" / "biblioteker" / "testbib" / "kontaktkort" / "index.html").read_text(encoding="utf-8")
    assert "Hvem ringer jeg til?" in card and 'href="tel:+4589409200"' in card  # the library's own number
    assert 'href="../kontaktkort/"' not in card and 'href="../../"' in card  # the red strip: all libraries
    assert json.loads((out / "site" / "api" / "partners.json").read_text(encoding="utf-8"))["version"] == 2

    again = call(materialize.run, site_repo, out)
    assert again.returncode == 1
    assert again.stdout == (f"rummelig materialize: {out}: indeholder en tidligere udgave — brug --replace for at "
                            "skrive den forfra\n")
    assert call(materialize.run, site_repo, out, replace=True).returncode == 0
    assert not (out / "site").exists()  # replaced, not merged


def test_materialize_refuses_a_folder_it_did_not_write(site_repo, tmp_path):
    write(tmp_path, "mine/noter.txt", "vigtigt\n")
    result = call(materialize.run, site_repo, tmp_path / "mine", replace=True)
    assert result.returncode == 1
    assert result.stdout == (f"rummelig materialize: {tmp_path / 'mine'}: mappen er ikke tom — vælg en ny eller "
                             "tom mappe\n")
    assert (tmp_path / "mine" / "noter.txt").read_text(encoding="utf-8") == "vigtigt\n"
    result = call(materialize.run, site_repo, site_repo / "docs" / "plain", replace=True)
    assert result.returncode == 1 and "må ikke være projektets mappe eller ligge i docs/" in result.stdout


def test_materialize_writes_nothing_when_the_content_has_errors(site_repo, tmp_path):
    write(site_repo, "docs/partnere/index.md", "# Mine partnere\n")
    result = call(materialize.run, site_repo, tmp_path / "plain")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == ("docs/partnere/index.md: siden får samme adresse (partnere/) som "
                                             "oversigten over partnerne, som laves automatisk — flyt eller omdøb "
                                             "siden i docs/")
    assert result.stdout.splitlines()[-1] == "Der er ikke skrevet noget — ret fejlene først."
    assert not (tmp_path / "plain").exists()


def test_materialize_names_a_broken_config(site_repo, tmp_path):
    write(site_repo, "mkdocs.yml", "site_name: Test\ntheme: [material\n")
    result = call(materialize.run, site_repo, tmp_path / "plain")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [  # the check reads mkdocs.yml too now (its Markdown settings)
        "mkdocs.yml:3: kan ikke læses som YAML — ret filen, så 'mkdocs build' kan læse den",
        "1 fejl og 0 advarsler i 1 fil. Sitet bygges ikke, før fejlene er rettet.",
        "Der er ikke skrevet noget — ret fejlene først."]
    assert not (tmp_path / "plain").exists()
