"""Load the encounter files of a repository: the CSV files and the sample markers.

Called by `rummelig.repository.load_repository` for every source of kind "encounters".
`encounters/<library-id>/eksempel.yml` (with `example: true`) marks the folder's files as
sample data (docs-dev/contract.md §5.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pydantic import ValidationError

from rummelig.encounters.csvfile import EncounterFile, Row, parse_encounters
from rummelig.encounters.model import SampleMarker
from rummelig.loading.sources import ENCOUNTERS_SAMPLE_MARKER, SourceFile, read_text
from rummelig.loading.yamlfile import load_yaml
from rummelig.models.errors import add_validation_errors

if TYPE_CHECKING:
    from rummelig.repository import Repository

SAMPLE_MARKER = ENCOUNTERS_SAMPLE_MARKER


@dataclass
class EncounterData:
    files: list[EncounterFile] = field(default_factory=list)
    samples: dict[str, str] = field(default_factory=dict)  # library id → marker file (rel path)

    def rows(self, library: str | None = None) -> list[Row]:
        return [row for f in self.files if library is None or f.library == library for row in f.rows]

    def libraries(self) -> list[str]:
        return sorted({f.library for f in self.files})

    def is_sample(self, library: str) -> bool:
        return library in self.samples


def _load_marker(repo: Repository, source: SourceFile, text: str) -> None:
    loaded = load_yaml(text, source.rel, repo.problems)
    if loaded is None:
        return
    if not isinstance(loaded.data, dict):
        repo.problems.error(source.rel, 1, "filen skal indeholde nøglen 'example'",
                            "skriv 'example: true', hvis tallene i mappen er eksempeldata", "encounters.sample")
        return
    try:
        marker = SampleMarker.model_validate(loaded.data)
    except ValidationError as exc:
        add_validation_errors(exc, SampleMarker, loaded, source.rel, repo.problems)
        return
    if marker.example and source.folder:
        repo.encounters.samples[source.folder] = source.rel


def load_encounter_source(repo: Repository, source: SourceFile, today: date | None = None) -> None:
    try:
        _load(repo, source, today or date.today())
    except Exception as exc:  # noqa: BLE001 - a bug must not become a traceback for a contributor
        repo.problems.error(source.rel, None, f"uventet intern fejl ({type(exc).__name__})",
                            "meld fejlen til projektets vedligeholdere, og vedlæg filen", "internal")


def _load(repo: Repository, source: SourceFile, today: date) -> None:
    text = read_text(source, repo.problems)
    if text is None:
        return
    repo.texts[source.rel] = text
    if source.path.name == SAMPLE_MARKER:
        _load_marker(repo, source, text)
        return
    loaded = parse_encounters(text, source.rel, source.folder or "", int(source.id), today,
                              repo.problems)
    repo.encounters.files.append(loaded)
