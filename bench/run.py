"""`make bench`: check, preview and build the national corpus at 1× and 2×, against a no-hooks baseline.

For each scale, in one run on the same machine:
  (a) `rummelig check`, cold (its cache, .rummelig-cache/, deleted before each run): wall and
      CPU time (median of --check-runs) and peak memory;
  (a2) `rummelig check`, warm: after one edit of a playbook, a partner, a library and an
      encounter file (each --check-runs times, a new edit each time), with the cache of the
      check before (issue 18);
  (b) the full `mkdocs build` with our hooks: wall time, peak memory, HTML bytes, largest
      page, search_index.json size, page count;
  (c) the baseline: a plain Material build with no hooks of the same pages, pre-rendered as
      Markdown by `rummelig materialize` (same mkdocs.yml otherwise); (b) and (c) alternate,
      --build-runs pairs, and the medians are compared;
  (e) the preview (bench/preview.py): `mkdocs serve --dirty` as `make serve` runs it, a page
      open in Chromium, and for one edit of each kind the time from saving the file to the page
      showing the change (median of --check-runs);
  (d) at 1× only, the search in Chromium (bench/search.py): time from a page that just loaded
      to the first result and the bytes fetched, median of 10 page loads, on the built site
      served from 127.0.0.1 and on an offline build (`make offline`) opened from file://.
Every command runs as a child process; its peak RSS comes from os.wait4. The table is printed
and written as JSON (bench/out/results.json); the budget (BUDGET) is checked and the exit code
is 1 when a line is missed.

Usage: python -m bench.run [--scales 1 2] [--out bench/out] [--check-runs 5] [--build-runs 5] [--check-only]
(--check-only: only (a) and (a2), and only their budget lines: a minute instead of fifteen.)
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.corpus import generate

PROJECT = Path(__file__).resolve().parents[1]
MB = 1_000_000


@dataclass(frozen=True)
class Line:
    key: str
    text: str      # what the budget says
    limit: float


BUDGET = [
    Line("check_wall_1x", "national check, cold (no cache) < 1 s wall", 1.0),
    Line("warm_check_1x", "national check after a one-file edit < 0.3 s (slowest kind)", 0.3),
    Line("preview_playbook_1x", "preview: one-playbook edit saved → page reloaded ≤ 3 s", 3.0),
    Line("hooks_ratio_1x", "build ≤ 1.15 × no-hooks baseline (1×)", 1.15),
    Line("hooks_ratio_2x", "build ≤ 1.15 × no-hooks baseline (2×)", 1.15),
    Line("check_scaling", "2× corpus check (cold) ≤ 2.2 × the 1× time", 2.2),
    Line("warm_check_scaling", "2× corpus warm check ≤ 2.2 × the 1× time", 2.2),
    Line("preview_scaling", "2× corpus preview of a playbook edit ≤ 2.2 × the 1× time", 2.2),
    Line("build_scaling", "2× corpus build ≤ 2.2 × the 1× time", 2.2),
    Line("baseline_scaling", "2× corpus baseline ≤ 2.2 × the 1× time", 2.2),
    Line("largest_page_mb", "no page > 1 MB (any scale)", 1.0),
    Line("search_index_mb_1x", "search index (search/, all files) ≤ 10 MB (national corpus)", 10.0),
    Line("search_served_ms_1x", "first search result ≤ 500 ms after page load, served (median of 10)", 500),
    Line("search_file_ms_1x", "first search result ≤ 1500 ms after page load, file:// (median of 10)", 1500),
]


_CHECK_LINES = ("check_", "warm_check_")  # the budget lines of `--check-only`


def figures(results: dict[str, Any], time_key: str = "wall_s") -> dict[str, float | None]:
    """The numbers the budget is about, from a results dict (None when not measured).
    `time_key` is "wall_s" (the budget) or "cpu_s" (the same lines by CPU time)."""
    scales = results.get("scales", {})
    one, two = scales.get("1", {}), scales.get("2", {})

    def get(scale: dict, *path: str) -> float | None:
        value: Any = scale
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a is not None and b else None

    pages = [get(s, "build", "largest_page_bytes") for s in (one, two)]
    pages += [get(s, "baseline", "largest_page_bytes") for s in (one, two)]
    pages = [p for p in pages if p is not None]
    search = get(one, "build", "search_index_bytes")
    # The preview is measured in the browser: wall time only, in both tables.
    return {
        "check_wall_1x": get(one, "check", time_key),
        "warm_check_1x": get(one, "warm", time_key),
        "preview_playbook_1x": get(one, "preview", "playbook", "median_s"),
        "hooks_ratio_1x": ratio(get(one, "build", time_key), get(one, "baseline", time_key)),
        "hooks_ratio_2x": ratio(get(two, "build", time_key), get(two, "baseline", time_key)),
        "check_scaling": ratio(get(two, "check", time_key), get(one, "check", time_key)),
        "warm_check_scaling": ratio(get(two, "warm", time_key), get(one, "warm", time_key)),
        "preview_scaling": ratio(get(two, "preview", "playbook", "median_s"),
                                 get(one, "preview", "playbook", "median_s")),
        "build_scaling": ratio(get(two, "build", time_key), get(one, "build", time_key)),
        "baseline_scaling": ratio(get(two, "baseline", time_key), get(one, "baseline", time_key)),
        "largest_page_mb": round(max(pages) / MB, 3) if pages else None,
        "search_index_mb_1x": round(search / MB, 3) if search is not None else None,
        "search_served_ms_1x": get(one, "search", "served", "median_ms"),
        "search_file_ms_1x": get(one, "search", "file", "median_ms"),
    }


def evaluate(results: dict[str, Any], time_key: str = "wall_s") -> list[dict[str, Any]]:
    """One row per budget line: value, limit and whether it holds (a missing value fails)."""
    found = figures(results, time_key)
    rows = []
    for line in BUDGET:
        value = found[line.key]
        strict = line.key in ("check_wall_1x", "warm_check_1x")  # "< 1 s", "< 0.3 s"; the others "≤"
        ok = value is not None and (value < line.limit if strict else value <= line.limit)
        rows.append({"key": line.key, "budget": line.text, "limit": line.limit, "value": value, "ok": ok})
    return rows


# -- measuring ------------------------------------------------------------------------------
def measure_wait4(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `cmd`; wall time and this child's own peak RSS (os.wait4 gives per-child rusage)."""
    log = cwd / f".bench-{os.getpid()}-{time.monotonic_ns()}.log"
    load_before = os.getloadavg()[0]
    with open(log, "wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(encoding="utf-8", errors="replace")
    log.unlink()
    # CPU time (user + system) is shown beside the wall time: on a shared machine the wall time
    # also measures the other processes; for these single-threaded commands an idle machine's
    # wall time is close to the CPU time.
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "load_before": round(load_before, 2),
            "returncode": proc.returncode, "output_tail": output[-2000:]}


