"""Generated pages for contributors: the schema reference (bidrag/skema/), built from the
pydantic models, and the respectful-language word list (bidrag/sprogbrug/), built from
rummelig/data/sprogbrug.yml. Nothing here is written by hand, so neither can go stale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from rummelig import addresses
from rummelig.kinds import DOCUMENT_KINDS, model_of
from rummelig.models import types as t
from rummelig.models.base import current_fields
from rummelig.models.introspect import option_labels, shape, validators
from rummelig.render import format as fmt
from rummelig.render.environment import Page, Renderer
from rummelig.scaffold import flow, scalar
from rummelig.wordlist import load_wordlist

# The field types of the models, in words (the models' own Annotated types, compared by equality).
_TYPE_WORDS: list[tuple[Any, str]] = [
    (t.Slug, "id (a-z, 0-9 og bindestreg)"), (t.IsoDate, "dato, ÅÅÅÅ-MM-DD"), (t.Time, "klokkeslæt, \"HH:MM\""),
    (t.Phone, "telefonnummer"), (t.Email, "e-mailadresse"), (t.Url, "webadresse (https://…)"),
    (t.PostalCode, "postnummer, 4 cifre i anførselstegn"), (t.LanguageCode, "sprogkode (ISO 639-1)"),
    (t.MunicipalitySlug, "kommunens id"), (t.PositiveInt, "helt tal, 1 eller større"), (t.Flag, "true eller false"),
    (t.Text, "tekst"),
]


def _candidate_funcs() -> list[tuple[set[Any], str]]:
    return [(validators(candidate, []), words) for candidate, words in _TYPE_WORDS]


def type_words(info: FieldInfo) -> str:
    """The value's type in words."""
    sh = shape(info)
    if sh.model is not None:
        words = "nøgler (se nedenfor)"
    elif sh.options:
        labels = option_labels(sh.options)
        words = "en af: " + ", ".join(f"`{k}` ({v})" if v != k else f"`{k}`" for k, v in labels.items())
    else:
        funcs = validators(info.annotation, info.metadata)
        words = next((w for candidate, w in _candidate_funcs() if candidate and candidate <= funcs), "tekst")
    return f"liste; hvert punkt: {words}" if sh.is_list else words


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


def pages(renderer: Renderer) -> list[Page]:
    if not renderer.wants(addresses.schema_reference(), addresses.wordlist()):
        return []
    sections = [dict(title=kind.label.capitalize(), path=kind.layout, intro=kind.reference_intro,
                     rows=rows(model_of(key)), template=f"skabeloner/{kind.template}")
                for key, kind in DOCUMENT_KINDS.items()]
    words, _ = load_wordlist()
    return [
        renderer.page(addresses.schema_reference(), "schema_reference.md.j2",
                      {"title": "Skema: alle nøgler",
                       "description": "Alle nøgler – felterne i filerne – i strategier, partnere og "
                                      "biblioteker: hvilke der er påkrævet, og eksempler"},
                      sections=sections),
        renderer.page(addresses.wordlist(), "wordlist.md.j2",
                      {"title": "Respektfuldt sprog", "description": "Ord vi undgår, og hvad vi skriver i stedet"},
                      terms=sorted(words.terms, key=lambda term: term.term)),
    ]


