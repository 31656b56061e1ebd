"""rummelig/sitescan.py: the last look at a built site finds a CPR number in any page, search
index or data file, and empties the site (issue 13 item 4)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rummelig.sitescan import refuse_built_site, scan_site
from tests.support import write


def test_a_cpr_number_anywhere_a_reader_can_fetch_it_is_found(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", "<html><body>\n<p>Intet her 70 20 12 01</p>\n</body></html>\n")
    write(site, "a/index.html", "<html>\n<body>\n<p>Borger 0101<!-- x -->90&#8209;1234</p>\n</body></html>\n")
    write(site, "b/index.html", '<html>\n<img alt="010190 - 1234" src="x.png">\n</html>\n')
    write(site, "search/index.json", json.dumps({"docs": [{"text": "nr. ０１０１９０-１２３４"}]}))
    write(site, "api/partners.json", json.dumps([{"name": "0101\u200b90-1234"}], ensure_ascii=True))
    write(site, "assets/javascripts/bundle.min.js", "var a=0101901234;")  # the theme's code is not content
    assert [(f.rel, f.line) for f in scan_site(site)] == [
        ("a/index.html", 3), ("api/partners.json", 1), ("b/index.html", 2), ("search/index.json", 1)]
    message = refuse_built_site(site)
    assert message.startswith("Den byggede side indeholder noget, der ligner et CPR-nummer, så den er slettet igen:\n"
                              "site/a/index.html:3: siden indeholder noget, der ligner et CPR-nummer\n")
    assert "1234" not in message.replace("site/", "")
    assert list(site.iterdir()) == []


def test_a_clean_site_is_left_alone(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", "<p>Åbent 01.01.2026 10-12, ring 70 20 12 01</p>\n")
    assert refuse_built_site(site) == ""
    assert (site / "index.html").exists()


def _scanned_files(monkeypatch) -> list[str]:
    """The files scan_site parses itself, in the build's own process."""
    import rummelig.sitescan as sitescan

    parsed: list[str] = []
    original = sitescan.scan_file
    monkeypatch.setattr(sitescan, "_CLEAN", {})
    monkeypatch.setattr(sitescan, "scan_file", lambda path, rel: parsed.append(rel) or original(path, rel))
    return parsed


def test_pages_scanned_beside_the_build_are_not_scanned_again_unless_they_changed(tmp_path, monkeypatch):
    from rummelig.sitescan import PageScan

    parsed = _scanned_files(monkeypatch)
    site = tmp_path / "site"
    pages = {"index.html": "<p>Ring 70 20 12 01</p>\n", "a/index.html": "<p>Borger 010190-1234</p>\n",
             "b/index.html": "<p>Åbent i dag</p>\n", "c/index.html": "<p>Ingen tal</p>\n"}
    scan = PageScan()
    for rel, html in pages.items():
        write(site, rel, html)
        scan.add(str(site / rel), rel, html)
    write(site, "c/index.html", "<p>Ændret bagefter: 010190-1234</p>\n")  # after it was handed over
    write(site, "api/partners.json", json.dumps([{"name": "Café"}]))
    assert scan.finish() == 3  # index, b and c were clean as handed over; a was not
    assert [(f.rel, f.line) for f in scan_site(site)] == [("a/index.html", 1), ("c/index.html", 1)]
    assert sorted(parsed) == ["a/index.html", "api/partners.json", "c/index.html"]


def test_without_fork_every_page_is_scanned_in_the_build(tmp_path, monkeypatch):
    import os

    from rummelig.sitescan import PageScan

    parsed = _scanned_files(monkeypatch)
    monkeypatch.delattr(os, "fork")
    site = tmp_path / "site"
    write(site, "index.html", "<p>Borger 010190-1234</p>\n")
    scan = PageScan()
    scan.add(str(site / "index.html"), "index.html", "<p>Borger 010190-1234</p>\n")
    assert scan.finish() == 0
    assert [(f.rel, f.line) for f in scan_site(site)] == [("index.html", 1)] and parsed == ["index.html"]


