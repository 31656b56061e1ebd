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
