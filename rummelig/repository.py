"""Stages 1–2: load a whole content repository — files → typed records — and return it
with every problem loading found. Loading never runs the cross-file rules (rummelig.rules)
and never raises for bad content; `rummelig.pipeline.check_repository` runs both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rummelig.encounters.loading import EncounterData, collect
from rummelig.kinds import DOCUMENT_KINDS, KINDS, Kind
from rummelig.loading.docs import DocsPage, discover_docs, load_docs_page
from rummelig.loading.frontmatter import load_markdown
from rummelig.loading.loaded import Loaded
from rummelig.loading.sources import SourceFile, decode_text, discover, read_bytes
from rummelig.problems import Problem, Problems

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rummelig.encounters.csvfile import EncounterFile
    from rummelig.models import Library, Partner, Strategy

# pydantic and the models are imported where a file is loaded, not here: a check whose files
# all come from its cache loads none (issue 18).
M = TypeVar("M", bound="BaseModel")
DOCS_KIND = "docs"  # SourceFile.kind of a page in docs/ (rummelig.loading.docs)


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

    @property
    def area(self) -> str:
        """A partner's area (its folder): a municipality, a region or hele-landet."""
        return self.source.folder or ""

    def line(self, *path: str | int) -> int | None:
        return self.loaded.line(path)


@dataclass
class Repository:
    root: Path
    today: date
    sources: list[SourceFile] = field(default_factory=list)
    records: dict[str, dict[str, Record[Any]]] = field(default_factory=lambda: {k: {} for k in DOCUMENT_KINDS})
    docs: list[DocsPage] = field(default_factory=list)        # the hand-written pages in docs/
    docs_static: list[str] = field(default_factory=list)     # the other files in docs/ (rel paths)
    texts: dict[str, str] = field(default_factory=dict)       # rel path → text, for text-wide rules
    encounters: EncounterData = field(default_factory=EncounterData)
    # Names of libraries outside this repository's view (an edition keeps only its own library).
    other_libraries: dict[str, str] = field(default_factory=dict)
    # What the repository rules found in each file alone, kept by the pipeline (rules.per_file_findings):
    # rel path → {rule module: its data}. Empty: a rule works it out from the files themselves.
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def strategies(self) -> dict[str, Record[Strategy]]:
        return self.records["strategy"]

    @property
    def libraries(self) -> dict[str, Record[Library]]:
        return self.records["library"]

    @property
    def partners(self) -> dict[str, Record[Partner]]:
        return self.records["partner"]

    def library_name(self, library_id: str) -> str | None:
        record = self.libraries.get(library_id)
        return record.model.name if record else self.other_libraries.get(library_id)

    def file_ids(self, kind: str) -> set[str]:
        """Ids of every file of `kind`, valid or not: one whose file has errors of its own is
        reported there, not again wherever it is referenced."""
        return {source.id for source in self.sources if source.kind == kind}

    def library_ids(self) -> set[str]:
        return self.file_ids("library")

    def _once(self, name: str, build: Callable[[], Any]) -> Any:
        """`build()`, computed once: a repository is not changed after loading, and pages ask
        for these groupings once per library (recomputing them made rendering grow as
        libraries × partners; issue 8)."""
        if name not in self._derived:
            self._derived[name] = build()
        return self._derived[name]

    def partners_by_area(self) -> dict[str, list[Record[Partner]]]:
        def build() -> dict[str, list[Record[Partner]]]:
            groups: dict[str, list[Record[Partner]]] = defaultdict(list)
            for record in self.partners.values():
                groups[record.area].append(record)
            return {k: sorted(v, key=lambda r: r.model.name.lower()) for k, v in sorted(groups.items())}
        return dict(self._once("by_area", build))

    def partners_by_type(self) -> dict[str, list[Record[Partner]]]:
        def build() -> dict[str, list[Record[Partner]]]:
            groups: dict[str, list[Record[Partner]]] = defaultdict(list)
            for record in self.partners.values():
                groups[record.model.type].append(record)
            return {k: sorted(v, key=lambda r: (r.area, r.model.name.lower())) for k, v in groups.items()}
        return dict(self._once("by_type", build))

    def partners_for_library(self, library_id: str) -> list[Record[Partner]]:
        """Partners a library works with: named in `libraries`, or (by default) in its municipality.
        Verified entries first, then in the contract's order of partner types (street nurses,
        drop-in centres, shelters, …): the order a colleague on the floor looks in."""
        library = self.libraries[library_id].model
        named, local = self._once("for_library", self._partners_for_libraries)
        # (position, record) in the order of self.partners, so ties sort as they always did
        chosen = [*named.get(library_id, ()), *local.get(library.municipality, ())]
        chosen.sort(key=lambda item: item[0])
        from rummelig.models.reference import PARTNER_TYPES

        order = {key: index for index, key in enumerate(PARTNER_TYPES)}
        return sorted((record for _, record in chosen),
                      key=lambda r: (not r.model.is_verified, order[r.model.type], r.model.name.lower()))

    def _partners_for_libraries(self) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
        named: dict[str, list[Any]] = defaultdict(list)   # library id → partners that name it
        local: dict[str, list[Any]] = defaultdict(list)   # area → partners that name no library
        for position, record in enumerate(self.partners.values()):
            if record.model.libraries is not None:
                for library_id in dict.fromkeys(record.model.libraries):
                    named[library_id].append((position, record))
            else:
                local[record.area].append((position, record))
        return named, local