def test_a_child_started_while_pages_are_scanned_does_not_hold_their_pipe_open(tmp_path, monkeypatch):
    """The 2x national build hung (96fca94): the search index's child, forked while PageScan's
    child still read pages, inherited the pages' pipe; the scan never saw its end, the build
    waited for the scan and the search child for the build. Whatever order things are forked
    in, a child must not keep that pipe: finish() returns while the other child still runs."""
    import os
    import time

    from rummelig import forked
    from rummelig.sitescan import PageScan

    _scanned_files(monkeypatch)
    scan = PageScan()
    scan.add(str(tmp_path / "index.html"), "index.html", "<p>Hej</p>\n")
    other = forked.start(lambda: time.sleep(30))  # stopped below; holding the pipe, it would end first
    try:
        assert other > 0 and scan.finish() == 1
        assert os.waitpid(other, os.WNOHANG) == (0, 0), "finish() ventede på det andet barn"
    finally:
        forked.stop(other)
    assert forked._HELD_BACK == set()  # let go once closed: the number may be reused


def test_a_page_scan_that_is_stopped_leaves_no_process_and_marks_nothing(tmp_path, monkeypatch):
    import os

    from rummelig.sitescan import PageScan

    _scanned_files(monkeypatch)
    scan = PageScan()
    pid = scan.pid
    scan.add(str(tmp_path / "index.html"), "index.html", "<p>Hej</p>\n")
    scan.close()
    assert scan.finish() == 0
    try:
        os.waitpid(pid, os.WNOHANG)
        reaped = False
    except ChildProcessError:
        reaped = True
    assert reaped


# -- the scan's fast paths (issue 18: the build's own cost) equal the slow ones ------------------
_PIECES = ["010190", "-1234", " 1234", "&#8209;", "&#10;", "\n", "<!-- x -->", "<b>", "</b>", " ", "alt=",
           "title=", "xalt=", "aria-label=", "content=", '"', "'", "0", "9", "12", "Å", "\u200b", "０", "a", "-"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_attribute_pattern_finds_what_a_word_boundary_pattern_finds(text):
    import re

    import rummelig.sitescan as sitescan

    plain = re.compile(r"""\b(?:alt|title|aria-label|content)=(?:"([^"]*)"|'([^']*)')""")
    assert sitescan._SHOWN_ATTRIBUTES.findall(text) == plain.findall(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=6))
def test_a_page_judged_line_by_line_with_remembered_lines_is_judged_as_the_whole_text(texts):
    import rummelig.sitescan as sitescan
    from rummelig import privacy

    sitescan._CLEAN_LINES.clear()
    for text in texts:  # one after the other, as a site's pages: lines seen before are remembered
        assert sitescan._may_hold_cpr(text) is bool(privacy.find_cpr(text))


def test_a_number_on_a_line_seen_before_in_another_page_is_still_found(tmp_path):
    import rummelig.sitescan as sitescan

    sitescan._CLEAN_LINES.clear()
    theme = "<svg><path d='M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10'/></svg>\n"
    assert scan_site_pages(tmp_path, {"a/index.html": theme + "<p>Hej</p>\n",
                                      "b/index.html": theme + "<p>Borger 010190-1234</p>\n"}) == [("b/index.html", 2)]
    assert theme.rstrip("\n") in sitescan._CLEAN_LINES


def scan_site_pages(tmp_path, pages: dict[str, str]) -> list[tuple[str, int]]:
    site = tmp_path / "site"
    for rel, html in pages.items():
        write(site, rel, html)
    return [(f.rel, f.line) for f in scan_site(site)]


# -- the search index written beside the scan (sitescan.Beside) -----------------------------------
def _write_search(site, text: str) -> None:
    write(site, "search/search_index.json", json.dumps({"config": {}, "docs": []}))
    write(site, "search/rummelig/v1/d0.js", "rummeligSearch.add('d0', " + json.dumps([[text]]) + ");\n")


