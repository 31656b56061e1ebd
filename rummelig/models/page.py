"""Front matter of a hand-written page in `docs/`: only the keys MkDocs and Material use
for presentation. Anything else (a `template`, a misspelt key) is an error."""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from rummelig.models.base import Entry
from rummelig.models.types import Flag, Text, choice, fail

HIDE = {"navigation": "menuen", "toc": "indholdsfortegnelsen", "footer": "sidefoden", "path": "stien",
        "tags": "emnerne", "feedback": "feedback"}
# Material's page statuses (shown only when mkdocs.yml's extra.status names them).
STATUSES = {"new": "ny", "deprecated": "forældet"}
if TYPE_CHECKING:  # the Literals are built from the tables at run time; each value is a str
    Hidden = str
    PageStatus = str
else:
    Hidden = choice(HIDE)
    PageStatus = choice(STATUSES)
_ICON = re.compile(r"(?:material|octicons|simple|fontawesome/(?:brands|regular|solid))/[a-z0-9]+(?:-[a-z0-9]+)*")


@cache
def theme_icons() -> Path | None:
    """The installed theme's icon folder (material/templates/.icons), found without importing
    the theme; None when it is not installed."""
    spec = importlib.util.find_spec("material")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        icons = Path(folder) / "templates" / ".icons"
        if icons.is_dir():
            return icons
    return None


def _icon(value: str) -> str:
    """Material includes `.icons/<icon>.svg` into the page's template: a name that is not one
    of its icons (or a path like ../../etc/passwd) stopped the build with a Jinja traceback."""
    icons = theme_icons()
    if not _ICON.fullmatch(value) or (icons is not None and not (icons / f"{value}.svg").is_file()):
        raise fail("er '{value}', som ikke er et ikon i temaet — skriv navnet på et af Materials ikoner, fx "
                   "material/library eller fontawesome/solid/book, eller slet nøglen", value=value[:60])
    return value


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
    icon: Annotated[Text, AfterValidator(_icon)] | None = Field(None, title="Ikon")
    status: PageStatus | None = Field(None, title="Status")
    tags: list[Text] = Field(default_factory=list, title="Emner")
    hide: list[Hidden] = Field(default_factory=list, title="Skjul")
    search: SearchMeta | None = Field(None, title="Søgning")
