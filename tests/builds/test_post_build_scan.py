"""Issue 13, "done when": a built site — through the hooks or through `rummelig materialize`
and a plain MkDocs build — holds no script but the theme's own, no event-handler attribute,
no `src` outside the site and no CPR number. Proved on the sample site and on a fuzzed one,
whose hostile content skips the check (the build's own lines of defence must hold)."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rummelig.sitescan import scan_site
from tests.support import PROJECT, run_cli, write

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class Published(HTMLParser):
    """What a browser would run or fetch from one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []      # src, or the inline code
        self.handlers: list[str] = []
        self.outside: list[str] = []      # src/srcset/data/poster/background that is not on the site
        self._inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            if values.get("src"):
                self.scripts.append(str(values["src"]))
            else:
                self._inline = True
                self.scripts.append("")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("src", "srcset", "data", "poster", "background", "formaction", "action") and value:
                text = "".join(value.split()).lower()
                if text.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", text):
                    self.outside.append(f"<{tag} {name}={value[:40]}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline = False

    def handle_data(self, data: str) -> None:
        if self._inline and self.scripts:
            self.scripts[-1] += data


def published(site: Path) -> tuple[set[str], list[str], list[str]]:
    scripts: set[str] = set()
    handlers: list[str] = []
    outside: list[str] = []
    for page in site.rglob("*.html"):
        reader = Published()
        reader.feed(page.read_text(encoding="utf-8"))
        scripts.update(re.sub(r"\?v=.*|^(\.\./)+", "", s.strip()) for s in reader.scripts)
        handlers += [f"{page.relative_to(site)}: {h}" for h in reader.handlers]
        outside += [f"{page.relative_to(site)}: {o}" for o in reader.outside]
    return scripts, handlers, outside


def build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=root, capture_output=True,
                          text=True, env=ENV)


@pytest.fixture(scope="module")
def clean_scripts(tmp_path_factory) -> set[str]:
    """The scripts of the project's own site: the theme's and ours, nothing else."""
    site = tmp_path_factory.mktemp("clean") / "site"
    result = build(PROJECT, site)
    assert result.returncode == 0, result.stderr
    scripts, handlers, outside = published(site)
    assert handlers == [] and outside == [] and scan_site(site) == []
    assert any(s.startswith("assets/javascripts/bundle.") for s in scripts)
    return scripts


HOSTILE = [
    "<script>alert('s')</script>", "<img src=x onerror=alert('i')>",
    "<!-- a --!> <script>alert('c')</script> -->", "<!-- n --> <svg onload=alert('v')>",
    "- punkt\n\n    <script>alert('l')</script>", "![spor](https://sporing.example/p.png)",
    "[Log ind](https://phish.example){ .md-button .md-button--primary }", "[a](java\nscript:alert('j'))",
    "[b](&#106;avascript:alert('e'))", "Tekst\n{: onclick=\"alert('a')\" }", "<iframe src=https://x.example></iframe>",
    "<a href=\"x\" onmouseover=alert('m')>x</a>", "<object data=https://x.example/o.swf></object>",
    "<form action=https://x.example><button formaction=javascript:alert('b')>x</button></form>",
    "!!! md-button \"Klik\"\n    tekst", "<video poster=https://x.example/p.png></video>",
]


def hostile_body(seed: int) -> str:
    rng = random.Random(seed)
    parts = rng.sample(HOSTILE, k=len(HOSTILE)) + [rng.choice(["Tekst.", "**fed**", "| a |\n|---|\n| b |"])
                                                   for _ in range(3)]
    return "\n\n".join(parts + ["```\n<img src=y onerror=alert('f')>"])  # a fence never closed: last


def unchecked(root: Path) -> None:
    """A conftest-free sitecustomize that switches the check's markup and privacy rules off, so
    the build's own defences are what is tested. The check's cache (written by the check that
    refused the content) is deleted: it holds what the rules found before they were switched off."""
    shutil.rmtree(root / ".rummelig-cache", ignore_errors=True)
    write(root, "sitecustomize_off/sitecustomize.py",
          "import rummelig.rules as rules\nfrom rummelig.rules import markup\n"
          "markup.check_markdown = lambda *a, **k: None\nmarkup.check_front_matter = lambda *a, **k: None\n"
          "for found in (rules.RULES, rules.FILE_RULES, rules.REPOSITORY_RULES):\n"
          "    found[:] = [r for r in found if r.__module__ != 'rummelig.rules.privacy']\n")