def _site_with_pages(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", "<p>Ring 70 20 12 01</p>\n")
    write(site, "a/index.html", "<p>Borger 010190-1234</p>\n")
    return site


def test_the_folder_written_beside_is_scanned_by_its_child_and_not_again(tmp_path, monkeypatch):
    from rummelig.sitescan import Beside

    parsed = _scanned_files(monkeypatch)
    site = _site_with_pages(tmp_path)
    beside = Beside(site, "search/", lambda: _write_search(site, "Café"))
    message = refuse_built_site(site, beside=beside)
    assert message.splitlines()[1:2] == ["site/a/index.html:1: siden indeholder noget, der ligner et CPR-nummer"]
    assert sorted(parsed) == ["a/index.html", "index.html"]  # the search files: by the child only


def test_a_number_in_the_folder_written_beside_is_found_in_the_files_order(tmp_path, monkeypatch):
    from rummelig.sitescan import Beside

    parsed = _scanned_files(monkeypatch)
    site = _site_with_pages(tmp_path)
    write(site, "z/index.html", "<p>Borger 020290-1234</p>\n")
    beside = Beside(site, "search/", lambda: _write_search(site, "Borger 010190-1234"))
    message = refuse_built_site(site, beside=beside)
    assert [line.split(":")[0] for line in message.splitlines()[1:4]] == [
        "site/a/index.html", "site/search/rummelig/v1/d0.js", "site/z/index.html"]
    assert "search/rummelig/v1/d0.js" in parsed and list(site.iterdir()) == []


@pytest.mark.parametrize("case", ["the child fails", "no fork"])
def test_without_fork_or_when_the_child_fails_the_work_is_done_and_scanned_here(tmp_path, monkeypatch, case):
    import os

    from rummelig.sitescan import Beside

    parsed = _scanned_files(monkeypatch)
    site = tmp_path / "site"
    write(site, "index.html", "<p>Hej</p>\n")
    parent = os.getpid()
    calls = []

    def work():
        if os.getpid() != parent:
            raise RuntimeError("the child fails")  # in the child only
        calls.append("here")
        _write_search(site, "Café")

    if case == "no fork":
        monkeypatch.delattr(os, "fork")
    beside = Beside(site, "search/", work)
    assert refuse_built_site(site, beside=beside) == ""
    assert calls == ["here"]
    assert sorted(parsed) == ["index.html", "search/rummelig/v1/d0.js", "search/search_index.json"]


@pytest.mark.parametrize("case", ["in the child", "the child fails", "no fork"])
def test_what_the_work_returns_is_handed_to_then_here_before_its_folder_is_scanned(tmp_path, monkeypatch, case):
    """A full build writes the search files beside the build and the theme's own file after the
    theme's (hooks: Beside's `then`): `then` gets the work's value in the build's process, and
    what it writes into the folder is scanned there."""
    import os

    from rummelig.sitescan import Beside

    parsed = _scanned_files(monkeypatch)
    site = tmp_path / "site"
    write(site, "index.html", "<p>Hej</p>\n")
    parent, handed = os.getpid(), []

    def work():
        if case == "the child fails" and os.getpid() != parent:
            raise RuntimeError("the child fails")
        write(site, "search/rummelig/v1/d0.js", "rummeligSearch.add('d0', []);\n")
        return {"version": "v1", "made": "here" if os.getpid() == parent else "child"}

    def then(value):
        handed.append(value)
        write(site, "search/search_index.json", json.dumps({"config": {"rummelig": value["version"]}, "docs": []}))

    if case == "no fork":
        monkeypatch.delattr(os, "fork")
    assert refuse_built_site(site, beside=Beside(site, "search/", work, then)) == ""
    assert handed == [{"version": "v1", "made": "child" if case == "in the child" else "here"}]
    expected = ["index.html", "search/search_index.json"]
    assert sorted(parsed) == (expected if case == "in the child" else sorted([*expected, "search/rummelig/v1/d0.js"]))
