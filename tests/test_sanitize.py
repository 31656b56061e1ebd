"""rummelig/sanitize.py: the build-time sanitiser and the escaping of titles (issue 6 item 6)."""

from __future__ import annotations

import re

from rummelig.sanitize import escape_text, sanitize_html


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


def test_pages_sanitised_in_a_child_are_what_sanitize_html_makes_of_them(monkeypatch):
    """A full build hands each page's HTML to Sanitiser's child (issue 18); the pages come back
    as sanitize_html makes them, by key. No fork: `add` says so, and the build sanitises here."""
    import os

    from rummelig.sanitize import Sanitiser

    pages = {f"side-{n}.md": f'<p onclick="x()" class="md-typeset md-header">Side {n}</p><script>y()</script>'
             for n in range(300)}  # more than a pipe's buffer
    sanitiser = Sanitiser()
    assert all(sanitiser.add(key, html) for key, html in pages.items())
    assert sanitiser.results() == {key: sanitize_html(html) for key, html in pages.items()}
    assert sanitize_html(pages["side-1.md"]) == "<p>Side 1</p>"  # not the same as handed over

    monkeypatch.delattr(os, "fork")
    alone = Sanitiser()
    assert alone.add("side-1.md", pages["side-1.md"]) is False
    assert alone.results() is None


def test_a_sanitiser_stopped_without_its_results_leaves_no_child():
    import os

    from rummelig.sanitize import Sanitiser

    sanitiser = Sanitiser()
    pid = sanitiser.pid
    assert pid and sanitiser.add("side.md", "<p>Hej</p>")
    sanitiser.close()
    assert sanitiser.add("side.md", "<p>Hej</p>") is False and sanitiser.results() is None
    try:
        os.waitpid(pid, os.WNOHANG)
        raise AssertionError("the child was not reaped")
    except ChildProcessError:
        pass
