"""Generated pages for contributors: the schema reference (bidrag/skema/), built from the
pydantic models, and the respectful-language word list (bidrag/sprogbrug/), built from
rummelig/data/sprogbrug.yml. Nothing here is written by hand, so neither can go stale."""

from __future__ import annotations

import types as pytypes
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from rummelig.models import Library, Partner, Strategy
from rummelig.models import types as t
from rummelig.models.base import current_fields
from rummelig.render import format as fmt
from rummelig.scaffold import flow, option_labels, scalar, shape
from rummelig.wordlist import load_wordlist

if TYPE_CHECKING:
    from rummelig.render.pages import Page, SiteRenderer

# The field types of the models, in words (the models' own Annotated types, compared by equality).
_TYPE_WORDS: list[tuple[Any, str]] = [
    (t.Slug, "id (a-z, 0-9 og bindestreg)"), (t.IsoDate, "dato, ÅÅÅÅ-MM-DD"), (t.Time, "klokkeslæt, \"HH:MM\""),
    (t.Phone, "telefonnummer"), (t.Email, "e-mailadresse"), (t.Url, "webadresse (https://…)"),
    (t.PostalCode, "postnummer, 4 cifre i anførselstegn"), (t.LanguageCode, "sprogkode (ISO 639-1)"),
    (t.MunicipalitySlug, "kommunens id"), (t.PositiveInt, "helt tal, 1 eller større"), (t.Flag, "true eller false"),
    (t.Text, "tekst"),
]


def _validators(metadata: Any) -> set[Any]:
    return {getattr(m, "func", None) for m in metadata} - {None}


def _candidate_funcs() -> list[tuple[set[Any], str]]:
    return [(_validators(typing.get_args(candidate)[1:]), words) for candidate, words in _TYPE_WORDS]


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, pytypes.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def type_words(info: FieldInfo) -> str:
    """The value's type in words. Pydantic moves a bare Annotated type's metadata to
    `info.metadata`; inside lists and `X | None` it stays in the annotation."""
    annotation = _without_none(info.annotation)
    is_list = typing.get_origin(annotation) is list
    inner = typing.get_args(annotation)[0] if is_list else annotation
    funcs = _validators(typing.get_args(inner)[1:]) if typing.get_origin(inner) is typing.Annotated \
        else _validators(info.metadata)
    sh = shape(info)
    if sh.model is not None:
        words = "nøgler (se nedenfor)"
    elif sh.options:
        labels = option_labels(sh.options)
        words = "en af: " + ", ".join(f"`{k}` ({v})" if v != k else f"`{k}`" for k, v in labels.items())
    else:
        words = next((w for candidate, w in _candidate_funcs() if candidate and candidate <= funcs), "tekst")
    return f"liste; hvert punkt: {words}" if is_list else words


@dataclass
class Row:
    key: str
    label: str
    required: str
    kind: str
    description: str
    example: str


def _example(info: FieldInfo) -> str:
    if info.examples:
        value = info.examples[0]
        return f"`{flow(value) if isinstance(value, list) else scalar(value)}`"
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    if default not in (None, [], ""):
        return f"`{flow(default) if isinstance(default, list) else scalar(default)}` (standard)"
    return ""


def rows(model: type[BaseModel], prefix: str = "", parent_optional: str = "") -> list[Row]:
    found = []
    for name, info in current_fields(model).items():
        sh = shape(info)
        key = f"{prefix}{name}"
        if parent_optional and info.is_required():
            required = f"ja, når `{parent_optional}` bruges"
        else:
            required = "ja" if info.is_required() else "nej"
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        description = info.description or ""
        if not info.is_required() and default not in (None, [], "") and not isinstance(default, list):
            description = (description + "." if description else "") + f" Standard: {scalar(default)}"
        found.append(Row(key, info.title or name, required, type_words(info), fmt.md(description.strip()),
                         _example(info)))
        if sh.model is not None:
            optional_here = parent_optional or ("" if info.is_required() else key)
            found += rows(sh.model, f"{key}[]." if sh.is_list else f"{key}.", optional_here)
    return found


SECTIONS = [
    ("Strategi", "strategies/<id>.md", "Nøglerne står i filens front matter (mellem de to linjer med `---`); "
     "selve teksten står under den.", Strategy, "skabeloner/strategi.md"),
    ("Partner", "partners/<kommune>/<id>.yml", "Landsdækkende tilbud ligger i `partners/hele-landet/`. "
     "`contact` skal have mindst én af `phone`, `email`, `url` og `address`.", Partner,
     "skabeloner/partner.yml"),
    ("Bibliotek", "libraries/<id>.yml", "Et bibliotek har ansvaret for sine partnere og strategier.", Library,
     "skabeloner/bibliotek.yml"),
]


def contributor_pages(renderer: SiteRenderer) -> list[Page]:
    sections = [dict(title=title, path=path, intro=intro, rows=rows(model), template=template)
                for title, path, intro, model, template in SECTIONS]
    words, _ = load_wordlist()
    return [
        renderer.page("bidrag/skema.md", "schema_reference.md.j2",
                      {"title": "Skema: alle nøgler", "description": "Alle nøgler i strategier, partnere og "
                                                                      "biblioteker, med eksempler"},
                      sections=sections),
        renderer.page("bidrag/sprogbrug.md", "wordlist.md.j2",
                      {"title": "Respektfuldt sprog", "description": "Ord vi undgår, og hvad vi skriver i stedet"},
                      terms=sorted(words.terms, key=lambda term: term.term)),
    ]


