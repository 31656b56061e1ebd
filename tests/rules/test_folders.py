"""rules/folders.py: a partner's folder is a municipality, a region or hele-landet."""

from __future__ import annotations

from tests.support import messages


def test_unknown_municipality_folder(repo):
    (repo / "partners/aarhus/vaerestedet.yml").rename(repo / "partners/arhus.yml")
    (repo / "partners/arhus").mkdir()
    (repo / "partners/arhus.yml").rename(repo / "partners/arhus/vaerestedet.yml")
    assert messages(repo) == [
        "partners/arhus/vaerestedet.yml: mappen 'arhus' er ikke en kommune (mente du 'aarhus'?) — læg filen i "
        "partners/<kommune>/, hvor <kommune> er kommunens id (fx koebenhavn, aarhus, aalborg), i partners/<region>/ "
        "for en regions numre (region-hovedstaden, region-sjaelland, region-syddanmark, region-midtjylland, "
        "region-nordjylland) eller i partners/hele-landet/ for landsdækkende tilbud"]
