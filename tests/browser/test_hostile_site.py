"""Issue 13 item 2 in a real Chromium: hostile content that skips the check, built through the
hooks and through `rummelig materialize` + a plain MkDocs build, runs no script of its own and
fetches nothing outside the site (the issue saw script run from the hook-less path)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.site import serve
from tests.builds.test_post_build_scan import ENV, build_unchecked, hostile_body, unchecked
from tests.support import run_cli

pytestmark = pytest.mark.browser

PAGES = ["strategier/en-gaest-sover/", "om/"]


def visit(browser: Browser, site: Path) -> tuple[list[str], list[str]]:
    """(dialogs opened, requests outside 127.0.0.1) while each page loads and every element of
    its text gets the events a contributed handler would wait for (links are not followed)."""
    dialogs: list[str] = []
    outside: list[str] = []
    with serve(site) as served:
        context = browser.new_context()
        context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                      if not route.request.url.startswith(served.origin) else route.continue_())
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in PAGES:
            page.goto(f"{served.origin}/{path}")
            page.wait_for_load_state("load")
            for element in page.locator("article a, article img, article p, article div").all()[:80]:
                for event in ("mouseover", "focus", "click"):
                    if event != "click" or element.evaluate("e => e.tagName") != "A":
                        element.dispatch_event(event)
            page.wait_for_timeout(300)
        context.close()
    return dialogs, outside


def hostile(site_repo: Path) -> None:
    path = site_repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Registrér det gode møde.", hostile_body(7)),
                    encoding="utf-8")
    (site_repo / "docs/om.md").write_text("# Om\n\n" + hostile_body(8) + "\n", encoding="utf-8")
    unchecked(site_repo)


def test_the_hooks_build_runs_no_contributed_script(site_repo, tmp_path, browser):
    hostile(site_repo)
    site = tmp_path / "site"
    assert build_unchecked(site_repo, site).returncode == 0
    assert visit(browser, site) == ([], [])


def test_the_visit_sees_script_when_the_sanitiser_is_off(site_repo, tmp_path, browser):
    """The same visit is not blind: with the build's sanitiser off too, the hostile text runs."""
    hostile(site_repo)
    custom = site_repo / "sitecustomize_off/sitecustomize.py"
    custom.write_text(custom.read_text(encoding="utf-8") + "import rummelig.sanitize as s\n"
                      "s.sanitize_html = lambda html: html\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build_unchecked(site_repo, site).returncode == 0
    dialogs, outside = visit(browser, site)
    assert dialogs and any("sporing.example" in url for url in outside)


def test_the_hookless_path_refuses_what_it_cannot_prove_safe(site_repo, tmp_path):
    """materialize refuses the hostile content with the check; without the check it still
    refuses what it cannot prove safe, so no plain build ever sees it."""
    hostile(site_repo)
    out = tmp_path / "plain"
    result = subprocess.run([sys.executable, "-m", "rummelig", "materialize", str(out)], cwd=site_repo,
                            capture_output=True, text=True,
                            env={**ENV, "PYTHONPATH": str(site_repo / "sitecustomize_off")})
    assert result.returncode == 1 and "siden kan ikke udgives uden sanitering" in result.stdout
    assert not out.exists()
    assert run_cli("check", cwd=site_repo).returncode == 1
