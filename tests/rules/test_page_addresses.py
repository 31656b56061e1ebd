"""One source per page address (issue 13 item 7): a clash is an error naming both sources, the
reserved ids come from one table, and the site map lists exactly the pages the producers make."""

from __future__ import annotations

from pathlib import Path

from rummelig import addresses, sitemap
from rummelig.commands import new
from rummelig.pipeline import check_repository
from rummelig.render.all_pages import render_pages
from tests.support import PROJECT, call, write


def messages(root: Path) -> list[str]:
    return [p.format() for p in check_repository(root).problems]


def test_a_library_called_vejledning_clashes_with_the_encounters_guide(repo):
    (repo / "libraries/testbib.yml").rename(repo / "libraries/vejledning.yml")
    for rel in ("partners/aarhus/vaerestedet.yml", "strategies/en-gaest-sover.md"):
        path = repo / rel
        path.write_text(path.read_text(encoding="utf-8").replace("testbib", "vejledning"), encoding="utf-8")
    assert messages(repo) == [
        "libraries/vejledning.yml: siden får samme adresse (gode-moeder/vejledning/) som vejledningen til gode "
        "møder, som laves automatisk — giv filen et andet navn (et andet id)"]


def test_a_playbook_called_index_clashes_with_the_list_of_playbooks(repo):
    write(repo, "strategies/index.md", (repo / "strategies/en-gaest-sover.md").read_text(encoding="utf-8"))
    assert "strategies/index.md: siden får samme adresse (strategier/) som oversigten over strategierne, som laves " \
           "automatisk — giv filen et andet navn (et andet id)" in messages(repo)


def test_a_docs_page_at_a_generated_address_names_both_files(repo):
    write(repo, "docs/strategier/en-gaest-sover/index.md", "# Min egen side\n")
    assert messages(repo) == [
        "docs/strategier/en-gaest-sover/index.md: siden får samme adresse (strategier/en-gaest-sover/) som "
        "strategiens side, som laves ud fra strategies/en-gaest-sover.md — flyt eller omdøb siden i docs/",
        "strategies/en-gaest-sover.md: siden får samme adresse (strategier/en-gaest-sover/) som "
        "docs/strategier/en-gaest-sover/index.md — giv filen et andet navn (et andet id)"]


def test_a_docs_file_at_a_generated_file_is_an_error(repo):
    write(repo, "docs/api/partners.json", "[]\n")
    assert "docs/api/partners.json: filen har samme adresse som api/partners.json, som laves automatisk — slet " \
           "filen fra docs/" in messages(repo)


def test_reserved_ids_come_from_the_table_of_generated_pages():
    assert addresses.reserved("library") == {
        "vejledning": "vejledningen til gode møder (gode-moeder/vejledning/)",
        "index": "oversigtssiden i samme mappe (index.md er mappens egen side)"}
    assert addresses.reserved("strategy") == {"index": "oversigten over strategierne (strategier/)"}
    assert addresses.reserved("partner") == {}


def test_new_refuses_a_reserved_id(repo):
    result = call(new.run, repo, "library", "vejledning")
    assert (result.returncode, result.stderr) == (1, "rummelig new: id'et 'vejledning' er reserveret: siden ville få "
                                                     "samme adresse som vejledningen til gode møder "
                                                     "(gode-moeder/vejledning/) — vælg et andet id\n")
    assert not (repo / "libraries/vejledning.yml").exists()
    assert call(new.run, repo, "strategy", "index").returncode == 1


def test_the_site_map_lists_exactly_the_pages_the_producers_make(repo):
    for root in (PROJECT, repo):
        checked = check_repository(root)
        assert not checked.problems.has_errors()
        planned = sorted(p.uri for p in sitemap.generated_pages(checked.repo))
        assert planned == sorted(p.uri for p in render_pages(checked.repo))
