"""From file to published page (issue 6 items 6, 8, 9): the built site holds no script but
Material's and ours, the build-time sanitiser catches what gets past the check, broken links
and anchors stop the build, and `make site` replaces site/ only when the build succeeds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from rummelig.commands import check as check_command
from tests.support import PROJECT, call, write

SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]*)\"", re.IGNORECASE)
HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JS_URL = re.compile(r"(?:href|src|action|formaction)\s*=\s*[\"']?\s*(?:javascript|vbscript|data:text)", re.IGNORECASE)


@pytest.fixture(scope="module")
def project_site(tmp_path_factory) -> Path:
    """The repository's own content, built once with the real configuration."""
    out = tmp_path_factory.mktemp("project-site") / "site"
    result = subprocess.run([str(Path(os.sys.executable).parent / "mkdocs"), "build", "-d", str(out)],
                            cwd=PROJECT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return out


def test_every_script_is_materials_or_ours(project_site):
    ours = {p.relative_to(PROJECT / "docs").as_posix() for p in (PROJECT / "docs").rglob("*.js")}
    pages = list(project_site.rglob("*.html"))
    assert len(pages) > 50
    seen = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for src in SCRIPT_SRC.findall(html):
            assert "//" not in src.split("?")[0] and ":" not in src, f"{page}: external script {src}"
            path = src.split("?")[0]  # 404.html links from the site root (no site_url set)
            target = (project_site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            assert target.is_file(), f"{page}: {src} does not exist"
            rel = target.relative_to(project_site.resolve()).as_posix()
            assert rel.startswith("assets/javascripts/") or rel in ours, f"{page}: unexpected script {rel}"
            seen.add(rel)
        assert not HANDLER.search(html), f"{page}: inline event handler {HANDLER.search(html).group()}"
        assert not JS_URL.search(html), f"{page}: {JS_URL.search(html).group()}"
    assert any(re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", s) for s in seen)


UNSAFE_BODY = """
Tekst <img src=x onerror="alert(1)"> og <a href="javascript:alert(2)">klik</a>.

<script>alert(3)</script>

<iframe src="https://example.com"></iframe>

<form action="https://example.com"><input name="cpr"></form>

[link](javascript:alert(4)) og <svg onload="alert(5)"><rect width="1" height="1"/></svg>
"""


def test_the_sanitiser_catches_what_gets_past_the_check(site_repo, monkeypatch):
    """With the check's markup rule switched off, the build still publishes no script."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from rummelig.rules import markup

    monkeypatch.setattr(markup, "check_markdown", lambda *args, **kwargs: None)
    monkeypatch.setattr(markup, "check_front_matter", lambda *args, **kwargs: None)
    path = site_repo / "strategies/en-gaest-sover.md"
    text = path.read_text(encoding="utf-8").replace("En gæst sover i en lænestol.", UNSAFE_BODY)
    path.write_text(text.replace("title: En gæst sover", "title: 'En gæst <script>alert(6)</script>'"),
                    encoding="utf-8")
    write(site_repo, "docs/om.md", "---\ntitle: 'Om\" onmouseover=\"alert(7)'\n---\n\n# Om\n\n!!! note \"Husk\"\n"
                                   "    Admonitions bliver.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
                                   "[Ring](tel:+4570201201)\n")
    monkeypatch.chdir(site_repo)
    build(load_config(str(site_repo / "mkdocs.yml")))
    playbook = (site_repo / "site/strategier/en-gaest-sover/index.html").read_text(encoding="utf-8")
    about = (site_repo / "site/om/index.html").read_text(encoding="utf-8")
    for html in (playbook, about):
        assert "alert(" not in html.replace("alert(6)", "").replace("alert(7)", "")
        assert not HANDLER.search(html)
        assert not JS_URL.search(html)
        assert "<iframe" not in html and "<form action=\"https" not in html
    assert "<script>alert(6)" not in playbook and "En gæst &lt;script&gt;alert(6)" in playbook
    assert 'onmouseover="alert(7)' not in about and "Om&quot; onmouseover=&quot;alert(7)" in about
    assert '<div class="admonition note">' in about and '<p class="admonition-title">Husk</p>' in about
    assert '<td style="text-align:left">1</td>' in about and 'href="tel:+4570201201"' in about


def strict_build(root: Path) -> subprocess.CompletedProcess[str]:
    """Not --quiet: MkDocs then drops warnings before strict mode counts them, and a broken
    link passes (measured on MkDocs 1.6.1)."""
    return subprocess.run([os.sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.parametrize(("link", "expected"), [
    ("[partnerne](../partnere/findes-ikke.md)", "partnere/findes-ikke.md"),
    ("[hent hjælp](#findes-ikke)", "#findes-ikke"),
])
def test_a_broken_link_or_anchor_in_a_playbook_fails_the_build(site_repo, link, expected):
    path = site_repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Registrér det gode møde.", f"Se {link}."),
                    encoding="utf-8")
    check = call(check_command.run, site_repo)  # the check finds it first now (issue 13) …
    assert check.returncode == 1 and "strategies/en-gaest-sover.md:32: linket går til" in check.stdout
    result = strict_build(site_repo)  # … and the build stops on it (the check in the hook, then MkDocs' own)
    assert result.returncode == 1
    assert "strategies/en-gaest-sover.md:32:" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr


def make_site(root: Path) -> subprocess.CompletedProcess[str]:
    venv = Path(os.sys.executable).parent.parent
    return subprocess.run(["make", "-f", str(PROJECT / "Makefile"), "-o", f"{venv}/.site-installed", "site",
                           f"VENV={venv}"], cwd=root, capture_output=True, text=True)


def test_make_site_replaces_the_old_site_only_when_the_build_succeeds(site_repo):
    first = make_site(site_repo)
    assert first.returncode == 0, first.stdout + first.stderr
    (site_repo / "site/marker.txt").write_text("den gamle side", encoding="utf-8")
    index = (site_repo / "site/index.html").read_bytes()

    # The check passes but the build fails (the navigation names a page that does not exist).
    config = (site_repo / "mkdocs.yml").read_text(encoding="utf-8")
    (site_repo / "mkdocs.yml").write_text(config.replace("  - Om: om.md\n", "  - Om: om.md\n  - Mangler: mangler.md\n"),
                                          encoding="utf-8")
    assert call(check_command.run, site_repo).returncode == 0
    failed = make_site(site_repo)
    assert failed.returncode != 0
    assert (site_repo / "site/marker.txt").read_text(encoding="utf-8") == "den gamle side"
    assert (site_repo / "site/index.html").read_bytes() == index
    assert not (site_repo / ".site-build").exists() and not (site_repo / ".site-old").exists()

    # The check fails: nothing is built at all.
    (site_repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    path = site_repo / "partners/aarhus/vaerestedet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: x"), encoding="utf-8")
    refused = make_site(site_repo)
    assert refused.returncode != 0 and "partners/aarhus/vaerestedet.yml:2:" in refused.stdout
    assert (site_repo / "site/marker.txt").exists()

    # Fixed: the new site replaces the old one completely.
    path.write_text(path.read_text(encoding="utf-8").replace("type: x", "type: drop-in-centre"), encoding="utf-8")
    fixed = make_site(site_repo)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert not (site_repo / "site/marker.txt").exists()
    assert (site_repo / "site/om/index.html").exists()
    shutil.rmtree(site_repo / "site")


def test_two_overlapping_make_site_runs_leave_one_whole_site(site_repo):
    """Issue 13 item 6: `make site & make site` serialise (rummelig/buildlock.py); the second says
    it waits, both succeed, and site/ is one whole build."""
    venv = Path(os.sys.executable).parent.parent
    command = ["make", "-f", str(PROJECT / "Makefile"), "-o", f"{venv}/.site-installed", "site", f"VENV={venv}"]
    first = subprocess.Popen(command, cwd=site_repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (site_repo / ".site-build").exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)  # the second starts while the first is building
    second = subprocess.run(command, cwd=site_repo, capture_output=True, text=True)
    out, err = first.communicate()
    assert first.returncode == 0, out + err
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stderr.startswith("Venter: siden bliver allerede bygget i denne mappe (make site eller make "
                                    "offline) — denne bygning starter, når den anden er færdig.")
    built = sorted(p.relative_to(site_repo / "site").as_posix() for p in (site_repo / "site").rglob("*"))
    assert "strategier/en-gaest-sover/index.html" in built and "search/search_index.json" in built
    assert not (site_repo / ".site-build").exists() and not (site_repo / ".site-old").exists()
    again = make_site(site_repo)  # a build on its own gives the same files
    assert again.returncode == 0
    assert sorted(p.relative_to(site_repo / "site").as_posix() for p in (site_repo / "site").rglob("*")) == built
