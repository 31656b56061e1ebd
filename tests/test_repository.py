"""The repository (rummelig/repository.py): ids are unique across folders."""

from __future__ import annotations

from tests.support import PARTNER, messages, write


def test_duplicate_partner_id_across_folders(repo):
    write(repo, "partners/aalborg/vaerestedet.yml", PARTNER)
    # Both files: the new aalborg file is found first, and 'rummelig check <the new file>' shows only it.
    assert messages(repo) == ["partners/aalborg/vaerestedet.yml:1: id'et 'vaerestedet' bruges også af "
                              "partners/aarhus/vaerestedet.yml — giv filen et andet navn, fx med kommunens navn i",
                              "partners/aarhus/vaerestedet.yml:1: id'et 'vaerestedet' bruges også af "
                              "partners/aalborg/vaerestedet.yml — giv filen et andet navn, fx med kommunens navn i"]
