"""rummelig/buildlog.py: the engine's known INFO lines in Danish; everything else as it was."""

from __future__ import annotations

import logging

import pytest

from rummelig.buildlog import DanishLog, danish, strict_abort


def _record(level: int, message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.livereload", level, __file__, 1, message, args, None)


@pytest.mark.parametrize(("logger", "english", "expected"), [
    ("commands.build", "Documentation built in 12.30 seconds", "Siden er bygget på 12,30 sekunder"),
    ("commands.build", "Building documentation to directory: /srv/site", "Bygger siden i mappen /srv/site"),
    ("commands.serve", "Building documentation...", "Bygger siden …"),
    ("livereload", "[12:30:01] Serving on http://127.0.0.1:8000/",
     "[12:30:01] Forhåndsvisningen kører på http://127.0.0.1:8000/"),
    ("livereload", "[12:30:05] Detected file changes", "[12:30:05] Filer er ændret"),
    ("livereload", "[12:30:06] Reloading browsers", "[12:30:06] Opdaterer siden i browseren"),
    ("commands.build", "Documentation built in a jiffy", None),   # not a line we know: unchanged
    ("livereload", "Cleaning site directory", None),               # known, but from another logger
])
def test_known_lines_are_danish_and_others_none(logger, english, expected):
    assert danish(logger, english) == expected


def test_the_filter_rewrites_info_only_and_lets_everything_through():
    log = DanishLog("livereload")
    info = _record(logging.INFO, "[%s] Reloading browsers", "12:00:00")
    warning = _record(logging.WARNING, "Reloading browsers")
    unknown = _record(logging.INFO, "Something new in MkDocs 1.7")
    assert log.filter(info) and log.filter(warning) and log.filter(unknown)
    assert info.getMessage() == "[12:00:00] Opdaterer siden i browseren" and info.levelno == logging.INFO
    assert warning.getMessage() == "Reloading browsers" and warning.levelno == logging.WARNING
    assert unknown.getMessage() == "Something new in MkDocs 1.7"


def test_the_strict_abort_counts_in_danish():
    assert strict_abort("Aborted with 2 errors, 1 warnings in strict mode!") == (
        "Siden er ikke bygget: MkDocs meldte 2 fejl og 1 advarsel (se ovenfor), og med strict: true i mkdocs.yml "
        "stopper bygningen ved den mindste advarsel — ret det, meldingen nævner, og byg igen.")
    assert strict_abort("Aborted with 3 warnings in strict mode!").startswith("Siden er ikke bygget: MkDocs meldte 3 "
                                                                               "advarsler (se ovenfor)")
    assert strict_abort("Aborted with a BuildError!") is None
