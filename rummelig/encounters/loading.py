"""Load the encounter files of a repository: the CSV files and the sample markers.

`load_encounters` is called by `rummelig.repository.load_repository` with the sources of kind
"encounters" and returns what it read; problems go to the list it is given.
`encounters/<library-id>/eksempel.yml` (with `example: true`) marks the folder's files as
sample data (contract §5.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from rummelig.encounters.csvfile import EncounterFile, Row, parse_encounters
from rummelig.encounters.model import SampleMarker
from rummelig.kinds import ENCOUNTERS_SAMPLE_MARKER
from rummelig.loading.sources import SourceFile, read_text
from rummelig.loading.yamlfile import load_yaml
from rummelig.models.errors import add_validation_errors
from rummelig.problems import Problems


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


def load_encounters(sources: list[SourceFile], today: date, problems: Problems,
                    texts: dict[str, str]) -> EncounterData:
    """Every encounter file and sample marker among `sources`; each text read goes into `texts`
    (the text-wide rules, such as privacy, read it there)."""
    data = EncounterData()
    for source in sources:
        try:
            text = read_text(source, problems)
            if text is None:
                continue
            texts[source.rel] = text
            if source.path.name == ENCOUNTERS_SAMPLE_MARKER:
                if _is_sample_marker(source, text, problems) and source.folder:
                    data.samples[source.folder] = source.rel
                continue
            data.files.append(parse_encounters(text, source.rel, source.folder or "", int(source.id), today,
                                               problems))
        except Exception as exc:  # noqa: BLE001 - a bug must not become a traceback for a contributor
            problems.error(source.rel, None, f"uventet intern fejl ({type(exc).__name__})",
                           "meld fejlen til projektets vedligeholdere, og vedlæg filen", "internal")
    return data
