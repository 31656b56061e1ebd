"""A CODEOWNERS file from the content: each library owns its profile, its municipality's
partner folder, its good-encounter counts and the playbooks it is `owner` of, so the forge
asks that library to review changes there. Same syntax on GitHub and GitLab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rummelig.freshness import responsible
from rummelig.kinds import KINDS

if TYPE_CHECKING:
    from rummelig.repository import Repository

DEFAULT_ORG = "det-rummelige-bibliotek"
DEFAULT_MAINTAINERS = "redaktionen"


def codeowners(repo: Repository, org: str = DEFAULT_ORG, maintainers: str = DEFAULT_MAINTAINERS) -> str:
    def team(name: str) -> str:
        return f"@{org}/{name}"

    by_municipality: dict[str, list[str]] = {}
    for library_id, record in sorted(repo.libraries.items()):
        by_municipality.setdefault(record.model.municipality, []).append(library_id)
    rows: list[tuple[str, str]] = [("*", team(maintainers))]
    for key, kind in KINDS.items():
        if kind.subfolder == "library":      # encounters/<library-id>/: that library's own counts
            rows += [(f"/{kind.folder}/{library_id}/", team(library_id)) for library_id in sorted(repo.libraries)]
        elif kind.subfolder == "area":       # partners/<kommune>/: every library in the municipality
            areas = sorted({source.folder for source in repo.sources if source.kind == key and source.folder})
            rows += [(f"/{kind.folder}/{area}/", " ".join(team(i) for i in by_municipality[area]))
                     for area in areas if area in by_municipality]
        else:                                # one file per entry: its responsible library
            rows += [(f"/{kind.folder}/{record.id}{kind.extension}", team(responsible(record)))
                     for _, record in sorted(repo.records[key].items()) if responsible(record) in repo.libraries]
    width = max(len(pattern) for pattern, _ in rows) + 2
    header = [
        "# CODEOWNERS for Det rummelige bibliotek — lavet med 'rummelig codeowners'.",
        "# Et øjebliksbillede af indholdet: lav den igen, når der kommer et bibliotek eller en strategi til.",
        "#",
        "# Hvert bibliotek ejer sin profil, sin kommunes partnermappe, sine gode møder og de strategier,",
        "# det er 'owner' af: GitHub og GitLab beder så det bibliotek om at godkende ændringer dér.",
        "# Sådan tages den i brug:",
        f"#   1. Opret et team pr. bibliotek med bibliotekets id som navn (fx {team('dokk1')}) og et",
        f"#      team for redaktionen ({team(maintainers)}).",
        "#   2. Kør 'rummelig codeowners --org <jeres organisation> > .github/CODEOWNERS' (GitLab:",
        "#      .gitlab/CODEOWNERS).",
        "# Den sidste linje, der passer på en fil, bestemmer.",
        "",
    ]
    return "\n".join(header + [f"{pattern.ljust(width)}{owners}" for pattern, owners in rows]) + "\n"
