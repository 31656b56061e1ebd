"""The content kinds: one record per kind of file a library contributes (contract §5).

Everything that handles content by kind iterates this registry instead of spelling the
kinds out: discovery (`loading/sources.py`), loading (`repository.py`), the templates and
editor schemas (`scaffold.py`, `editor_schemas.py`, `commands/new.py`), review dates
(`freshness.py`, `commands/review.py`), `rummelig links`, the summary of `rummelig check`,
CODEOWNERS, the folders `mkdocs serve` watches (the hook), and the consumers keyed by kind:
page producers (`render/all_pages.py`), the API (`api.py`) and search words (`search.py`).
`tests/test_kinds.py` walks the registry and fails when a consumer misses a kind.
docs-dev/architecture.md lists the files a new kind touches.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class Kind:
    key: str                    # "strategy": the internal name, in SourceFile.kind
    label: str                  # Danish, one: "strategi"
    plural: str                 # Danish, many: "strategier"
    folder: str                 # the content folder: "strategies"
    extension: str              # ".md"
    depth: int                  # 0: files directly in the folder; 1: in one sub-folder (see `subfolder`)
    layout: str                 # where a file goes, for messages: "strategies/<id>.md"
    fmt: str                    # how a file is read: "markdown" (front matter + body), "yaml" or "csv"
    # The one schema of a file, by its name in rummelig.models (None: CSV rows, see encounters/);
    # `model` imports it when first asked: pydantic and the models cost a fifth of a second to
    # import, which a check that loads no file of the kind does not pay (issue 18).
    model_name: str | None
    subfolder: str | None = None  # what the sub-folder names: "area" (partners/<area>/) or "library"
    title_key: str = "title"    # the key people know an entry by
    date_key: str | None = None  # the key saying when it was last looked at (review dates)
    review_months: str | int | None = None  # months until due: a number, or the key that holds it
    owner_key: str | None = None  # the key naming the library responsible (None: the file's own id)
    review_action: str = ""     # Danish: what to do when it is due
    overdue_text: str = ""      # Danish, Markdown: the notice on its page when it is due ({due}: the date)
    template: str | None = None  # the committed template in skabeloner/
    schema: str | None = None   # the editor schema in schemas/
    schema_title: str = ""
    reference_intro: str = ""   # Danish: the kind's introduction on the schema reference page (bidrag/skema/)
    api: str | None = None      # the file api/<name>.json, or None
    first_line: str = ""        # what a file without a template starts with (encounters: the CSV header)

    @property
    def model(self) -> type[BaseModel] | None:
        if self.model_name is None:
            return None
        found: type[BaseModel] = getattr(importlib.import_module("rummelig.models"), self.model_name)
        return found

    @property
    def has_model(self) -> bool:
        return self.model_name is not None

    @property
    def empty_fix(self) -> str:
        """Danish: what to write in an empty file of this kind — a contributor in the web editor
        has no `rummelig new`, and there is none for encounters."""
        if self.template:
            return (f"kopiér skabelonen skabeloner/{self.template} ind i den, og udfyld den (eller lav filen med "
                    f"'rummelig new {self.key} …')")
        return f"skriv første linje '{self.first_line}' og derefter én linje pr. registrering, eller slet filen"


STRATEGY = Kind(
    key="strategy", label="strategi", plural="strategier", folder="strategies", extension=".md", depth=0,
    layout="strategies/<id>.md", fmt="markdown", model_name="Strategy", title_key="title", date_key="last_reviewed",
    review_months="review_every_months", owner_key="owner",
    review_action="læs den igennem, ret det, der ikke længere passer, og sæt last_reviewed til dagens dato",
    overdue_text=" · *Trænger til gennemgang (senest {due})*",
    template="strategi.md", schema="strategy.schema.json",
    schema_title="Strategi (strategies/<id>.md, front matter)", api="strategies",
    reference_intro="Nøglerne står i filens front matter (mellem de to linjer med `---`); selve teksten står under "
                    "den.")

LIBRARY = Kind(
    key="library", label="bibliotek", plural="biblioteker", folder="libraries", extension=".yml", depth=0,
    layout="libraries/<id>.yml", fmt="yaml", model_name="Library", title_key="name", date_key="last_reviewed",
    review_months=12, owner_key=None,
    review_action="tjek kontakt og husregler, og sæt last_reviewed til dagens dato",
    overdue_text=" *Profilen skulle have været gennemgået igen senest {due} – tjek oplysningerne, før du bruger dem.*",
    template="bibliotek.yml", schema="library.schema.json", schema_title="Bibliotek (libraries/<id>.yml)",
    api="libraries", reference_intro="Et bibliotek har ansvaret for sine partnere og strategier.")

PARTNER = Kind(
    key="partner", label="partner", plural="partnere", folder="partners", extension=".yml", depth=1,
    layout="partners/<kommune>/<id>.yml", fmt="yaml", model_name="Partner", subfolder="area", title_key="name",
    date_key="last_verified",
    review_months=12, owner_key="verified_by",
    review_action="tjek telefonnummer, adresse og åbningstider hos partneren, og sæt last_verified til dagens dato",
    overdue_text=" *Det er mere end et år siden – tjek oplysningerne, før du bruger dem.*",
    template="partner.yml", schema="partner.schema.json", schema_title="Partner (partners/<kommune>/<id>.yml)",
    api="partners",
    reference_intro="Landsdækkende tilbud ligger i `partners/hele-landet/`, en regions numre (fx lægevagten) i "
                    "`partners/region-<navn>/`. `contact` skal have mindst én af `phone`, `email`, `url` og "
                    "`address`.")

ENCOUNTERS = Kind(
    key="encounters", label="gode møder", plural="filer med gode møder", folder="encounters", extension=".csv",
    depth=1, layout="encounters/<bibliotek-id>/<år>.csv", fmt="csv", model_name=None, subfolder="library",
    first_line="date,category,count,note")

KINDS: dict[str, Kind] = {kind.key: kind for kind in (STRATEGY, LIBRARY, PARTNER, ENCOUNTERS)}
# The kinds whose files are one document each (YAML, or Markdown with front matter) with a model.
DOCUMENT_KINDS: dict[str, Kind] = {key: kind for key, kind in KINDS.items() if kind.has_model}


def model_of(key: str) -> type[BaseModel]:
    """The model of a document kind."""
    model = KINDS[key].model
    if model is None:
        raise TypeError(f"the kind {key!r} has no model: its files are not documents")
    return model

# encounters/<library-id>/eksempel.yml marks a folder's counts as sample data (contract §5.4).
ENCOUNTERS_SAMPLE_MARKER = "eksempel.yml"


def content_folders(root: Path) -> list[str]:
    """The content folders that exist under `root` (what `mkdocs serve` must watch)."""
    return [str(root / kind.folder) for kind in KINDS.values() if (root / kind.folder).is_dir()]