def _parse(kind: Kind, source: SourceFile, text: str, problems: Problems) -> tuple[Loaded, str, int] | None:
    if kind.fmt == "markdown":
        document = load_markdown(text, source.rel, problems)
        return (document.meta, document.body, document.body_first_line) if document else None
    from rummelig.loading.yamlfile import load_yaml  # PyYAML: only when a file is loaded

    loaded = load_yaml(text, source.rel, problems)
    if loaded is None:
        return None
    if loaded.data is None:
        problems.error(source.rel, 1, "filen indeholder ingen nøgler",
                       kind.empty_fix, "yaml.empty")
        return None
    if not isinstance(loaded.data, dict):
        problems.error(source.rel, loaded.line(()),
                       "filen skal bestå af nøgler og værdier, ikke en liste eller en tekst",
                       "skriv én nøgle pr. linje som 'nøgle: værdi', som i skabelonen", "yaml.not-mapping")
        return None
    return loaded, "", 1


def _kept_record(unit: Unit, text: str, problems: Problems, kept: bytes | None) -> Record[Any] | None:
    """`_record` of a playbook, library or partner, taken from what was kept of the same front matter
    (a YAML file: the same text) in the check before (`kept`, rummelig/loading/kept_front.py) when it
    has not changed, or made from it when only free texts changed (`kept_front.changed`); else loaded,
    and kept in `unit.front`."""
    from rummelig.loading import kept_front
    from rummelig.loading.frontmatter import split_front_matter

    kind = KINDS[unit.source.kind]
    parts: tuple[str, str, int] | None = None
    if kind.fmt == "markdown":
        parts = split_front_matter(text)
        if parts is None:
            return _record(unit.source, text, problems)
        front = parts[0]
    else:
        front = text
    whole = text if kind.fmt != "markdown" else None  # a YAML file keeps its text, not its values
    key = kept_front.front_key(front)
    if kept and (found := kept_front.taken(kept, key, lambda: kind.model)) is not None:
        problems.extend(found[0])
        unit.front = kept
        if found[1] is None:
            return None
        body, body_line = (parts[1], parts[2]) if parts is not None else ("", 1)
        return Record(unit.source, found[2], found[1], body, body_line)
    mine = Problems()
    parsed = _parse(kind, unit.source, text, mine)
    if parsed is not None and kept:
        read = mine.sorted()
        if (made := kept_front.changed(kept, key, parsed[0], read, lambda: kind.model, whole)) is not None:
            problems.extend(read)
            unit.front = made[1]
            return Record(unit.source, made[0], parsed[0], parsed[1], parsed[2])
    record = _validated(unit.source, kind, parsed, mine)
    own = mine.sorted()
    problems.extend(own)
    unit.front = kept_front.keep(key, own, record.loaded if record else None, record.model if record else None,
                                 whole)
    return record


def _record(source: SourceFile, text: str, problems: Problems) -> Record[Any] | None:
    kind = KINDS[source.kind]
    return _validated(source, kind, _parse(kind, source, text, problems), problems)


def _validated(source: SourceFile, kind: Kind, parsed: tuple[Loaded, str, int] | None,
               problems: Problems) -> Record[Any] | None:
    if parsed is None or kind.model is None:
        return None
    from pydantic import ValidationError

    loaded, body, body_line = parsed
    try:
        model = kind.model.model_validate(loaded.data)
    except ValidationError as exc:
        from rummelig.models.errors import add_validation_errors  # only a file with errors needs it

        add_validation_errors(exc, kind.model, loaded, source.rel, problems)
        return None
    return Record(source, model, loaded, body, body_line)


@dataclass
class Unit:
    """One file after the per-file stage: what it holds, its text and the problems loading it
    found. `rummelig.pipeline` adds the file rules' problems (rummelig/rules, SCOPE = FILE) and
    keeps the whole by the file's content (rummelig/cache.py), so an unchanged file is not
    loaded again."""

    source: SourceFile
    text: str | None = None                  # None: the file could not be read
    problems: list[Problem] = field(default_factory=list)
    record: Record[Any] | None = None        # a document's typed record (None: it has errors)
    encounters: EncounterFile | None = None  # an encounters/<library-id>/<year>.csv
    sample: bool | None = None               # an encounters/<library-id>/eksempel.yml: sample data?
    page: DocsPage | None = None             # a hand-written page in docs/
    front: bytes = b""                       # a playbook's front matter as loaded (loading/kept_front.py)

    @property
    def rel(self) -> str:
        return self.source.rel


