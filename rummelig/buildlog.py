"""The build engine's own log lines, in Danish.

`make site`, `make offline` and `make serve` show what MkDocs (or ProperDocs) logs while it
builds, and a library employee or an intranet admin reads it: "Cleaning site directory",
"Documentation built in 9.08 seconds". `DanishLog` is a logging filter that the hooks put on the
engine's loggers (`install`, from on_startup): it rewrites the lines listed in `LINES`, as the
engine writes them in MkDocs 1.6 and ProperDocs 1.6, into Danish.

- Only INFO lines are rewritten. Warnings and errors keep their level and their words: strict
  mode counts them, and the person needs to see exactly what MkDocs found.
- A line it does not know passes through unchanged (a new engine version's line stays English
  rather than disappearing).
- Nothing is dropped: every line the engine writes is still written.

`strict_abort` puts the engine's last line of a build that strict mode stopped ("Aborted with
1 warnings in strict mode!") into Danish (the hooks' on_build_error).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

# The live-reload server puts the time in front of its lines: "[12:30:01] Serving on …".
_CLOCK = r"(?P<clock>\[\d\d:\d\d:\d\d\] )?"


def _seconds(value: str) -> str:
    return value.replace(".", ",")  # a Danish decimal comma


# Logger (below the engine's name) → (the English line as a regular expression, the Danish line).
# The Danish line names the groups of the expression: {dir}, {seconds}, … (with {clock} kept).
LINES: dict[str, list[tuple[str, str]]] = {
    "commands.build": [
        (r"Cleaning site directory", "Tømmer mappen, som siden bygges i"),
        (r"Building documentation to directory: (?P<dir>.+)", "Bygger siden i mappen {dir}"),
        (r"The directory contains stale files\. Use --clean to remove them\.",
         "Mappen indeholder filer fra en tidligere bygning – byg uden --dirty for at fjerne dem."),
        (r"Documentation built in (?P<seconds>[0-9.]+) seconds", "Siden er bygget på {seconds} sekunder"),
        (r"Template skipped: '(?P<name>.+)' generated empty output\.",
         "Skabelonen '{name}' gav en tom side og er sprunget over."),
        (r"Page skipped: '(?P<name>.+)'\. Generated empty output\.",
         "Siden '{name}' blev tom og er sprunget over."),
        # MkDocs' warning on every --dirty build, which the hooks log as INFO (rummelig/preview.py).
        (r"A 'dirty' build is being performed, .*",
         "Forhåndsvisningen bygger kun de sider igen, som en ændring berører (--dirty)."),
        (r"The following pages are being built only for the preview but will be excluded from `\w+ build` "
         r"per `draft_docs` config:(?P<pages>\n.*)",
         "Disse sider vises kun i forhåndsvisningen og kommer ikke med, når siden bygges (draft_docs i "
         "mkdocs.yml):{pages}"),
    ],
    "commands.serve": [
        (r"Building documentation\.\.\.", "Bygger siden …"),
        (r"Shutting down\.\.\.", "Lukker forhåndsvisningen …"),
    ],
    "livereload": [
        (r"Watching paths for changes: (?P<paths>.+)", "Holder øje med ændringer i {paths}"),
        (r"Serving on (?P<url>\S+) and opening it in a browser",
         "Forhåndsvisningen kører på {url} og åbnes i en browser"),
        (r"Serving on (?P<url>\S+)", "Forhåndsvisningen kører på {url}"),
        (r"Detected file changes", "Filer er ændret"),
        (r"Reloading browsers", "Opdaterer siden i browseren"),
        (r"Browser connected: (?P<url>.+)", "En browser har åbnet {url}"),
    ],
}

_FORMATS: dict[str, Callable[[str], str]] = {"seconds": _seconds}


def _compile(lines: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(_CLOCK + english, re.DOTALL), danish) for english, danish in lines]


_COMPILED = {logger: _compile(lines) for logger, lines in LINES.items()}


def danish(logger: str, message: str) -> str | None:
    """The Danish line for `message` from the engine's logger `logger` (its name below the
    engine's, "commands.build"); None when the line is not one we know."""
    for pattern, template in _COMPILED.get(logger, ()):
        match = pattern.fullmatch(message)
        if match:
            values = {name: _FORMATS.get(name, str)(value) for name, value in match.groupdict("").items()}
            return values.pop("clock") + template.format(**values)
    return None


class DanishLog(logging.Filter):
    """Rewrites the known INFO lines of one of the engine's loggers into Danish; lets every record
    through, with its level unchanged."""

    def __init__(self, logger: str) -> None:
        super().__init__()
        self.logger = logger

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO:
            text = danish(self.logger, record.getMessage())
            if text is not None:
                record.msg, record.args = text, ()
        return True


def install(engine: str) -> None:
    """Put `DanishLog` on the engine's loggers (`engine`: "mkdocs" or "properdocs"), once: MkDocs
    imports the hooks once per `mkdocs serve` session, and on_startup may run again."""
    for logger in LINES:
        target = logging.getLogger(f"{engine}.{logger}")
        if not any(isinstance(f, DanishLog) for f in target.filters):
            target.addFilter(DanishLog(logger))


_STRICT = re.compile(r"Aborted with (?P<counts>.+) in strict mode!")
_COUNT = re.compile(r"(?P<count>\d+) (?P<level>warning|error)s")
_LEVELS = {"warning": ("advarsel", "advarsler"), "error": ("fejl", "fejl")}


def strict_abort(message: str) -> str | None:
    """The Danish for the engine's "Aborted with 1 warnings in strict mode!" (None for any other
    message): strict mode (`strict: true` in mkdocs.yml) stops the build on a warning."""
    match = _STRICT.fullmatch(message)
    if not match:
        return None
    counts = []
    for part in match["counts"].split(", "):
        count = _COUNT.fullmatch(part)
        if not count:
            return None
        one, many = _LEVELS[count["level"]]
        counts.append(f"{count['count']} {one if count['count'] == '1' else many}")
    said = " og ".join(counts)
    return (f"Siden er ikke bygget: MkDocs meldte {said} (se ovenfor), og med strict: true i mkdocs.yml stopper "
            "bygningen ved den mindste advarsel — ret det, meldingen nævner, og byg igen.")
