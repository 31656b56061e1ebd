"""The respectful-language word list (`rummelig/data/sprogbrug.yml`) and the matcher over texts.

The list is data that maintainers extend without code: term → suggestion, with inflected forms.
Matching is whole-word and case-insensitive (Python's Unicode `\\w` knows æ, ø and å), so a term
is never found inside another word — unless its entry says `compounds: true`, and then only as
the last part of a compound ("stofmisbruger"). A match inside the entry's own suggestion or one
of its `except` phrases is never reported. No spell-checking library does "term → respectful
suggestion" for Danish, so the matcher is a compiled regular expression of our own.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from rummelig.loading.frontmatter import split_front_matter
from rummelig.problems import Problem, Problems, Severity

if TYPE_CHECKING:
    from rummelig.models.term import Term

LIST_PATH = "rummelig/data/sprogbrug.yml"
ALLOW_MARKER = "sprogbrug: tillad"


@dataclass(frozen=True)
class Hit:
    line: int
    word: str          # as written in the text
    term: Term


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _pattern(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


class WordList:
    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self._by_form: dict[str, Term] = {}
        whole: list[str] = []
        compound: list[str] = []
        for term in terms:
            for form in [term.term, *term.forms]:
                self._by_form.setdefault(_norm(form), term)
                (compound if term.compounds else whole).append(form)
        # Longest first, so "de hjemløses" wins over "de hjemløse".
        alternatives = []
        if compound:
            forms = "|".join(_pattern(f) for f in sorted(set(compound), key=len, reverse=True))
            alternatives.append(rf"(?<!\w)(?P<prefix>\w*?)(?P<compound>{forms})(?!\w)")
        if whole:
            forms = "|".join(_pattern(f) for f in sorted(set(whole), key=len, reverse=True))
            alternatives.append(rf"(?<!\w)(?P<whole>{forms})(?!\w)")
        self._pattern = "|".join(alternatives) if alternatives else None
        # Every match contains one of the forms, so a plain substring test on the case-folded,
        # whitespace-collapsed text rules most texts out before the regex, whose lazy prefix is
        # slow on long texts (7 s over a national corpus; issue 8). casefold() joins at least
        # the letters re.IGNORECASE joins, except the dotted and dotless i: those skip the test.
        folded = {" ".join(form.casefold().split()) for form in [*whole, *compound]}
        # A form that contains another is implied by it, so testing the others gives the same answer.
        self._folded = tuple(sorted(f for f in folded if not any(o != f and o in f for o in folded)))
        # `form in " ".join(folded_text.split())` without joining the whole text (issue 18): a
        # form of one word is in the joined text when it is in the text; a form of several words
        # when its words stand in the text with whitespace between (str.split and the regex's \s
        # agree on what whitespace is).
        self._folded_words = tuple(f for f in self._folded if " " not in f)
        self._folded_phrases = tuple((max(f.split(" "), key=len),
                                      re.compile(r"\s+".join(re.escape(word) for word in f.split(" "))))
                                     for f in self._folded if " " in f)
        # For the raw text, before masking (which costs more than the test): masking only blanks
        # characters, so each word of a form found in the masked text is also in the raw text.
        # The longest word of each form will do, and a word that contains another is implied by it.
        longest = {max(form.split(), key=len) for form in folded}
        self._raw_words = tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        """Compiled when a text first gets past the tests below (~1–2 ms: most checks after one
        edit have no text that does; issue 18)."""
        return re.compile(self._pattern, re.IGNORECASE) if self._pattern is not None else None

    def may_occur(self, text: str) -> bool:
        """False when no form can be in `text`, masked or not (a cheap test before masking)."""
        if self._pattern is None:
            return False
        if "\u0131" in text or "\u0130" in text:  # the dotted and dotless i: see above
            return True
        folded = text.casefold()
        return any(word in folded for word in self._raw_words)

    def _holds_a_form(self, folded: str) -> bool:
        """Is a form in `" ".join(folded.split())` (`folded`: a case-folded text)?"""
        return (any(form in folded for form in self._folded_words)
                or any(longest in folded and phrase.search(folded) for longest, phrase in self._folded_phrases))

    def find(self, text: str) -> Iterator[tuple[int, int, Term]]:
        """(start, end, term) of every stigmatising word in `text` (already masked)."""
        if self._pattern is None:
            return
        if "\u0131" not in text and "\u0130" not in text and not self._holds_a_form(text.casefold()):
            return
        assert self._regex is not None
        for match in self._regex.finditer(text):
            form = match.group("compound") if match.groupdict().get("compound") else match.group("whole")
            term = self._by_form[_norm(form)]
            start, end = match.span()
            if not _inside_allowed(text, start, end, term):
                yield start, end, term


def _inside_allowed(text: str, start: int, end: int, term: Term) -> bool:
    for phrase in (term.suggestion, *term.except_):
        pattern = re.compile(rf"(?<!\w){_pattern(phrase)}(?!\w)", re.IGNORECASE)
        lo = max(0, start - len(phrase) * 2)
        for found in pattern.finditer(text, lo, min(len(text), end + len(phrase) * 2)):
            if found.start() <= start and end <= found.end():
                return True
    return False


@cache
def load_wordlist() -> tuple[WordList, tuple[Problem, ...]]:
    """The word list and any problems in the list file itself (reported by the rule). Taken from
    what a check before kept of it (rummelig/kept.py), if one did: the list's model is not
    imported then."""
    from rummelig import kept
    from rummelig.loading import kept_front

    blob = kept.recall(_KEPT)
    if blob is not None:
        try:
            version, data, classes, found = marshal.loads(blob)
            if version == _KEPT_VERSION:
                terms = kept_front.decode(data, classes, lambda: _load_wordlist()[0].terms)
                return WordList(terms), tuple(Problem(path, line, message, fix,
                                                      Severity.ERROR if is_error else Severity.WARNING, code)
                                              for path, line, message, fix, is_error, code in found)
        except Exception:  # noqa: BLE001, S110 - whatever is wrong with it, the list is read as before
            pass
    words, problems = _load_wordlist()
    encoded = kept_front.encode(words.terms)
    if encoded is not None:
        kept.remember(_KEPT, marshal.dumps((_KEPT_VERSION, *encoded, [
            (p.path, p.line, p.message, p.fix, p.is_error, p.code) for p in problems])))
    return words, problems


_KEPT, _KEPT_VERSION = "wordlist", 1


def _load_wordlist() -> tuple[WordList, tuple[Problem, ...]]:
    """The word list read and validated by its model."""
    from importlib import resources

    from pydantic import ValidationError

    from rummelig.loading.yamlfile import load_yaml
    from rummelig.models.term import Term

    problems = Problems()
    text = resources.files("rummelig.data").joinpath("sprogbrug.yml").read_text(encoding="utf-8")
    loaded = load_yaml(text, LIST_PATH, problems)
    terms: list[Term] = []
    if loaded is not None and not isinstance(loaded.data, list):
        problems.error(LIST_PATH, 1, "listen skal være en liste af ord", "start hvert ord med '- term: …'",
                       "language.list")
    elif loaded is not None:
        for index, item in enumerate(loaded.data):
            try:
                terms.append(Term.model_validate(item))
            except ValidationError as exc:
                first = exc.errors(include_url=False)[0]
                where = ".".join(str(p) for p in first["loc"]) or "punktet"
                problems.error(LIST_PATH, loaded.line((index,)),
                               f"ordet i punkt {index + 1} kan ikke bruges ('{where}': {first['msg']})",
                               "skriv det som de andre: term, forms, suggestion (se vejledningen øverst i filen)",
                               "language.list")
    return WordList(terms), tuple(problems.sorted())


# -- masking: what a contributor wrote, without code, URLs and comments ----------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_URL = re.compile(r"\]\([^)\n]*\)|<https?://[^>\n]*>|https?://\S+")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _mask_lines(lines: list[str], yaml: bool, marker: str = ALLOW_MARKER) -> list[str]:
    """Blank lines that are not prose, keeping every line's length (offsets stay valid)."""
    out, in_code = [], False
    for line in lines:
        blank = " " * len(line)
        if marker in line:
            out.append(blank)
        elif yaml:
            out.append(blank if line.lstrip().startswith("#") else line)
        elif _FENCE.match(line):
            in_code = not in_code
            out.append(blank)
        else:
            out.append(blank if in_code else line)
    return out


