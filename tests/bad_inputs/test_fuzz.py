"""No traceback, ever (issue 6 item 7): random and mutated YAML, front matter, Markdown and
CSV go into the loader and the whole checker, and always come out as a list of problems.

About 4,060 examples in all (see `max_examples` below), run in `make test`; 1,700 of them on
the Markdown → HTML path, the reader-text privacy scan and the SVG parser of issue 13.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rummelig import pagehtml, privacy
from rummelig.commands import check
from rummelig.loading.frontmatter import load_markdown
from rummelig.loading.static_files import svg_findings
from rummelig.loading.yamlfile import load_yaml
from rummelig.pipeline import check_repository
from rummelig.problems import Problems
from rummelig.rules.markup import check_markdown
from rummelig.site import build_site
from rummelig.siteconfig import DEFAULT_EXTENSIONS, markdown_config
from tests.support import LIBRARY, PARTNER, STRATEGY

# Characters that mean something to YAML, Markdown, HTML or CSV, plus ordinary letters.
SYNTAX = list(":-[]{}\"'#&*!|>%@`\t\n ,?~<>=/\\;") + ["\r", "\x00", "\ufeff", "æ", "ø", "å", "0", "1", "9", "a", "Z"]
TOKENS = ["---", "- ", ": ", "true", "no", "null", "10:30", "0555", "2026-02-30", "&a", "*a", "!!python/name:x",
          "<script>", "[x](javascript:a)", "010190-1234", "22 33 44 55", "a@b.dk", "\"", "'", "  ", "\n  - ",
          "{", "[", "<<: ", "? ", "%YAML 1.1\n", "onclick=", "&#106;", "{: onclick=x }", ",", "\n"]
piece = st.one_of(st.sampled_from(SYNTAX), st.sampled_from(TOKENS), st.text(max_size=4))
chunk = st.lists(piece, max_size=12).map("".join)
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def mutate(text: str, edits: list[tuple[int, int, int, str]]) -> str:
    """Insert, delete, replace, duplicate or drop at positions drawn by hypothesis."""
    for kind, position, length, insert in edits:
        at = position % (len(text) + 1)
        lines = text.split("\n")
        row = position % len(lines)
        if kind == 0:
            text = text[:at] + insert + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + length:]
        elif kind == 2:
            text = text[:at] + insert + text[at + length:]
        elif kind == 3:
            text = "\n".join(lines[:row + 1] + lines[row:])
        elif kind == 4:
            text = "\n".join(lines[:row] + lines[row + 1:])
        else:
            text = "\n".join(line if i != row else " " * (length % 5) + line.lstrip() for i, line in enumerate(lines))
    return text


edits = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10_000), st.integers(0, 30), chunk), min_size=1,
                 max_size=6)


def assert_structured(problems: Problems, path: str) -> None:
    for problem in problems:
        assert problem.path.startswith(path.split("/")[0]) or problem.path == path, problem
        assert problem.line is None or problem.line >= 1, problem
        assert problem.code != "internal", problem.format()
        assert problem.message and "Traceback" not in problem.format()


@settings(FAST, max_examples=600)
@given(st.one_of(chunk, st.text(max_size=300)))
def test_random_text_into_the_yaml_reader(text):
    problems = Problems()
    loaded = load_yaml(text, "x.yml", problems)
    assert (loaded is None) == problems.has_errors()
    assert_structured(problems, "x.yml")


@settings(FAST, max_examples=400)
@given(st.sampled_from([LIBRARY, PARTNER]), edits)
def test_mutated_yaml_into_the_yaml_reader(text, changes):
    problems = Problems()
    loaded = load_yaml(mutate(text, changes), "x.yml", problems)
    assert (loaded is None) == problems.has_errors()
    assert_structured(problems, "x.yml")


@settings(FAST, max_examples=300)
@given(st.one_of(st.builds(mutate, st.just(STRATEGY), edits), chunk.map(lambda s: "---\n" + s)))
def test_front_matter_into_the_markdown_reader(text):
    problems = Problems()
    document = load_markdown(text, "s.md", problems)
    assert (document is None) == problems.has_errors()
    assert_structured(problems, "s.md")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


FILES = {"libraries/testbib.yml": LIBRARY, "partners/aarhus/vaerestedet.yml": PARTNER,
         "strategies/en-gaest-sover.md": STRATEGY}
CSV = "date,category,count,note\n2026-11-02,samtale,1,En god snak ved kaffen\n2026-11-03,hjaelp,2,\n"


def checker(root: Path, target: str, text: str | bytes, render: bool = False) -> None:
    """Write the fixture with `target` replaced, run the whole checker (and, with `render`,
    the page renderer), and assert the outcome is a structured problem list."""
    for rel, content in {**FILES, "encounters/testbib/2026.csv": CSV}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if isinstance(text, bytes):
        (root / target).write_bytes(text)
    else:
        (root / target).write_text(text, encoding="utf-8", newline="")
    out = io.StringIO()
    if render:
        result = build_site(root)
        assert result.pages or result.problems.has_errors()
        problems = result.problems
    else:
        problems = check_repository(root).problems
    check.report(problems, out)
    assert "intern fejl" not in out.getvalue()
    assert_structured(problems, target)


@settings(FAST, max_examples=350)
@given(st.sampled_from(sorted(FILES)), edits)
def test_mutated_content_files_into_the_whole_checker(workdir, target, changes):
    checker(workdir, target, mutate(FILES[target], changes))


@settings(FAST, max_examples=60)
@given(st.sampled_from(sorted(FILES)), edits)
def test_mutated_content_files_into_the_checker_and_renderer(workdir, target, changes):
    checker(workdir, target, mutate(FILES[target], changes), render=True)


@settings(FAST, max_examples=300)
@given(st.one_of(st.builds(mutate, st.just(CSV), edits), chunk, st.binary(max_size=80)))
def test_mutated_csv_into_the_whole_checker(workdir, text):
    checker(workdir, "encounters/testbib/2026.csv", text)


@settings(FAST, max_examples=350)
@given(st.sampled_from(sorted(FILES)), st.one_of(chunk, st.binary(max_size=120)))
def test_random_files_into_the_whole_checker(workdir, target, text):
    checker(workdir, target, text)


# -- issue 13: the Markdown → HTML path the check now judges, and the reader-text privacy scan ---

MARKUP = ["<script>", "</script>", "<img src=x onerror=y>", "<!--", "-->", "--!>", "```", "~~~", "    ", "\n- ",
          "\n1. ", "![a](", "](", "javascript:", "&#106;", "{: ", "{ .md-button }", "#__search", "}", "!!! ",
          "??? ", "md-", "onclick=", "\"", "https://t.example/p.png", "//t.example/x", ")", "\n\n", "<b>", "&amp;",
          "<svg/onload=x>", "[r]: ", "\t", "<a href=", ">"]
markup_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(SYNTAX), st.text(max_size=3)),
                       max_size=25).map("".join)
# An HTML comment as a browser's parser ends it (WHATWG "comment" states): at the first "-->" or
# "--!>", at once for "<!-->" and "<!--->", or at the end of the file. What is inside is no markup.
_COMMENT = re.compile(r"<!--(?:-?>|.*?(?:--!?>|\Z))", re.DOTALL)
_EVENT = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
_OUTSIDE_SRC = re.compile(r"\ssrc=\"(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)", re.IGNORECASE)


@settings(FAST, max_examples=900)
@given(markup_text)
def test_what_the_check_accepts_renders_to_safe_html(body):
    """Whatever the check lets through, the build's HTML has no script, event handler, outside
    image or imitated UI — and the check never raises."""
    problems = Problems()
    rendered = check_markdown(problems, "s.md", body, 1)
    assert_structured(problems, "s.md")
    if problems.has_errors():
        return
    html = _COMMENT.sub("", (rendered or pagehtml.render(body, DEFAULT_CONFIG)).html)
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered, html
    assert not _EVENT.search(html) and not _OUTSIDE_SRC.search(html), html
    assert 'class="md-' not in html and " md-" not in re.sub(r">[^<]*<", "><", html), html
    assert not re.search(r"href=\"\s*(?:java|vbscript|data)", lowered), html


@settings(FAST, max_examples=500)
@given(st.lists(st.one_of(st.sampled_from(["010190", "-", "1234", " ", ".", "\\", "&#48;", "<!-- x -->", "\u2011",
                                           "\u200b", "\uff10", "\\u0039", "**", "`", "\n", "0", "9"]),
                          st.text(max_size=3)), max_size=20).map("".join))
def test_the_privacy_scan_never_raises_and_keeps_lines(text):
    found = privacy.find_cpr(text, 1)
    assert all(1 <= f.line <= text.count("\n") + 1 for f in found)
    assert privacy.normalise(text).count("\n") == text.count("\n")
    privacy.find_contact_details(text)


@settings(FAST, max_examples=300)
@given(st.one_of(st.binary(max_size=200), st.lists(st.sampled_from(
    ["<svg xmlns=\"http://www.w3.org/2000/svg\">", "</svg>", "<script>", "</script>", "<rect onload=x/>",
     "<!DOCTYPE svg [<!ENTITY a \"b\">]>", "&a;", "<?xml-stylesheet href=x?>", "<use href=\"#a\"/>", "<a>", "</a>",
     "xmlns:h=\"http://www.w3.org/1999/xhtml\"", "<h:script>", "&#106;", "<![CDATA[", "]]>", "<style>", "</style>"]),
    max_size=12).map(lambda parts: "".join(parts).encode())))
def test_svg_parsing_never_raises(data):
    findings = svg_findings(data)
    if b"<script" in data.lower() and not findings:
        raise AssertionError(data)  # a script that parses is always found


DEFAULT_CONFIG = markdown_config(DEFAULT_EXTENSIONS)
