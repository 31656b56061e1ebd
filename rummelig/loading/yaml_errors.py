"""libyaml's syntax errors, explained in Danish at the line the contributor has to change.

libyaml reports where it gave up, which is often a line below the mistake: a key without its
colon is noticed on the next line, a colon inside a text makes the following key look wrong.
`explain` looks at the written lines around that place and names the mistake a person made
("der mangler et mellemrum efter kolonet", "sæt hele teksten i anførselstegn") with the line
to change. Hand-written: libyaml's messages are meant for the people who write parsers, and
no library translates them into advice.
"""

from __future__ import annotations

import json
import re

import yaml

_HINTS = [
    ("found character '\\t'", "der står et tabulatortegn",
     "brug mellemrum til indrykning, ikke tabulator"),
    ("mapping values are not allowed", "der står et kolon et sted, hvor YAML ikke tillader det",
     "sæt teksten i anførselstegn, fx titel: \"Hjælp: sådan gør du\""),
    ("could not find expected ':'", "der mangler et kolon efter en nøgle",
     "skriv nøgle og værdi som 'nøgle: værdi'"),
    ("did not find expected key", "indrykningen passer ikke",
     "ret indrykningen, så nøgler på samme niveau står under hinanden"),
    ("expected <block end>", "indrykningen passer ikke",
     "ret indrykningen, så nøgler på samme niveau står under hinanden"),
    ("did not find expected '-' indicator", "indrykningen i en liste passer ikke",
     "start hvert punkt i listen med '- ' på samme indrykning"),
    ("found unexpected end of stream", "filen slutter midt i en værdi",
     "tjek at anførselstegn og klammer ([ ] og { }) bliver lukket"),
    ("expected ',' or ']'", "en liste i [ ] bliver ikke lukket med ]",
     "luk listen med ], eller skriv punkterne på hver sin linje med '- ' foran"),
    ("expected ',' or '}'", "en samling i { } bliver ikke lukket med }",
     "luk samlingen med }, eller skriv nøglerne på hver sin linje"),
    ("found unclosed", "et anførselstegn eller en klamme bliver ikke lukket",
     "luk anførselstegnet eller klammen"),
    ("found undefined alias", "der står et alias (*navn)",
     "skriv værdien ud i stedet for at henvise til den"),
    ("special characters are not allowed", "filen indeholder et kontroltegn",
     "slet det usynlige tegn på linjen"),
    ("control characters are not allowed", "filen indeholder et kontroltegn",
     "slet det usynlige tegn på linjen"),
    ("unacceptable character", "filen indeholder et kontroltegn",
     "slet det usynlige tegn på linjen"),
    ("found character", "linjen starter med et tegn, som YAML ikke tillader her (fx @ eller `)",
     "sæt værdien i anførselstegn"),
]

