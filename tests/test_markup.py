"""Unsafe HTML (issue 6 item 6): the check-time markup rule, the build-time sanitiser, and
the external-link listing (item 9)."""

from __future__ import annotations

import io
import json
import re
import socket

import pytest

from conftest import write
from rummelig.problems import Problems
from rummelig.rules.markup import check_markdown, link_scheme
from rummelig.sanitize import escape_text, sanitize_html


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


def test_sanitiser_removes_script_and_handlers_and_keeps_material():
    dirty = ('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(2)">b</a>'
             '<iframe src="https://e.com"></iframe><style>*{}</style><a href="tel:+4570201201">t</a></p>'
             '<div class="admonition warning"><p class="admonition-title">Eksempel</p></div>'
             '<details class="note"><summary>Mere</summary><p>x</p></details>'
             '<h2 id="hent-hjaelp">Hent hjælp<a class="headerlink" href="#hent-hjaelp" '
             'title="Permanent link">¶</a></h2>'
             '<img src="a.png" alt="x" onerror="y()"><!-- material/tags -->')
    clean = sanitize_html(dirty)
    assert clean == ('<p>a<a>b</a><a href="tel:+4570201201">t</a></p>'
                     '<div class="admonition warning"><p class="admonition-title">Eksempel</p></div>'
                     '<details class="note"><summary>Mere</summary><p>x</p></details>'
                     '<h2 id="hent-hjaelp">Hent hjælp<a class="headerlink" href="#hent-hjaelp" '
                     'title="Permanent link">¶</a></h2><img src="a.png" alt="x"><!-- material/tags -->')


def test_sanitiser_keeps_the_encounter_charts_exactly():
    from rummelig.encounters.charts import bar_chart, figure, trend_chart

    for chart in (figure(bar_chart("c1", "Møder & mere", "3 samtaler", [("Samtale", 3), ("Hjælp", 5)])),
                  figure(trend_chart("c2", "Trend", "Stigende", [("2026-01", "jan", 3), ("2026-02", "feb", 5)]))):
        assert "<svg" in chart
        expanded = re.sub(r"<(\w+)([^<>]*?)/>", r"<\1\2></\1>", chart)  # html5 serialises <x/> as <x></x>
        assert sanitize_html(chart) == expanded


def test_sanitiser_drops_svg_that_can_run_or_load_things():
    dirty = ('<svg onload="a()"><script>b()</script><use href="x.svg#a"></use><foreignObject><p>x</p>'
             '</foreignObject><a href="javascript:c()"><rect width="1"></rect></a></svg>')
    clean = sanitize_html(dirty)
    assert "onload" not in clean and "script" not in clean and "<use" not in clean
    assert "foreignObject" not in clean and "javascript" not in clean and '<rect width="1"></rect>' in clean


def test_titles_are_escaped_for_templates():
    assert escape_text('a <b> "c" & d') == "a &lt;b&gt; &quot;c&quot; & d"
    assert escape_text(3) == 3


def test_links_lists_external_links_and_never_fetches(repo, monkeypatch):
    from rummelig.commands import links

    write(repo, "docs/om.md", "# Om\n\nSe [Livslinien](https://www.livslinien.dk) og [forsiden](index.md).\n")
    path = repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Registrér det gode møde.", "Læs [Sundhedsstyrelsen](https://www.sst.dk/da/x) og <http://example.dk>."),
        encoding="utf-8")

    def no_network(*args, **kwargs):
        raise AssertionError("rummelig links must not open a connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    out = io.StringIO()
    assert links.run(repo, "text", out) == 0
    assert out.getvalue().splitlines() == [
        "docs/om.md:3: https://www.livslinien.dk",
        "libraries/testbib.yml:8: https://bibliotek.example.dk",
        "partners/aarhus/vaerestedet.yml:9: https://www.aarhus.dk",
        "strategies/en-gaest-sover.md:32: http://example.dk",
        "strategies/en-gaest-sover.md:32: https://www.sst.dk/da/x",
        "5 eksterne links til 5 websteder. De er ikke hentet; tjek dem i en browser eller med et linktjek-værktøj.",
    ]
    out = io.StringIO()
    assert links.run(repo, "json", out) == 0
    assert json.loads(out.getvalue())[0] == {"path": "docs/om.md", "line": 3, "url": "https://www.livslinien.dk"}


def test_links_is_a_command(repo):
    from conftest import run_cli

    result = run_cli("links", cwd=repo)
    assert result.returncode == 0 and "https://www.aarhus.dk" in result.stdout


def test_docs_front_matter_allows_only_known_keys(repo):
    from rummelig.pipeline import check_repository

    write(repo, "docs/a.md", "---\ntitle: A\nhide: [toc, navigation]\nsearch:\n  boost: 2\ntags: [x]\n---\n\n# A\n")
    write(repo, "docs/b.md", "---\ntitel: B\nhide: [menu]\n---\n\n# B\n")
    found = [p.format() for p in check_repository(repo).problems]
    assert found == [
        "docs/b.md:2: ukendt nøgle 'titel' (mente du 'title'?) — brug en af: title, description, subtitle, icon, "
        "status, tags, hide, search",
        "docs/b.md:3: 'hide punkt 1' er 'menu' — brug en af: navigation, toc, footer, path, tags, feedback",
    ]
