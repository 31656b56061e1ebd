"""rules/markup.py: unsafe HTML and links in Markdown are refused at check time (issue 6 item 6)."""

from __future__ import annotations

import pytest

from rummelig.problems import Problems
from rummelig.rules.markup import check_markdown, link_scheme


def codes(body: str) -> list[str]:
    problems = Problems()
    check_markdown(problems, "s.md", body, 1)
    return [p.code for p in problems]


@pytest.mark.parametrize("body", [
    "Almindelig tekst med **fed** og [et link](../strategier/index.md#hent-hjaelp).",
    "[Kommunen](https://www.kk.dk), [ring](tel:+4570201201), [skriv](mailto:a@b.dk)",
    "Skriv aldrig `<script>` i en side.",
    "```html\n<script>alert(1)</script>\n```",
    "    <div>indrykket kode</div>",
    "a < b og 3 > 2, og 5<6",
    "<!-- en note til den, der læser kildeteksten -->",
    "## Overskrift {: #anker .klasse }",
    "Kaffe & kage",
    "[side](side.md#a:b)",
])
def test_safe_markdown_passes(body):
    assert codes(body) == []


@pytest.mark.parametrize(("body", "code"), [
    ("<b>fed</b>", "markup.html"),
    ("<details><summary>x</summary>y</details>", "markup.html"),
    ("<a href=\"x\"onclick=y>z</a>", "markup.event-handler"),
    ("<svg/onload=alert(1)>", "markup.event-handler"),
    ("[a](java\tscript:alert(1))", "markup.unsafe-link"),
    ("[a](java\nscript:alert(1))", "markup.unsafe-link"),
    ("[a]( javascript:alert(1) \"titel\")", "markup.unsafe-link"),
    ("[a](&#x6A;avascript:alert(1))", "markup.unsafe-link"),
    ("[a][r]\n\n[r]: javascript:alert(1)", "markup.unsafe-link"),
    ("![billede](data:image/svg+xml;base64,PHN2Zz4=)", "markup.unsafe-link"),
    ("[a](file:///etc/passwd)", "markup.unsafe-link"),
    ("Tekst {: style=\"x\" }", "markup.attribute"),
])
def test_unsafe_markdown_is_refused(body, code):
    assert code in codes(body)


@pytest.mark.parametrize(("url", "scheme"), [
    ("javascript:x", "javascript"), (" JaVa\tScRiPt:x", "javascript"), ("&#106;avascript:x", "javascript"),
    ("java%73cript:x", "javascript"), ("https://a.dk", "https"), ("../a.md", None), ("a.md#x:y", None),
])
def test_link_scheme_is_what_a_browser_sees(url, scheme):
    assert link_scheme(url) == scheme


def test_markup_lines_point_at_the_right_line():
    problems = Problems()
    check_markdown(problems, "s.md", "a\n\nb\nc <img src=x onerror=y>\n\n| a |\n|---|\n| <i>x</i> |\n", 10)
    assert [(p.line, p.code) for p in problems] == [(13, "markup.event-handler"), (17, "markup.html")]
