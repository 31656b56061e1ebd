"""Load the encounter files of a repository: the CSV files and the sample markers.

`load_encounter_file` loads one file of kind "encounters" for `rummelig.repository.load_unit`
(problems go to the list it is given); `collect` gathers the files of a repository.
`encounters/<library-id>/eksempel.yml` (with `example: true`) marks the folder's files as
sample data (contract §5.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from rummelig.kinds import ENCOUNTERS_SAMPLE_MARKER
from rummelig.loading.sources import SourceFile
from rummelig.problems import Problems

if TYPE_CHECKING:
    from rummelig.encounters.csvfile import EncounterFile, Row
# The CSV reader and the models (pydantic) are imported where a file is loaded: a check whose
# files all come from its cache loads none (issue 18).


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


def _is_sample_marker(source: SourceFile, text: str, problems: Problems) -> bool:
    from pydantic import ValidationError

    from rummelig.encounters.model import SampleMarker
    from rummelig.loading.yamlfile import load_yaml  # PyYAML: only when a marker is read (issue 18)
    from rummelig.models.errors import add_validation_errors

    loaded = load_yaml(text, source.rel, problems)
    if loaded is None:
        return False
    if not isinstance(loaded.data, dict):
        problems.error(source.rel, 1, "filen skal indeholde nøglen 'example'",
                       "skriv 'example: true', hvis tallene i mappen er eksempeldata", "encounters.sample")
        return False
    try:
        marker = SampleMarker.model_validate(loaded.data)
    except ValidationError as exc:
        add_validation_errors(exc, SampleMarker, loaded, source.rel, problems)
        return False
    return marker.example


def load_encounter_file(source: SourceFile, text: str, today: date,
                        problems: Problems) -> tuple[EncounterFile | None, bool | None]:
    """One file of kind "encounters", already read: (the parsed CSV, None) or, for a sample
    marker, (None, whether it marks the folder as sample data)."""
    from rummelig.encounters.csvfile import parse_encounters

    if source.path.name == ENCOUNTERS_SAMPLE_MARKER:
        return None, _is_sample_marker(source, text, problems)
    return parse_encounters(text, source.rel, source.folder or "", int(source.id), today, problems), None


def collect(sources_and_results: list[tuple[SourceFile, EncounterFile | None, bool | None]]) -> EncounterData:
    """The encounter data of a repository from its files' results, in the files' order."""
    data = EncounterData()
    for source, parsed, sample in sources_and_results:
        if parsed is not None:
            data.files.append(parsed)
        elif sample and source.folder:
            data.samples[source.folder] = source.rel
    return data
