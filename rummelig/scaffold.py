"""Templates for new content files, derived from the pydantic models.

Every key of a model appears, in model order, with a Danish comment made from the field's
title, description, examples and allowed values. Required values are the placeholder
`UDFYLD` (the placeholders rule makes `check` fail until each is replaced) unless the caller
knows them; optional keys are shown commented out with an example.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from rummelig.dates import danish_date
from rummelig.kinds import DOCUMENT_KINDS, model_of
from rummelig.loading.yamlfile import resolve_plain
from rummelig.models.base import current_fields
from rummelig.models.introspect import Shape, option_labels, shape
from rummelig.models.reference import PLACEHOLDER, danish_words  # PLACEHOLDER: the templates' marker

_WIDTH = 92


def default_of(info: FieldInfo) -> Any:
    return info.get_default(call_default_factory=True)


# -- YAML text ------------------------------------------------------------------------------

_NEEDS_QUOTES = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$|^[\d\s+:.]+$")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value)
    text = str(value)
    if text != PLACEHOLDER and (resolve_plain(text) != text or _NEEDS_QUOTES.search(text)):
        return json.dumps(text, ensure_ascii=False)
    return text


def flow(values: list[Any]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) if "," in str(v) else scalar(v) for v in values) + "]"


def wrap(text: str, prefix: str) -> list[str]:
    words, lines, line = text.split(), [], prefix
    for word in words:
        if len(line) + len(word) + 1 > _WIDTH and line.strip() != "#":
            lines.append(line)
            line = prefix + "  "
        line += ("" if line.endswith(" ") else " ") + word
    lines.append(line)
    return lines


def example_of(info: FieldInfo) -> Any:
    return info.examples[0] if info.examples else None


def describe_example(info: FieldInfo, sh: Shape) -> str:
    example = example_of(info)
    if example is None or sh.model is not None:
        return ""
    shown = flow(example) if isinstance(example, list) else scalar(example)
    return f" Eksempel: {shown}"


@dataclass
class Writer:
    known: dict[str, Any] = field(default_factory=dict)   # dotted path → value
    lines: list[str] = field(default_factory=list)

    def comment(self, pad: str, text: str) -> None:
        self.lines.extend(wrap(text, f"{pad}#"))

    def explain(self, info: FieldInfo, sh: Shape, pad: str, how: str, example: bool, path: str = "") -> None:
        """'# Title (påkrævet). Description. Skriv én af: … Eksempel: …'"""
        text = f"{info.title} ({how})."
        if info.description:
            text += f" {info.description.rstrip('.')}."
        if sh.is_date:
            text += " Dato som ÅÅÅÅ-MM-DD."
        options = []
        if sh.options:
            labels = option_labels(sh.options)
            text += " Skriv " + ("en eller flere af" if sh.is_list else "én af")
            # The Danish word after '=' is accepted too (contract §5.0, issue 17).
            text += " (nøglen eller det danske ord):" if danish_words(labels) else ":"
            options = [f"  {key} = {labels[key]}" if labels[key] != key else f"  {key}" for key in sh.options]
        elif example and sh.is_list and sh.model is None and info.is_required() and path not in self.known:
            text += " Ét punkt pr. linje, der starter med '- '" + (", fx:" if info.examples else ".")
            options = [f"   - {item}" for item in (info.examples[0] if info.examples else [])[:2]]
        elif example:
            text += describe_example(info, sh)
        self.comment(pad, text)
        self.lines.extend(f"{pad}#{line}" for line in options)

    def model(self, model: type[BaseModel], pad: str, path: str, commented: bool = False,
              list_item: bool = False) -> None:
        # A nested model whose keys are all optional (partner contact: "at least one of"):
        # every key is written out, to be filled in or deleted.
        fill_all = all(not info.is_required() for info in current_fields(model).values()) and bool(path)
        for index, (name, info) in enumerate(current_fields(model).items()):
            lead = ("- " if index == 0 else "  ") if list_item else ""
            self.field(name, info, pad, f"{path}{name}", lead, fill_all)

    def field(self, name: str, info: FieldInfo, pad: str, path: str, lead: str, fill_all: bool) -> None:
        sh = shape(info)
        required = info.is_required()
        inner = pad + ("  " if lead else "")   # where the key's own text starts
        key = f"{pad}{lead}{name}"
        if fill_all:
            self.explain(info, sh, inner, "udfyld, eller slet linjen", example=True)
            self.lines.append(f"{key}: {scalar(self.known.get(path, PLACEHOLDER))}")
            return
        if not required and default_of(info) in (None, [], "") and path not in self.known:
            self._commented(name, info, sh, pad, lead)
            return
        self.explain(info, sh, inner, "påkrævet" if required else "valgfri", example=sh.model is None, path=path)
        if sh.model is not None:
            self.lines.append(f"{key}:")
            self.model(sh.model, inner + "  ", f"{path}.", list_item=sh.is_list)
            return
        value = self._value(path, info, sh, required)
        if sh.is_list and not sh.options and value and all(item == PLACEHOLDER for item in value):
            self.lines.append(f"{key}:")
            self.lines.extend(f"{inner}  - {PLACEHOLDER}" for _ in value)
            return
        self.lines.append(f"{key}: {flow(value) if isinstance(value, list) else scalar(value)}")

    def _value(self, path: str, info: FieldInfo, sh: Shape, required: bool) -> Any:
        if path in self.known:
            return self.known[path]
        if not required:
            return default_of(info)
        return [PLACEHOLDER] if sh.is_list else PLACEHOLDER

    def _commented(self, name: str, info: FieldInfo, sh: Shape, pad: str, lead: str) -> None:
        """An optional key as a commented example: deleting '# ' switches it on."""
        inner = pad + ("  " if lead else "")
        lines = "linjerne" if sh.model is not None else "linjen"
        self.explain(info, sh, inner, f"valgfri – slet '# ' foran {lines} for at bruge den", example=False)
        if sh.model is not None:
            self.lines.append(f"{pad}# {lead}{name}:")
            fields = [(n, f) for n, f in current_fields(sh.model).items() if f.is_required() or not sh.is_list]
            for index, (sub_name, sub) in enumerate(fields):
                sub_lead = ("- " if index == 0 else "  ") if sh.is_list else ""
                example = example_of(sub)
                shown = PLACEHOLDER if example is None else (flow(example) if isinstance(example, list)
                                                            else scalar(example))
                self.lines.append(f"{inner}#   {sub_lead}{sub_name}: {shown}")
            return
        example = example_of(info)
        if example is None:
            example = [PLACEHOLDER] if sh.is_list else PLACEHOLDER
        shown = flow(example) if isinstance(example, list) else scalar(example)
        self.lines.append(f"{pad}# {lead}{name}: {shown}")


# -- the three templates ----------------------------------------------------------------------

INTRO = [
    "Sådan udfylder du filen:",
    f"- Skriv jeres egen tekst i stedet for hvert {PLACEHOLDER}. 'rummelig check' melder en fejl for hver "
    f"linje, hvor der stadig står {PLACEHOLDER}.",
    "- Linjer, der starter med #, er forklaringer og vises ikke på siden. Valgfrie nøgler står med '# ' "
    "foran: slet '# ' for at bruge dem, og behold indrykningen.",
    "- Skriv om roller (\"gadesygeplejersken\", \"koordinatoren\"), aldrig navne, telefonnumre eller andre "
    "oplysninger om borgere.",
    "- Alle nøgler er forklaret på sitets side Bidrag › Skema (bidrag/skema/).",
]


def _header(kind: str, rel: str, command: str, today: date | None, generic: bool) -> list[str]:
    depth = rel.count("/")
    lines = []
    if DOCUMENT_KINDS[kind].fmt == "yaml":
        lines.append(f"# yaml-language-server: $schema={'../' * depth}schemas/{DOCUMENT_KINDS[kind].schema}")
        lines.append("#")
    if generic:
        lines += wrap(f"Skabelon: kopiér filen til {rel}, og giv den et navn med små bogstaver a-z, tal og "
                      "bindestreg (det bliver id'et).", "#")
    else:
        lines += wrap(f"{rel}: lavet med '{command}' den {danish_date(today or date.today())}.", "#")
    lines.append("#")
    for item in INTRO:
        lines += wrap(item, "#")
    lines.append("")
    return lines


# One hint per section of a situation, in the contract's order (a test compares the keys with
# reference.SITUATION_SECTIONS).
STRATEGY_BODY = {
    "Situationen": "Beskriv situationen, som en kollega møder den: hvad ser og hører du? Hvad kan ligge bag? "
                   "Skriv om roller, aldrig om navngivne personer.",
    "Sådan kan du gøre": "Skriv trinene som en nummereret liste: 1. …, 2. …",
    "Det kan du sige": "Skriv et par sætninger, man kan sige, som punkter: - \"Hej, …\"",
    "Hent hjælp": "Skriv, hvornår og hvem man kalder på: en kollega, koordinatoren, en partner eller 112.",
    "Bagefter": "Skriv, hvad man gør bagefter: tal med en kollega, registrér et godt møde, følg op.",
}
OTHER_BODY = ("## Hvad og hvorfor", "Beskriv arbejdsformen eller princippet, og hvorfor det virker. Brug '##' til "
              "afsnit og gerne et afsnit med erfaringer fra jeres bibliotek.")


def render_template(kind: str, rel: str, *, command: str = "", known: dict[str, Any] | None = None,
                    today: date | None = None, generic: bool = False) -> str:
    """The text of a new `kind` file at `rel` (or the generic template when `generic`)."""
    model = model_of(kind)
    writer = Writer(known=dict(known or {}))
    if kind == "strategy" and writer.known.get("kind", "situation") == "situation":
        writer.known.setdefault("first_steps", [PLACEHOLDER] * 3)  # a situation leads with what to do now
    if not generic:
        for name, info in current_fields(model).items():
            if shape(info).is_date and info.is_required():
                writer.known.setdefault(name, today or date.today())
    header = _header(kind, rel, command, today, generic)
    writer.model(model, "", "")
    front = "\n".join(header + writer.lines) + "\n"
    if DOCUMENT_KINDS[kind].fmt != "markdown":
        return front
    body = []
    if writer.known.get("kind", "situation") == "situation":
        for heading, hint in STRATEGY_BODY.items():
            body.append(f"## {heading}\n\n{PLACEHOLDER}: {hint}\n")
    else:
        body.append(f"{OTHER_BODY[0]}\n\n{PLACEHOLDER}: {OTHER_BODY[1]}\n")
    return "---\n" + front + "---\n\n" + "\n".join(body)

