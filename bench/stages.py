"""Where one full `mkdocs build` spends its time, stage by stage (issue 18: the build's own cost).

Run from a corpus folder (bench.corpus; its check cache warm, as bench.run builds it), so that
`rummelig` and the hooks are the corpus's snapshot:

    cd <corpus> && NO_MKDOCS_2_WARNING=1 PYTHONDONTWRITEBYTECODE=1 python /path/to/bench/stages.py <site> [<out>]

Each stage is timed around its function: wall, this process's CPU and the CPU of the children
reaped meanwhile (os.times: the search child is counted where it is waited for, PageScan's at its
`finish`, the sanitiser's at on_env, the render child's in `render`). Rows nest (the Markdown is
inside `_populate_page`, our sanitising inside its page_content event); `event …` is every plugin
and hook of that MkDocs event together, the theme's included. Run it in the baseline folder too
(bench.run.make_baseline) for MkDocs' and the theme's own rows.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from typing import Any

sys.path.insert(0, os.getcwd())
START_WALL, START = time.perf_counter(), os.times()
STATS: dict[str, list[float]] = {}


def _cpu(t: os.times_result) -> tuple[float, float]:
    return t.user + t.system, t.children_user + t.children_system


def _add(label: str, wall: float, before: os.times_result) -> None:
    own, children = _cpu(os.times())
    own0, children0 = _cpu(before)
    row = STATS.setdefault(label, [0.0, 0.0, 0.0, 0])
    row[0] += time.perf_counter() - wall
    row[1] += own - own0
    row[2] += children - children0
    row[3] += 1


def wrap(owner: Any, name: str, label: str) -> None:
    if not hasattr(owner, name):
        return
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, before = time.perf_counter(), os.times()
        try:
            return fn(*args, **kwargs)
        finally:
            _add(label, wall, before)

    setattr(owner, name, timed)


def main(site: str, out: str | None) -> None:
    import mkdocs.commands.build as build
    import mkdocs.plugins as plugins
    import mkdocs.structure.pages as pages
    from mkdocs.__main__ import cli

    try:  # our stages (absent in the baseline's run, which has no hooks: only MkDocs' rows then)
        import rummelig.sanitize
        import rummelig.site
        import rummelig.sitescan

        wrap(rummelig.site, "check_repository", "check (in on_config)")
        wrap(rummelig.site, "render_pages", "render (in on_config; its child's CPU as children)")
        wrap(rummelig.sanitize, "sanitize_html", "sanitize_html, in this process")
        wrap(rummelig.sanitize.Sanitiser, "results", "sanitiser child: waiting at on_env")
        wrap(rummelig.sitescan, "scan_site", "after-build scan (scan_site)")
        wrap(rummelig.sitescan.Beside, "wait", "search child: waiting after the last page")
        wrap(rummelig.sitescan.PageScan, "add", "PageScan.add")
        wrap(rummelig.sitescan.PageScan, "finish", "PageScan child: waiting")
    except ImportError:
        pass
    wrap(build, "_populate_page", "mkdocs _populate_page (Markdown + page events)")
    wrap(pages.Page, "render", "mkdocs Page.render (Markdown)")
    wrap(build, "_build_page", "mkdocs _build_page (theme + page_context/post_page)")
    run_event = plugins.PluginCollection.run_event

    def timed_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        wall, before = time.perf_counter(), os.times()
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            _add(f"event {name}", wall, before)

    plugins.PluginCollection.run_event = timed_event  # type: ignore[method-assign]
    try:
        cli(["build", "--quiet", "--site-dir", site])
    except SystemExit as stop:
        if stop.code:
            raise
    finally:
        _add("WHOLE (after the driver's imports)", START_WALL, START)
        lines = [f"{label:55s} n={n:5.0f}  wall {wall:7.2f}  CPU {own:6.2f} + children {children:5.2f}"
                 for label, (wall, own, children, n) in sorted(STATS.items(), key=lambda kv: -kv[1][1] - kv[1][2])]
        text = "\n".join(lines) + "\n"
        if out:
            with open(out, "w", encoding="utf-8") as file:
                file.write(text)
        else:
            sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