def site_stats(site: Path) -> dict[str, Any]:
    html = [p for p in site.rglob("*.html")]
    sizes = {p: p.stat().st_size for p in html}
    largest = max(sizes, key=sizes.get) if sizes else None
    search = [p for p in (site / "search").rglob("*") if p.is_file()] if (site / "search").is_dir() else []
    return {
        "pages": len(html),
        "html_bytes": sum(sizes.values()),
        "largest_page_bytes": sizes[largest] if largest else 0,
        "largest_page": largest.relative_to(site).as_posix() if largest else None,
        "search_index_bytes": sum(p.stat().st_size for p in search) if search else None,
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


# Run in the corpus folder, so `rummelig` is imported from the snapshot there: the build, the
# check and the baseline all measure the same (committed) code.
def make_baseline(corpus: Path, dest: Path) -> int:
    """The same pages without our hooks: `rummelig materialize` writes them as plain Markdown
    beside docs/, with the project's mkdocs.yml minus `hooks:` (exactly what another engine gets)."""
    if dest.exists():
        shutil.rmtree(dest)
    done = subprocess.run([sys.executable, "-m", "rummelig", "materialize", str(dest)], cwd=corpus,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: rummelig materialize for the baseline failed:\n{done.stdout[-3000:]}"
                         f"{done.stderr[-3000:]}")
    return sum(1 for _ in (dest / "docs").rglob("*.md")) - sum(1 for _ in (corpus / "docs").rglob("*.md"))


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                    if ln.startswith("model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        kb = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                  if ln.startswith("MemTotal"))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "pydantic", "PyYAML"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001 - informational only
            versions[package] = None
    commit = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "memory": mem, "cpu": cpu, "python": platform.python_version(),
            "versions": versions, "commit": commit, "date": date.today().isoformat()}


def bench_search(corpus: Path, site: Path, out: Path, env: dict[str, str], runs: int, log) -> dict[str, Any]:
    """The search in Chromium on the built site (served) and on an offline build (file://)."""
    from bench.search import measure

    found: dict[str, Any] = {"load_before": round(os.getloadavg()[0], 2)}
    found["served"] = measure(site, file_url=False, runs=runs)
    log(f"[1×] search, served: first result {found['served']['median_ms']} ms (median of {runs}; "
        f"{found['served']['runs_ms']}), {found['served']['median_bytes'] / 1000:.0f} KB fetched, "
        f"load {found['load_before']}")
    offline = out / "site-offline-1x"
    if offline.exists():
        shutil.rmtree(offline)
    run = measure_wait4([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(offline)], corpus,
                        {**env, "RUMMELIG_OFFLINE": "true"})
    if run["returncode"] != 0:
        raise SystemExit(f"bench: the offline build failed:\n{run['output_tail']}")
    found["file"] = measure(offline, file_url=True, runs=runs)
    log(f"[1×] search, file://: first result {found['file']['median_ms']} ms (median of {runs}; "
        f"{found['file']['runs_ms']}), {found['file']['median_bytes'] / 1000:.0f} KB read")
    shutil.rmtree(offline)
    return found


def bench_scale(scale: int, out: Path, check_runs: int, log, ref: str = "HEAD",
                search_runs: int = 10, preview_runs: int = 5, check_only: bool = False,
                build_runs: int = 5) -> dict[str, Any]:
    corpus = out / f"corpus-{scale}x"
    if corpus.exists():
        shutil.rmtree(corpus)
    t = time.perf_counter()
    counts = generate(corpus, float(scale), project=PROJECT, ref=ref)
    log(f"[{scale}×] corpus written in {time.perf_counter() - t:.1f} s: {counts.files} generated files")
    # Its copy of the core compiled once, as `make` does in a checkout (the Makefile's .compiled step):
    # a check that compiled ~80 modules from source every time measured the compiler, not the check.
    for folder in ("rummelig", "hooks"):
        compileall.compile_dir(corpus / folder, quiet=1)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    # `python -m` in the corpus folder imports the snapshot's rummelig/, as `mkdocs build` there does.
    rummelig = [sys.executable, "-m", "rummelig"]

    def cold() -> dict[str, Any]:
        shutil.rmtree(corpus / ".rummelig-cache", ignore_errors=True)
        return measure_wait4([*rummelig, "--root", str(corpus), "check"], corpus, env)

    runs = [cold() for _ in range(check_runs)]
    if any(r["returncode"] != 0 for r in runs):
        raise SystemExit(f"bench: rummelig check failed on the {scale}× corpus:\n{runs[0]['output_tail']}")
    check = _summary(runs)
    check["summary"] = runs[0]["output_tail"].strip()[-200:]
    log(f"[{scale}×] check, cold: {check['wall_s']:.2f} s wall, {check['cpu_s']:.2f} s CPU (runs {check['walls_s']}), "
        f"{check['peak_rss_mb']} MB, load {check['load_before']}")

    result: dict[str, Any] = {"counts": {**counts.__dict__}, "check": check,
                              "warm": bench_warm(corpus, rummelig, env, check_runs, scale, log)}
    if check_only:
        return result
    baseline_root = out / f"baseline-{scale}x"
    result["counts"]["generated_pages"] = make_baseline(corpus, baseline_root)
    # Build and baseline alternate, --build-runs pairs (issue 18: "median of 5 in one make bench
    # run"): a single pair measured whatever else the machine did in those two minutes (one quiet
    # run gave 1.40 at 1× and 1.13 at 2×); alternating spreads a busy spell over both sides.
    pairs: dict[str, list[dict[str, Any]]] = {"build": [], "baseline": []}
    for number in range(build_runs):
        for name, root in (("build", corpus), ("baseline", baseline_root)):
            site = out / f"site-{name}-{scale}x"
            if site.exists():
                shutil.rmtree(site)
            run = measure_wait4([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                                root, env)
            if run["returncode"] != 0:
                raise SystemExit(f"bench: mkdocs build ({name}, {scale}×) failed:\n{run['output_tail']}")
            pairs[name].append(run)
            if number == 0:
                result[name] = site_stats(site)
            log(f"[{scale}×] {name} ({number + 1} of {build_runs}): {run['wall_s']:.1f} s wall, "
                f"{run['cpu_s']:.1f} s CPU, {run['peak_rss_mb']} MB, load {run['load_before']}"
                + (f", {result[name]['pages']} pages, {result[name]['html_bytes'] / MB:.1f} MB HTML"
                   if number == 0 else ""))
            if name == "build" and number == 0 and scale == 1 and search_runs:
                result["search"] = bench_search(corpus, site, out, env, search_runs, log)
            shutil.rmtree(site)
    for name in pairs:
        result[name].update({**_summary(pairs[name]), "cpus_s": [r["cpu_s"] for r in pairs[name]]})
    log(f"[{scale}×] build ÷ baseline (medians of {build_runs}): "
        f"{result['build']['wall_s'] / result['baseline']['wall_s']:.2f} wall, "
        f"{result['build']['cpu_s'] / result['baseline']['cpu_s']:.2f} CPU")
    if preview_runs:
        from bench.preview import measure as measure_preview

        found = measure_preview(corpus, runs=preview_runs, log=lambda text: log(f"[{scale}×] {text}"))
        found.pop("server_log_tail", None)
        result["preview"] = found
    return result


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"wall_s": statistics.median(r["wall_s"] for r in runs), "walls_s": [r["wall_s"] for r in runs],
            "cpu_s": statistics.median(r["cpu_s"] for r in runs), "load_before": runs[0]["load_before"],
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}


def bench_warm(corpus: Path, rummelig: list[str], env: dict[str, str], runs: int, scale: int, log) -> dict[str, Any]:
    """The check after one edit, per kind of content: the check before wrote the cache; each run
    makes a new edit (bench/preview.py's, so the content stays valid) and checks once."""
    from bench.preview import edits

    first = measure_wait4([*rummelig, "--root", str(corpus), "check"], corpus, env)  # fills the cache
    if first["returncode"] != 0:
        raise SystemExit(f"bench: rummelig check failed on the {scale}× corpus:\n{first['output_tail']}")
    found: dict[str, Any] = {}
    for kind, path, _page, change in edits(corpus):
        done = []
        for run in range(runs):
            change(path, str(run) if kind == "encounters" else f"Varmtjek{kind}{run}")
            done.append(measure_wait4([*rummelig, "--root", str(corpus), "check"], corpus, env))
            if done[-1]["returncode"] != 0:
                raise SystemExit(f"bench: the warm check after a {kind} edit failed:\n{done[-1]['output_tail']}")
        found[kind] = _summary(done)
        log(f"[{scale}×] check after one {kind} edit: {found[kind]['wall_s']:.2f} s wall, "
            f"{found[kind]['cpu_s']:.2f} s CPU (runs {found[kind]['walls_s']}), load {found[kind]['load_before']}")
    # The budget line is the slowest kind's median.
    kinds = list(found)
    found["wall_s"] = max(found[k]["wall_s"] for k in kinds)
    found["cpu_s"] = max(found[k]["cpu_s"] for k in kinds)
    return found


def table(results: dict[str, Any]) -> str:
    scales = results["scales"]
    keys = sorted(scales, key=float)
    rows: list[tuple[str, ...]] = []

    def row(label: str, fn) -> None:
        cells = []
        for k in keys:
            try:
                cells.append(fn(scales[k]))
            except (KeyError, TypeError):
                cells.append("–")
        rows.append((label, *cells))

    row("libraries / partners / playbooks", lambda s: " / ".join(
        str(s["counts"]["totals"][k]) for k in ("libraries", "partners", "playbooks")))
    row("encounter rows (files)", lambda s: f"{s['counts']['encounter_rows']} ({s['counts']['encounter_files']})")
    row("check, cold: wall (median)", lambda s: f"{s['check']['wall_s']:.2f} s")
    row("check, cold: CPU (user+sys)", lambda s: f"{s['check']['cpu_s']:.2f} s")
    for kind in ("playbook", "partner", "library", "encounters"):
        row(f"check after one {kind} edit: wall / CPU", lambda s, k=kind: f"{s['warm'][k]['wall_s']:.2f} s / "
            f"{s['warm'][k]['cpu_s']:.2f} s")
    for kind in ("playbook", "partner", "library", "encounters"):
        row(f"preview: {kind} edit → reloaded page", lambda s, k=kind: f"{s['preview'][k]['median_s']:.2f} s "
            f"(rebuild {statistics.median(s['preview'][k]['rebuild_s']) if s['preview'][k]['rebuild_s'] else 0:.1f} s)")
    row("preview: first build (serve start)", lambda s: f"{s['preview']['first_build_s']:.0f} s")
    row("check peak memory", lambda s: f"{s['check']['peak_rss_mb']:.0f} MB")
    row("build wall", lambda s: f"{s['build']['wall_s']:.1f} s")
    row("build CPU", lambda s: f"{s['build']['cpu_s']:.1f} s")
    row("build peak memory", lambda s: f"{s['build']['peak_rss_mb']:.0f} MB")
    row("baseline wall (no hooks)", lambda s: f"{s['baseline']['wall_s']:.1f} s")
    row("baseline CPU", lambda s: f"{s['baseline']['cpu_s']:.1f} s")
    row("baseline peak memory", lambda s: f"{s['baseline']['peak_rss_mb']:.0f} MB")
    row("hooks ratio (build / baseline)", lambda s: f"{s['build']['wall_s'] / s['baseline']['wall_s']:.2f}")
    row("hooks ratio by CPU", lambda s: f"{s['build']['cpu_s'] / s['baseline']['cpu_s']:.2f}")
    row("load average before build", lambda s: f"{s['build']['load_before']:.1f}")
    row("HTML pages", lambda s: f"{s['build']['pages']}")
    row("HTML total", lambda s: f"{s['build']['html_bytes'] / MB:.1f} MB")
    row("largest page", lambda s: f"{s['build']['largest_page_bytes'] / 1000:.0f} KB ({s['build']['largest_page']})")
    row("search index (search/)", lambda s: f"{s['build']['search_index_bytes'] / MB:.2f} MB")
    row("search: first result, served", lambda s: f"{s['search']['served']['median_ms']} ms, "
        f"{s['search']['served']['median_bytes'] / 1000:.0f} KB")
    row("search: first result, file://", lambda s: f"{s['search']['file']['median_ms']} ms, "
        f"{s['search']['file']['median_bytes'] / 1000:.0f} KB")
    header = ("", *[f"{k}×" for k in keys])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def budget_table(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows:
        value = "–" if r["value"] is None else f"{r['value']:g}"
        out.append(f"{'ok  ' if r['ok'] else 'MISS'}  {r['budget']}: {value} (limit {r['limit']:g})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark check and build at national scale.")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "out")
    parser.add_argument("--check-runs", type=int, default=5, help="runs of each check and preview measurement")
    parser.add_argument("--preview-runs", type=int, default=None, help="edits per kind in the preview (default: "
                        "--check-runs; 0: no preview)")
    parser.add_argument("--build-runs", type=int, default=5, help="build and baseline pairs, alternating "
                        "(median of each; default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and baselines in --out")
    parser.add_argument("--search-runs", type=int, default=10, help="page loads per search measurement (0: none)")
    parser.add_argument("--check-only", action="store_true", help="only the checks, cold and warm (and their budget)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    def log(text: str) -> None:
        print(text, flush=True)

    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "scales": {}}
    log(f"machine: {results['machine']['nproc']} cores, {results['machine']['memory']}, "
        f"{results['machine']['cpu']}, Python {results['machine']['python']}, commit {results['machine']['commit']}")
    for scale in args.scales:
        # Every scale is built from the same commit, even when main moves during the run.
        preview_runs = args.check_runs if args.preview_runs is None else args.preview_runs
        results["scales"][str(scale)] = bench_scale(scale, args.out, args.check_runs, log,
                                                    results["machine"]["commit"] or "HEAD", args.search_runs,
                                                    preview_runs, args.check_only, args.build_runs)
        if not args.keep:
            for name in (f"corpus-{scale}x", f"baseline-{scale}x"):
                shutil.rmtree(args.out / name, ignore_errors=True)
    results["budget"] = evaluate(results)
    results["budget_by_cpu"] = evaluate(results, "cpu_s")
    if args.check_only:  # the other lines were not measured
        for key in ("budget", "budget_by_cpu"):
            results[key] = [r for r in results[key] if r["key"].startswith(_CHECK_LINES)]
    results["total_s"] = round(time.perf_counter() - started, 1)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(table(results))
    print()
    print("Budget (wall time, as the issue states it):")
    print(budget_table(results["budget"]))
    print(f"\nThe same lines by CPU time (what an idle machine's wall time would be; load average now "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
    print(budget_table(results["budget_by_cpu"]))
    print(f"\nbench: {results['total_s']} s in all; results in {args.out / 'results.json'}")
    missed = [r for r in results["budget"] if not r["ok"]]
    if missed:
        print(f"\nBUDGET MISSED ({len(missed)} of {len(results['budget'])} lines, wall time):", file=sys.stderr)
        for r in missed:
            print(f"  MISS  {r['budget']}: {r['value']} (limit {r['limit']:g})", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