PREFIX = "YAML kan ikke læses: "
_OPENS_QUOTE = re.compile(r'^\s*(?:-\s+)*(?:[^\s"#:][^#:]*:\s+)?"((?:[^"\\]|\\.)*)$')
# "  - key:value" (no space after the colon); the key is a plain word, the value does not start with a space.
_NO_SPACE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
# "  key value" (no colon at all): a key-like first word, then the value.
_NO_COLON = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*)(?:\s+(?P<value>[^:#\s].*?))?\s*$")
# "  key: text with: a colon" — the colon in the text starts what YAML takes for a new key.
_COLON_IN_TEXT = re.compile(
    r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s\-?:#\"'][^:#]*?):\s+(?P<value>[^\"'\[{|>].*:(?:\s.*)?)$")
_KEY_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s\-?:#\"'][^:#]*?):(?:\s|$)")


def _shown(text: str, limit: int = 50) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quoted(value: str, limit: int = 60) -> str:
    """The value in double quotes, as YAML reads it back (json's escaping is YAML's); a long
    value keeps its first and last words, so the quotes still show where they go."""
    quoted = json.dumps(value.strip(), ensure_ascii=False)
    if len(quoted) <= limit:
        return quoted
    words = quoted.split()
    return " ".join(words[:3]) + " … " + words[-1] if len(words) > 4 else quoted


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _previous(lines: list[str], index: int) -> int | None:
    """The index of the nearest line above `index` with content (not blank, not a comment)."""
    for above in range(index - 1, -1, -1):
        if _content(lines[above]):
            return above
    return None


def _missing_colon(line: str) -> tuple[str, str] | None:
    """(problem, fix) for a key written without ': ' after it, or None when the line is not one."""
    match = _NO_SPACE.match(line)
    if match:
        key, value = match["key"], match["value"].rstrip()
        return (f"der mangler et mellemrum efter kolonet i '{_shown(f'{key}:{value}')}'",
                f"skriv '{_shown(f'{key}: {value}')}' med et mellemrum efter kolon")
    match = _NO_COLON.match(line)
    if match:
        key, value = match["key"], (match["value"] or "").rstrip()
        fix = f"skriv '{_shown(f'{key}: {value}')}'" if value else f"skriv '{key}: …' med værdien efter kolon"
        return f"der mangler et kolon efter '{key}'", fix
    return None


def _owner(lines: list[str], index: int) -> tuple[int, str] | None:
    """(index, key) of the key whose text continues on line `index` (a less indented key line above)."""
    depth = _indent(lines[index])
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if not _content(line) or _indent(line) >= depth:
            continue
        match = _KEY_LINE.match(line)
        return (above, match["key"].strip()) if match else None
    return None


def _colon_in_text(lines: list[str], index: int) -> tuple[int, str, str] | None:
    """(index of the line to change, problem, fix) for a ': ' inside a text, which YAML reads
    as the start of a new key."""
    line = lines[index]
    above = _previous(lines, index)
    if above is not None and _indent(lines[above]) == _indent(line) and not re.search(r":(?:\s|$)", lines[above]):
        # "  phone 70 20 12 01" above "  url: …": the line above lost its colon.
        found = _missing_colon(lines[above])
        if found:
            return above, *found
    match = _COLON_IN_TEXT.match(line)
    if match:
        key, value = match["key"].strip(), match["value"].rstrip()
        word = value.split(":")[0].split()[-1] if value.split(":")[0].split() else ""
        return (index, f"teksten efter '{key}:' indeholder et kolon ('{_shown(word)}:'), og et kolon betyder "
                       "ellers, at en ny nøgle starter",
                f"sæt hele teksten i anførselstegn: {_shown(key, 30)}: {_quoted(value)}")
    owner = _owner(lines, index)
    if owner is not None and ":" in line:
        head = line.split(":")[0].split()
        word = head[-1] if head else ""
        if len(head) == 1 and re.fullmatch(r"[a-z_]+", word):
            # "  phone: …" under "name: …": a key (our keys are lower-case words) indented too far.
            return (index, f"'{word}:' står længere inde end '{owner[1]}:', som allerede har en værdi",
                    f"ryk '{word}:' ud, så den står lige under '{owner[1]}:'")
        return (index, f"teksten under '{owner[1]}:' indeholder et kolon ('{_shown(word)}:'), og et kolon betyder "
                       "ellers, at en ny nøgle starter",
                f"sæt hele teksten efter '{owner[1]}:' i anførselstegn: et \" før det første ord og et \" efter det "
                "sidste")
    return None


def _unclosed_quote(lines: list[str], error_line: int | None) -> int | None:
    """The line where a double-quoted value starts but does not end, if it is before the
    error: libyaml then reads on into the next lines and fails somewhere else."""
    if error_line is None:
        return None
    for index, line in enumerate(lines[:error_line]):
        if _OPENS_QUOTE.match(line):
            return index + 1 if index + 1 < error_line else None
    return None


def explain(exc: yaml.YAMLError, text: str) -> tuple[int | None, str, str]:
    """(line counted from 1 in `text`, problem, fix) for a syntax error in `text`."""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    line = mark.line + 1 if mark is not None else None
    position = getattr(exc, "position", None)  # a ReaderError (control character) has no mark
    if line is None and isinstance(position, int):
        line = text[:position].count("\n") + 1
    problem = f"{getattr(exc, 'problem', '') or ''} {getattr(exc, 'context', '') or ''} {exc}"
    lines = text.split("\n")
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        problem = "found character '\\t' " + problem  # libyaml does not name the character
    opened = _unclosed_quote(lines, line)
    if opened is not None:
        return opened, PREFIX + "et anførselstegn (\") bliver ikke lukket på linjen", \
            "afslut teksten med \" på samme linje"
    if "could not find expected ':'" in problem and context_mark is not None and context_mark.line < len(lines):
        # libyaml notices the missing colon where the next key starts; the key is on the context line.
        found = _missing_colon(lines[context_mark.line])
        if found:
            return context_mark.line + 1, found[0], found[1]
        line = context_mark.line + 1
    if "mapping values are not allowed" in problem and mark is not None and mark.line < len(lines):
        placed = _colon_in_text(lines, mark.line)
        if placed:
            return placed[0] + 1, placed[1], placed[2]
    for needle, what, fix in _HINTS:
        if needle in problem:
            return line, PREFIX + what, fix
    return line, "YAML kan ikke læses", "tjek indrykning, kolon og anførselstegn på linjen og linjen før"
