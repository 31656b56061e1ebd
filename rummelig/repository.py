"""Load a whole content repository: files → typed records, plus every problem found."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from rummelig.encounters.loading import EncounterData, load_encounter_source
from rummelig.loading.frontmatter import load_markdown
from rummelig.loading.sources import SourceFile, discover, read_text
from rummelig.loading.yamlfile import Loaded, load_yaml
from rummelig.models import Library, Partner, Strategy
from rummelig.models.errors import add_validation_errors
from rummelig.models.reference import PARTNER_TYPES
from rummelig.problems import Problems

M = TypeVar("M", bound=BaseModel)


@dataclass
class Record(Generic[M]):
    source: SourceFile
    model: M
    loaded: Loaded
    body: str = ""
    body_first_line: int = 1

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def rel(self) -> str:
        return self.source.rel

    def line(self, *path: str | int) -> int | None:
        return self.loaded.line(path)


@dataclass
class Repository:
    root: Path
    problems: Problems = field(default_factory=Problems)
    sources: list[SourceFile] = field(default_factory=list)
    libraries: dict[str, Record[Library]] = field(default_factory=dict)
    partners: dict[str, Record[Partner]] = field(default_factory=dict)
    strategies: dict[str, Record[Strategy]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # rel path → text, for text-wide checks
    encounters: EncounterData = field(default_factory=EncounterData)  # good encounters (issue 7)

    def library_ids(self) -> set[str]:
        """Ids of every library file, valid or not: a library whose file has errors of its own
        is reported there, not again wherever it is referenced."""
        return {source.id for source in self.sources if source.kind == "library"}

    def _cached(self, name: str, build):
        """`build()`, computed once per set of partner records (pages ask for these groupings once
        per library; recomputing them made rendering grow as libraries × partners; issue 8)."""
        key = tuple(map(id, self.partners.values()))
        cache = self.__dict__.setdefault("_partner_cache", {})
        hit = cache.get(name)
        if hit is None or hit[0] != key:
            hit = cache[name] = (key, build())
        return hit[1]

    def partners_by_folder(self) -> dict[str, list[Record[Partner]]]:
        return {k: list(v) for k, v in self._cached("by_folder", self._partners_by_folder).items()}

    def _partners_by_folder(self) -> dict[str, list[Record[Partner]]]:
        groups: dict[str, list[Record[Partner]]] = defaultdict(list)
        for record in self.partners.values():
            groups[record.source.folder or ""].append(record)
        return {k: sorted(v, key=lambda r: r.model.name.lower()) for k, v in sorted(groups.items())}

    def partners_by_type(self) -> dict[str, list[Record[Partner]]]:
        groups: dict[str, list[Record[Partner]]] = defaultdict(list)
        for record in self.partners.values():
            groups[record.model.type].append(record)
        return {k: sorted(v, key=lambda r: (r.source.folder or "", r.model.name.lower())) for k, v in groups.items()}

    def partners_for_library(self, library_id: str) -> list[Record[Partner]]:
        """Partners a library works with: named in `libraries`, or (by default) in its municipality."""
        library = self.libraries[library_id].model
        named, local = self._cached("for_library", self._partners_for_libraries)
        # (position, record) in the order of self.partners, so ties sort as they always did
        chosen = [*named.get(library_id, ()), *local.get(library.municipality, ())]
        chosen.sort(key=lambda item: item[0])
        # Verified entries first, then in the contract's order of partner types (street nurses,
        # drop-in centres, shelters, …): the order a colleague on the floor looks in.
        order = {key: index for index, key in enumerate(PARTNER_TYPES)}
        return sorted((record for _, record in chosen),
                      key=lambda r: (not r.model.is_verified, order[r.model.type], r.model.name.lower()))

    def _partners_for_libraries(self) -> tuple[dict[str, list], dict[str | None, list]]:
        named: dict[str, list] = defaultdict(list)   # library id → partners that name it
        local: dict[str | None, list] = defaultdict(list)  # folder → partners that name no library
        for position, record in enumerate(self.partners.values()):
            if record.model.libraries is not None:
                for library_id in dict.fromkeys(record.model.libraries):
                    named[library_id].append((position, record))
            else:
                local[record.source.folder].append((position, record))
        return named, local


_MODELS: dict[str, type[BaseModel]] = {"library": Library, "partner": Partner, "strategy": Strategy}


def _parse(source: SourceFile, text: str, problems: Problems) -> tuple[Loaded, str, int] | None:
    if source.kind == "strategy":
        document = load_markdown(text, source.rel, problems)
        return (document.meta, document.body, document.body_first_line) if document else None
    loaded = load_yaml(text, source.rel, problems)
    if loaded is None:
        return None
    if loaded.data is None:
        problems.error(source.rel, 1, "filen indeholder ingen nøgler",
                       "udfyld den ud fra skabelonen (rummelig new …)", "yaml.empty")
        return None
    if not isinstance(loaded.data, dict):
        problems.error(source.rel, loaded.line(()),
                       "filen skal bestå af nøgler og værdier, ikke en liste eller en tekst",
                       "skriv én nøgle pr. linje som 'nøgle: værdi', som i skabelonen", "yaml.not-mapping")
        return None
    return loaded, "", 1


def load_record(source: SourceFile, problems: Problems, texts: dict[str, str] | None = None) -> Record | None:
    text = read_text(source, problems)
    if text is None:
        return None
    if texts is not None:
        texts[source.rel] = text
    parsed = _parse(source, text, problems)
    if parsed is None:
        return None
    loaded, body, body_line = parsed
    model_class = _MODELS[source.kind]
    try:
        model = model_class.model_validate(loaded.data)
    except ValidationError as exc:
        add_validation_errors(exc, model_class, loaded, source.rel, problems)
        return None
    return Record(source, model, loaded, body, body_line)


def load_repository(root: Path) -> Repository:
    """Load and validate everything under `root`. Never raises for bad content."""
    from rummelig.rules import apply_rules

    repo = Repository(root=root)
    repo.sources = discover(root, repo.problems)
    buckets = {"library": repo.libraries, "partner": repo.partners, "strategy": repo.strategies}
    for source in repo.sources:
        if source.kind == "encounters":
            load_encounter_source(repo, source)
            continue
        if source.kind not in buckets:
            continue
        try:
            record = load_record(source, repo.problems, repo.texts)
        except Exception as exc:  # noqa: BLE001 - a bug must not become a traceback for a contributor
            repo.problems.error(source.rel, None, f"uventet intern fejl ({type(exc).__name__})",
                                "meld fejlen til projektets vedligeholdere, og vedlæg filen", "internal")
            continue
        if record is None:
            continue
        bucket = buckets[source.kind]
        if record.id in bucket:
            other = bucket[record.id].rel
            repo.problems.error(source.rel, 1, f"id'et '{record.id}' bruges også af {other}",
                                "giv filen et andet navn, fx med kommunens navn i", "rules.duplicate-id")
            continue
        bucket[record.id] = record
    apply_rules(repo)
    return repo
