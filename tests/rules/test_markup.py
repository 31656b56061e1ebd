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
    "Tekst {: style=\"x\" } midt i en linje er tekst for Python-Markdown",
])
def test_safe_markdown_passes(body):
    assert codes(body) == []


@pytest.mark.parametrize(("body", "code"), [
    ("<b>fed</b>", "markup.html"),
    ("<details><summary>x</summary>y</details>", "markup.html"),
    ("<a href=\"x\"onclick=y>z</a>", "markup.html"),  # Python-Markdown shows the tag as text; </a> is raw
    ("<svg/onload=alert(1)>", "markup.event-handler"),
    ("[a](java\tscript:alert(1))", "markup.unsafe-link"),
    ("[a](java\nscript:alert(1))", "markup.unsafe-link"),
    ("[a]( javascript:alert(1) \"titel\")", "markup.unsafe-link"),
    ("[a](&#x6A;avascript:alert(1))", "markup.unsafe-link"),
    ("[a][r]\n\n[r]: javascript:alert(1)", "markup.unsafe-link"),
    ("![billede](data:image/svg+xml;base64,PHN2Zz4=)", "markup.unsafe-link"),
    ("[a](file:///etc/passwd)", "markup.unsafe-link"),
    ("Tekst\n{: style=\"x\" }", "markup.attribute"),
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


# -- issue 13: one pipeline decides (the HTML the build publishes) -----------------------------

@pytest.mark.parametrize(("body", "code", "line"), [
    ("Tekst\n\n```\n<img src=x onerror=alert(1)>\n", "markup.event-handler", 4),   # a fence never closed
    ("~~~python\n<script>alert(1)</script>\n", "markup.html", 2),
    ("<!-- a --!> <script>alert(1)</script> -->\n", "markup.html", 1),             # --!> ends a comment
    ("<!-- note --> <img src=x onerror=alert(1)>\n", "markup.event-handler", 1),  # HTML after a comment
    ("- punkt\n\n    <script>alert(1)</script>\n", "markup.html", 3),             # under a list item
    ("1. punkt\n\n    <iframe src=https://x.example></iframe>\n", "markup.html", 3),
    ("![sporing](https://sporing.example/p.png)\n", "markup.external-image", 1),
    ("![sporing](//sporing.example/p.png)\n", "markup.external-image", 1),
    ("Se ![x](HTTPS://sporing.example/p.gif \"t\")\n", "markup.external-image", 1),
    ("[Log ind](https://phish.example){ .md-button .md-button--primary }\n", "markup.ui-class", 1),
    ("Tekst\n{: .md-typeset }\n", "markup.ui-class", 2),
    ("!!! md-button \"Klik her\"\n    Tekst\n", "markup.ui-class", 1),
    ("??? md-header \"Mere\"\n    Tekst\n", "markup.ui-class", 1),
    ("## Søg {: #__search }\n", "markup.ui-id", 1),
    ("[a](../x.md){: target=_blank }\n", "markup.attribute", 1),
    ("Tekst\n{: onmouseover=\"alert(1)\" }\n", "markup.attribute", 2),
    ("[a](&#x6A;&#x61;vascript:alert(1))\n", "markup.unsafe-link", 1),
])
def test_the_check_judges_what_the_build_publishes(body, code, line):
    problems = Problems()
    check_markdown(problems, "s.md", body, 1)
    assert (code, line) in [(p.code, p.line) for p in problems], [p.format() for p in problems]


def test_a_refusal_says_what_and_where():
    problems = Problems()
    check_markdown(problems, "strategies/x.md", "Tekst\n\n![sporing](https://sporing.example/p.png)\n", 7)
    assert [p.format() for p in problems] == [
        "strategies/x.md:9: billedet hentes fra en anden server (sporing.example) — læg billedet i "
        "docs/assets/images/, og link til det dér — siden må ikke hente noget uden for sitet"]


@pytest.mark.parametrize("body", [
    "<!-- material/tags -->\n",
    "![Plakat](../assets/images/plakat.png)\n",
    "!!! warning \"Husk\"\n    Ring 112.\n",
    "??? note \"Mere\"\n    Tekst.\n",
    "## Overskrift {: #anker .klasse }\n",
])
def test_plain_markdown_with_allowed_markup_passes(body):
    problems = Problems()
    check_markdown(problems, "s.md", body, 1)
    assert [p.format() for p in problems] == []
