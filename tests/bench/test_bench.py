"""The benchmark's own parts: the corpus generator writes valid content, and the budget logic
reads a results file correctly. (The benchmark itself is `make bench`, never a unit test.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.corpus import generate
from bench.run import evaluate
from rummelig.commands import check as check_command
from tests.support import call


def test_small_corpus_passes_check(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    counts = generate(root, scale=0.05, seed=3, today=date(2026, 11, 1))
    assert counts.totals == {"libraries": 5, "partners": 100, "playbooks": 25, "encounter_rows": 1000}
    situations = [p for p in (root / "strategies").glob("*-situation.md")]
    assert situations, "the corpus has situation playbooks"
    body = situations[0].read_text(encoding="utf-8")
    assert body.index("## Situationen") < body.index("## Sådan kan du gøre") < body.index("## Bagefter")
    assert (root / "encounters").is_dir() and any((root / "encounters").rglob("*.csv"))
    first_csv = next((root / "encounters").rglob("*.csv")).read_text(encoding="utf-8")
    assert first_csv.startswith("date,category,count,note\n")
    result = call(check_command.run, root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fejl" not in result.stdout and "advarsel" not in result.stdout
    assert result.stdout.strip().startswith("Alt i orden: 25 strategier, 5 biblioteker og 100 partnere")


def _fake(check1: float, check2: float, build1: float, base1: float, build2: float, base2: float,
          page: int = 400_000, search: int = 9_000_000, served_ms: int = 300, file_ms: int = 900,
          warm: tuple[float, float] = (0.2, 0.3), preview: tuple[float, float] = (2.0, 3.0)) -> dict:
    def scale(check: float, build: float, base: float, warm: float, preview: float) -> dict:
        return {"check": {"wall_s": check}, "warm": {"wall_s": warm},
                "preview": {"playbook": {"median_s": preview}},
                "build": {"wall_s": build, "largest_page_bytes": page, "search_index_bytes": search},
                "baseline": {"wall_s": base, "largest_page_bytes": page}}
    one = scale(check1, build1, base1, warm[0], preview[0])
    one["search"] = {"served": {"median_ms": served_ms}, "file": {"median_ms": file_ms}}
    return {"scales": {"1": one, "2": scale(check2, build2, base2, warm[1], preview[1])}}


def test_budget_met() -> None:
    rows = evaluate(_fake(0.8, 1.2, 20.0, 18.0, 40.0, 36.0))
    assert all(r["ok"] for r in rows), rows
    assert {r["key"]: r["value"] for r in rows}["hooks_ratio_1x"] == 1.111


def test_budget_missed_lines_are_named() -> None:
    rows = evaluate(_fake(1.0, 2.5, 24.0, 20.0, 60.0, 40.0, page=1_200_000, search=11_000_000, served_ms=4500,
                          file_ms=1600, warm=(0.3, 0.7), preview=(3.1, 7.0)))
    missed = {r["key"] for r in rows if not r["ok"]}
    assert missed == {"check_wall_1x", "warm_check_1x", "preview_playbook_1x", "hooks_ratio_1x", "hooks_ratio_2x",
                      "check_scaling", "warm_check_scaling", "preview_scaling", "build_scaling",
                      "largest_page_mb", "search_index_mb_1x", "search_served_ms_1x", "search_file_ms_1x"}


def test_the_preview_is_judged_by_its_wall_time_in_both_tables() -> None:
    results = _fake(0.5, 1.0, 20.0, 19.0, 40.0, 38.0, preview=(2.5, 6.0))
    for table in (evaluate(results), evaluate(results, "cpu_s")):
        rows = {r["key"]: r for r in table}
        assert rows["preview_playbook_1x"]["ok"] and rows["preview_playbook_1x"]["value"] == 2.5
        assert not rows["preview_scaling"]["ok"] and rows["preview_scaling"]["value"] == 2.4


def test_budget_without_a_second_scale_fails_the_ratio_lines() -> None:
    results = _fake(0.5, 1.0, 20.0, 19.0, 40.0, 38.0)
    del results["scales"]["2"]
    missed = {r["key"] for r in evaluate(results) if not r["ok"]}
    assert missed == {"hooks_ratio_2x", "check_scaling", "warm_check_scaling", "preview_scaling", "build_scaling",
                      "baseline_scaling"}


def test_budget_by_cpu_time_reads_the_cpu_figures() -> None:
    results = _fake(5.0, 10.0, 60.0, 40.0, 120.0, 80.0)
    for scale, (check, build, base) in {"1": (0.9, 20.0, 18.0), "2": (1.7, 41.0, 37.0)}.items():
        results["scales"][scale]["check"]["cpu_s"] = check
        results["scales"][scale]["warm"]["cpu_s"] = check / 5
        results["scales"][scale]["build"]["cpu_s"] = build
        results["scales"][scale]["baseline"]["cpu_s"] = base
    assert not all(r["ok"] for r in evaluate(results))
    assert all(r["ok"] for r in evaluate(results, "cpu_s"))
