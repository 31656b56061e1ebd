"""Front matter of a hand-written page in `docs/`: only the keys MkDocs and Material use
for presentation. Anything else (a `template`, a misspelt key) is an error."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from rummelig.models.base import Entry
from rummelig.models.types import Flag, Text, choice, fail

HIDE = {"navigation": "menuen", "toc": "indholdsfortegnelsen", "footer": "sidefoden", "path": "stien",
        "tags": "emnerne", "feedback": "feedback"}


def _boost(value: Any) -> float:
    text = value if isinstance(value, str) else str(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise fail("er '{value}', som ikke er et tal — skriv et tal, fx 2 eller 0.5", value=text[:60])
    try:
        number = float(text)
    except ValueError:
        raise fail("er '{value}', som ikke er et tal — skriv et tal, fx 2 eller 0.5", value=text[:60]) from None
    if not 0 < number <= 1000:
        raise fail("er {value} — skriv et tal større end 0 og højst 1000", value=text[:60])
    return number


class SearchMeta(Entry):
    boost: Annotated[float, BeforeValidator(_boost)] | None = Field(None, title="Vægt i søgningen")
    exclude: Flag = Field(False, title="Udelad fra søgningen")


class DocsPageMeta(Entry):
    title: Text | None = Field(None, title="Titel")
    description: Text | None = Field(None, title="Beskrivelse")
    subtitle: Text | None = Field(None, title="Undertitel")
    icon: Text | None = Field(None, title="Ikon")
    status: Text | None = Field(None, title="Status")
    tags: list[Text] = Field(default_factory=list, title="Emner")
    hide: list[choice(HIDE)] = Field(default_factory=list, title="Skjul")  # type: ignore[valid-type]
    search: SearchMeta | None = Field(None, title="Søgning")