def mask(text: str, kind: str, marker: str = ALLOW_MARKER) -> str:
    """The text with everything that is not prose blanked out; lines keep their numbers.
    `kind` is 'yaml' or 'markdown' (front matter is treated as YAML). A line with `marker`
    in it (in a comment) is blanked too: the contributor allowed what is on it."""
    lines = text.split("\n")
    if kind == "yaml":
        masked = _mask_lines(lines, yaml=True, marker=marker)
    else:
        parts = split_front_matter(text)
        head = 0 if parts is None else parts[2] - 1  # lines up to and including the closing ---
        masked = (_mask_lines(lines[:head], yaml=True, marker=marker)
                  + _mask_lines(lines[head:], yaml=False, marker=marker))
    result = "\n".join(masked)
    if kind != "yaml":
        result = _HTML_COMMENT.sub(_blank, result)
        result = _INLINE_CODE.sub(_blank, result)
    return _URL.sub(_blank, result)


def scan(text: str, kind: str, words: WordList | None = None) -> list[Hit]:
    words = words or load_wordlist()[0]
    if not words.may_occur(text):
        return []
    masked = mask(text, kind)
    hits = []
    for start, end, term in words.find(masked):
        hits.append(Hit(masked.count("\n", 0, start) + 1, " ".join(text[start:end].split()), term))
    return hits