def build_unchecked(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """Not strict: MkDocs warns about the hostile links (left as they are); the sanitiser is tested."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(site)], cwd=root,
                          capture_output=True,
                          text=True, env={**ENV, "PYTHONPATH": str(root / "sitecustomize_off")})


@pytest.mark.parametrize("seed", [13, 2026])
def test_a_fuzzed_site_built_with_the_hooks_publishes_nothing_unsafe(site_repo, tmp_path, clean_scripts, seed):
    path = site_repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Registrér det gode møde.", hostile_body(seed)),
                    encoding="utf-8")
    write(site_repo, "docs/om.md", "# Om\n\n" + hostile_body(seed + 1) + "\n")
    assert run_cli("check", cwd=site_repo).returncode == 1  # the check refuses it all …
    unchecked(site_repo)
    site = tmp_path / "site"
    result = build_unchecked(site_repo, site)  # … and without the check the build still holds
    assert result.returncode == 0, result.stderr
    scripts, handlers, outside = published(site)
    assert scripts <= clean_scripts, scripts - clean_scripts
    assert handlers == [] and outside == []
    page = (site / "strategier/en-gaest-sover/index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    assert "md-button" not in article and 'src="https://sporing' not in article
    assert "<script" not in article and "<iframe" not in article and "<object" not in article


def test_a_cpr_number_that_got_past_the_check_stops_the_build(site_repo, tmp_path):
    path = site_repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("En gæst sover i en lænestol.",
                                                             "Borgeren 0101<!-- x -->90&#8209;1234 sover."),
                    encoding="utf-8")
    assert run_cli("check", cwd=site_repo).returncode == 1
    unchecked(site_repo)
    site = tmp_path / "site"
    result = build_unchecked(site_repo, site)
    assert result.returncode == 1
    assert ("Den byggede side indeholder noget, der ligner et CPR-nummer, så den er slettet igen:\n"
            f"{site.name}/strategier/en-gaest-sover/index.html:") in result.stderr
    assert "1234" not in result.stderr.split("slettet igen:")[1].replace("site/", "")
    assert not site.exists() or list(site.iterdir()) == []
    assert "Traceback" not in result.stderr


def test_materialize_then_a_plain_build_publishes_nothing_unsafe(site_repo, tmp_path, clean_scripts):
    out = tmp_path / "plain"
    result = run_cli("materialize", str(out), cwd=site_repo)
    assert result.returncode == 0, result.stdout
    site = tmp_path / "site"
    built = build(out, site)
    assert built.returncode == 0, built.stderr
    scripts, handlers, outside = published(site)
    assert scripts <= clean_scripts and handlers == [] and outside == []
    assert scan_site(site) == []


def test_materialize_refuses_a_generated_page_it_cannot_prove_safe(site_repo, tmp_path, monkeypatch):
    """A template that wrote an event handler (a bug) is refused before anything is written."""
    from rummelig import materialize as module
    from rummelig.render.environment import Page

    real = module.build_site

    def with_bad_page(root, today=None, library=None):
        result = real(root, today, library=library)
        result.pages.append(Page("strategier/ond.md", "---\ntitle: x\n---\n\n<p onclick=\"alert(1)\">x</p>\n"))
        return result

    monkeypatch.setattr(module, "build_site", with_bad_page)
    result = module.materialize(site_repo, tmp_path / "plain")
    assert [p.format() for p in result.problems] == [
        "(genereret) strategier/ond.md: siden kan ikke udgives uden sanitering: en attributliste ({: … }) sætter "
        "'onclick', som ikke er tilladt — meld fejlen til projektets vedligeholdere — intet er skrevet"]
    assert not (tmp_path / "plain").exists()
