"""hooks/rummelig_hooks.py: state is reset between builds, and serve watches every content folder."""

from __future__ import annotations

from pathlib import Path

from tests.support import html


def test_hook_state_is_reset_between_builds_in_one_process(site_repo, monkeypatch):
    """`mkdocs serve` keeps the hook module loaded: a second build must see new content."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(site_repo)
    build(load_config(str(site_repo / "mkdocs.yml")))
    assert "Værestedet i Testby" in html(site_repo, "partnere/aarhus")
    path = site_repo / "partners/aarhus/vaerestedet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Værestedet i Testby", "Det nye værested"),
                    encoding="utf-8")
    build(load_config(str(site_repo / "mkdocs.yml")))
    page = html(site_repo, "partnere/aarhus")
    assert "Det nye værested" in page and "Værestedet i Testby" not in page


def test_serve_watches_every_content_folder():
    """`mkdocs serve` watches docs/ by itself; the hook adds every kind's folder (on_serve)."""
    import importlib.util

    from mkdocs.config import load_config

    from rummelig.kinds import KINDS

    project = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("hooks_under_test", project / "hooks" / "rummelig_hooks.py")
    assert spec and spec.loader
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    assert hooks.on_serve(server, load_config(str(project / "mkdocs.yml")), builder=None) is server
    assert sorted(server.watched) == sorted(str(project / kind.folder) for kind in KINDS.values())


def test_a_dirty_rebuild_keeps_each_page_once_in_the_theme_search_index(site_repo, monkeypatch, tmp_path):
    """`make serve` (--dirty): Material's search merges the previous index with the pages built
    again, removing only the first page's entries; a playbook edit rebuilds several pages (the
    playbook, the list, the front page …), so the hook removes theirs first (issue 18)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(site_repo)

    def config():
        loaded = load_config(str(site_repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        loaded.site_url = "http://127.0.0.1:8000/"
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    try:
        build(first, serve_url="http://127.0.0.1:8000/", dirty=True)
        for title in ("En gæst er faldet i søvn", "En gæst sover igen"):
            path = site_repo / "strategies/en-gaest-sover.md"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(text.split("title: ", 1)[1].split("\n", 1)[0], title, 1), encoding="utf-8")
            again = config()
            build(again, serve_url="http://127.0.0.1:8000/", dirty=True)
        search = next(p for p in again.plugins.values() if hasattr(p, "search_index_prev"))
        locations = [entry["location"] for entry in search.search_index_prev.entries]
        assert len(locations) == len(set(locations)), sorted(x for x in locations if locations.count(x) > 1)
        pages = {location.split("#")[0] for location in locations}
        assert "strategier/en-gaest-sover/" in pages and "" in pages  # rebuilt, and kept once
    finally:
        again.plugins.on_shutdown()
        again.plugins.on_startup(command="build", dirty=False)


def _built(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_full_build_makes_the_search_index_beside_the_pages_and_writes_the_same_site(site_repo, monkeypatch,
                                                                                      tmp_path):
    """A full build makes the search index in a child while MkDocs writes the pages (issue 18:
    on_env, not after the last page). The site is byte for byte the one the index made after the
    build gives (the theme's own file read back, as a --dirty build still does), also when there
    is no child (the work done in the build's process from the HTML the theme's search saw: a
    section marked data-search-exclude, whose attribute the theme strips, stays out)."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(site_repo)
    with (site_repo / "docs/om.md").open("a", encoding="utf-8") as page:
        page.write("\n## Kun på siden { data-search-exclude='ja' }\n\nSkovsnegleparaden er ikke i søgningen.\n")

    def site(name: str, way: str) -> dict[str, bytes]:
        config = load_config(str(site_repo / "mkdocs.yml"), site_dir=str(tmp_path / name))
        hooks = next(p for p in config.plugins.values() if hasattr(p, "_search_beside"))
        with monkeypatch.context() as patch:
            if way == "after the build":
                patch.setattr(hooks, "_search_beside", lambda config, files: None)
            elif way == "no fork":
                patch.delattr(os, "fork")
            build(config)
        return _built(tmp_path / name)

    beside = site("beside", "beside")
    assert site("after", "after the build") == beside
    assert site("here", "no fork") == beside
    index = [rel for rel in beside if rel.startswith("search/rummelig/")]
    assert any(rel.endswith("/core.js") for rel in index)
    assert not any(b"Skovsnegleparaden" in beside[rel] for rel in index)
    assert b"Skovsnegleparaden" in beside["om/index.html"] and b"data-search-exclude" not in beside["om/index.html"]