def discover_all(root: Path, problems: Problems, static: list[str]) -> list[SourceFile]:
    """Every file the check reads: the content files (by kind, in the registry's order), then
    the pages in docs/. The other files in docs/ are judged while they are found, and their
    paths added to `static`."""
    return [*discover(root, problems), *discover_docs(root, problems, static)]


def load_unit(source: SourceFile, data: bytes | None, today: date, problems: Problems, *,
              keep_front: bool = False, kept_front: bytes | None = None) -> Unit:
    """One file, whose bytes (None: unreadable, with the problem already in `problems`) were
    read: its text, what it holds, and every problem loading found (from `problems`).
    A pure function of the path, the bytes and `today`. Never raises for bad content.
    `keep_front`: a playbook's front matter (a library's or partner's file) as loaded is kept in
    `unit.front`, and taken from `kept_front` (the same file's in the check before) when its text is
    the same or only its free texts changed."""
    unit = Unit(source)
    try:
        unit.text = decode_text(source, data, problems) if data is not None else None
        if unit.text is not None:
            if source.kind == DOCS_KIND:
                unit.page = load_docs_page(source, unit.text, problems)
            elif source.kind == "encounters":
                from rummelig.encounters.loading import load_encounter_file

                unit.encounters, unit.sample = load_encounter_file(source, unit.text, today, problems)
            elif keep_front and KINDS[source.kind].has_model:
                unit.record = _kept_record(unit, unit.text, problems, kept_front)
            else:
                unit.record = _record(source, unit.text, problems)
    except Exception as exc:  # noqa: BLE001 - a bug must not become a traceback for a contributor
        problems.error(source.rel, None, f"uventet intern fejl ({type(exc).__name__})",
                       "meld fejlen til projektets vedligeholdere, og vedlæg filen", "internal")
    unit.problems = problems.sorted()
    return unit


def assemble(root: Path, today: date, units: list[Unit], problems: Problems,
             static: list[str] | None = None) -> Repository:
    """The repository of loaded files (`units`, in discovery order) and the other files in docs/
    (`static`); what only shows across files (two files with one id) goes to `problems`."""
    repo = Repository(root=root, today=today, docs_static=list(static or ()))
    repo.sources = [unit.source for unit in units if unit.source.kind != DOCS_KIND]
    by_kind: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_kind[unit.source.kind].append(unit)
    for key in DOCUMENT_KINDS:
        bucket = repo.records[key]
        for unit in by_kind[key]:
            if unit.text is not None:
                repo.texts[unit.rel] = unit.text
            record = unit.record
            if record is None:
                continue
            if record.id in bucket:
                # Both files are told: `rummelig check <the new file>` (and a pull request's
                # annotations) show only the files named, and the new one may be found first.
                first = bucket[record.id].rel
                problems.error(unit.rel, 1, f"id'et '{record.id}' bruges også af {first}",
                               "giv filen et andet navn, fx med kommunens navn i", "rules.duplicate-id")
                problems.error(first, 1, f"id'et '{record.id}' bruges også af {unit.rel}",
                               "giv filen et andet navn, fx med kommunens navn i", "rules.duplicate-id")
                continue
            bucket[record.id] = record
    encounters = by_kind["encounters"]
    repo.texts.update((unit.rel, unit.text) for unit in encounters if unit.text is not None)
    repo.encounters = collect([(unit.source, unit.encounters, unit.sample) for unit in encounters])
    repo.docs = [unit.page for unit in by_kind[DOCS_KIND] if unit.page is not None]
    # A page's text is the text it was loaded from (taken from the unit: a page the check did not
    # read is read only when a rule asks for its text, pipeline.UNREAD).
    repo.texts.update((unit.rel, unit.text) for unit in by_kind[DOCS_KIND]
                      if unit.page is not None and unit.text is not None)
    return repo


def load_repository(root: Path, today: date | None = None) -> tuple[Repository, Problems]:
    """Read everything under `root`: the repository, and every problem found while reading
    (files, YAML, models, encounter rows). Never raises for bad content."""
    problems = Problems()
    day = today or date.today()
    units: list[Unit] = []
    static: list[str] = []
    for source in discover_all(root, problems, static):
        found = Problems()
        units.append(load_unit(source, read_bytes(source, found), day, found))
        problems.extend(units[-1].problems)
    return assemble(root, day, units, problems, static), problems
