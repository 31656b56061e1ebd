"""A full render shared with a forked child (render_pages(share=True), issue 18: the build's own
cost) gives the same pages in the same order as one process — in the national edition and in a
library's — and where there is no fork, or the child fails, this process makes them all."""

from __future__ import annotations

import os
from datetime import date

import pytest

from bench.corpus import generate
from rummelig.edition import edition
from rummelig.pipeline import check_repository
from rummelig.render import all_pages
from rummelig.render.all_pages import render_pages
from rummelig.repository import Repository

TODAY = date(2026, 11, 1)
LIBRARY = "aarhus-bibliotek-1"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    root = tmp_path_factory.mktemp("corpus") / "c"
    generate(root, scale=0.05, seed=7, today=TODAY)
    checked = check_repository(root, TODAY)
    assert not checked.problems.has_errors()
    return checked.repo


def _pages(pages: list[all_pages.Page]) -> list[tuple[str, str]]:
    return [(page.uri, page.content) for page in pages]


@pytest.mark.parametrize("library", [None, LIBRARY], ids=["national", "edition"])
def test_a_shared_render_gives_the_pages_of_one_process_in_its_order(repo: Repository, library: str | None,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the child is made on a machine with two cores or more
    shown = edition(repo, library) if library else repo
    alone = _pages(render_pages(shown, TODAY, library))
    made_here: list[str] = []
    for kind in all_pages.SHARED:
        real = all_pages.BY_KIND[kind]
        monkeypatch.setitem(all_pages.BY_KIND, kind, lambda r, real=real: made_here.append(str(os.getpid())) or real(r))
    shared = _pages(render_pages(shown, TODAY, library, share=True))
    assert shared == alone
    assert any(uri.startswith("biblioteker/") for uri, _ in shared) and any("gode-moeder" in uri for uri, _ in shared)
    assert made_here == []  # the shared kinds' pages were made in the child


def test_without_fork_or_when_the_child_fails_every_page_is_made_here(repo: Repository,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    alone = _pages(render_pages(repo, TODAY))
    parent = os.getpid()
    made_here: list[str] = []
    real = all_pages.BY_KIND["library"]

    def library_pages(renderer):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        made_here.append("library")
        return real(renderer)

    monkeypatch.setitem(all_pages.BY_KIND, "library", library_pages)
    assert _pages(render_pages(repo, TODAY, share=True)) == alone
    assert made_here == ["library"]
    monkeypatch.delattr(os, "fork")
    made_here.clear()
    assert _pages(render_pages(repo, TODAY, share=True)) == alone
    assert made_here == ["library"]
