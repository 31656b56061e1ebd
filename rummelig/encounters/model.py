"""One registration in `encounters/<library-id>/<yyyy>.csv` (contract §5.4).

The CSV columns are exactly `date,category,count,note`. Every value arrives as text; the
field types below turn it into a typed value or a Danish error. An empty `count` means 1
and an empty `note` means no note (the reader leaves empty cells out, so the defaults apply).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from rummelig.encounters.categories import CATEGORIES, CATEGORY_INFO
from rummelig.encounters.columns import COLUMNS, CONTROL, COUNT_MAX, NOTE_MAX
from rummelig.encounters.columns import WHOLE as _WHOLE
from rummelig.models.base import Entry
from rummelig.models.types import Flag, IsoDate, Text, choice, fail

__all__ = ["CATEGORIES", "CATEGORY_INFO", "COLUMNS", "CONTROL", "COUNT_MAX", "NOTE_MAX", "Encounter", "SampleMarker"]

if TYPE_CHECKING:  # the Literal is built from CATEGORIES at run time; a category is a str
    Category = str
else:
    Category = choice(CATEGORIES)


def _count(value: Any) -> int:
    """A whole number ≥ 1, written as plain digits (no plus, no decimals, no spaces)."""
    if isinstance(value, bool):
        raise fail("er '{value}', som ikke er et helt tal — skriv antallet som et helt tal, fx 3", value=value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _WHOLE.fullmatch(value):
        number = int(value)
    else:
        raise fail("er '{value}', som ikke er et helt tal — skriv antallet som et helt tal uden mellemrum, "
                   "fx 3, eller lad feltet stå tomt for 1", value=str(value)[:60])
    if number < 1:
        raise fail("er {value} — antallet skal være 1 eller større; slet rækken, hvis der ikke var nogen møder",
                   value=number)
    if number > COUNT_MAX:
        raise fail("er {value} — højst {limit} på én række; del tallet op på flere dage, eller ret en tastefejl",
                   value=str(number)[:20], limit=COUNT_MAX)
    return number


Count = Annotated[int, BeforeValidator(_count), Field(ge=1)]


def _note(value: str) -> str:
    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value:
        raise fail("har et linjeskift — skriv noten på én linje")
    if CONTROL.search(value):
        raise fail("indeholder et usynligt styretegn (fx en tabulator) — skriv noten som almindelig tekst")
    if len(value) > NOTE_MAX:
        raise fail("er {length} tegn lang — en note må højst være {limit} tegn; skriv kortere",
                   length=len(value), limit=NOTE_MAX)
    return value  # anonymity is checked by encounters/privacy.py, which reports every finding


Note = Annotated[Text, AfterValidator(_note), Field(max_length=NOTE_MAX)]


class Encounter(Entry):
    """One row: one or more good encounters of one category on one day."""

    date: IsoDate = Field(title="Dato", description="Dagen for mødet, ÅÅÅÅ-MM-DD, i filens år og ikke i fremtiden",
                          examples=["2026-11-20"])
    category: Category = Field(title="Kategori", description="Hvilken slags godt møde",
                               examples=["samtale"])
    count: Count = Field(1, title="Antal", description="Et helt tal, 1 eller mere; tomt betyder 1", examples=[3])
    note: Note | None = Field(None, title="Note",
                              description="Valgfri, kort (højst 200 tegn) og anonym: aldrig navn, cpr-nummer, "
                                          "telefonnummer eller e-mail på en borger",
                              examples=["En gæst fik hjælp til at søge bolig og kom tilbage for at sige tak."])


class SampleMarker(Entry):
    """`encounters/<library-id>/eksempel.yml`: every file in the folder is sample data."""

    example: Flag = Field(title="Eksempeldata", description="true: tallene i mappen er eksempeldata")
    description: Text | None = Field(None, title="Beskrivelse", description="Hvorfor dataene er eksempler")

