"""Run the bad-input cases (cases.yml) and render docs-dev/bad-inputs.md from the results.

    .venv/bin/python tests/bad_inputs/table.py          # rewrite docs-dev/bad-inputs.md
    .venv/bin/python tests/bad_inputs/table.py --check  # exit 1 when the table is stale

tests/bad_inputs/test_cases.py runs the same cases and fails when the committed table differs, so
the table always says what the checker really does.
"""

from __future__ import annotations

import codecs
import io
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
TABLE = PROJECT / "docs-dev" / "bad-inputs.md"
if str(PROJECT) not in sys.path:  # run as a script: `tests` is a package under the project
    sys.path.insert(0, str(PROJECT))

from rummelig.commands import check, new  # noqa: E402
from rummelig.site import build_site  # noqa: E402
from tests.support import LIBRARY, PARTNER, STRATEGY  # noqa: E402


@dataclass
class Outcome:
    case: dict
    exit: int
    output: list[str]
    shown: bool | None  # None when the case does not claim to be published


def cases() -> list[dict]:
    return yaml.safe_load((HERE / "cases.yml").read_text(encoding="utf-8"))


def fixture(root: Path) -> None:
    for rel, text in (("libraries/testbib.yml", LIBRARY), ("partners/aarhus/vaerestedet.yml", PARTNER),
                      ("strategies/en-gaest-sover.md", STRATEGY)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "encounters").mkdir()


def apply(root: Path, change: dict) -> None:
    (op, args), = change.items()
    path = root / (args if isinstance(args, str) else args[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    if op == "replace":
        text = path.read_text(encoding="utf-8")
        assert args[1] in text, f"{args[1]!r} is not in {args[0]}"
        path.write_text(text.replace(args[1], args[2], 1), encoding="utf-8")
    elif op == "write":
        path.write_text(args[1], encoding="utf-8")
    elif op == "append":
        path.write_text(path.read_text(encoding="utf-8") + args[1], encoding="utf-8")
    elif op == "bytes":
        path.write_bytes(codecs.decode(args[1], "unicode_escape").encode("latin-1"))
    elif op == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    elif op == "big":
        path.write_text(path.read_text(encoding="utf-8") + ("# " + "x" * 97 + "\n") * 2700, encoding="utf-8")
    elif op == "bigsvg":  # a plain picture for the first 256 KB, then a script
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<!--' + "x" * 270_000 + "-->\n"
                        "<script>alert(1)</script></svg>\n", encoding="utf-8")
    elif op == "copy":
        target = root / args[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    elif op == "rename":
        target = root / args[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(path, target)
    elif op == "symlink":
        path.symlink_to(args[1])
    elif op == "mkdir":
        path.mkdir(parents=True, exist_ok=True)
    elif op == "scaffold":  # [rel, kind, id, --option, value, …]: the file `rummelig new` writes
        options = dict(zip((a.lstrip("-").replace("-", "_") for a in args[3::2]), args[4::2], strict=True))
        assert new.run(root, args[1], args[2], io.StringIO(), io.StringIO(), **options) == 0, args
        assert path.is_file(), args
    else:
        raise ValueError(f"unknown change {op!r}")


def run_command(root: Path, args: list[str]) -> tuple[int, str]:
    """`rummelig <args>` run in the repository: (exit code, what it printed, stdout then stderr).
    A real process: the commands write to the streams they were given when imported."""
    result = subprocess.run([sys.executable, "-m", "rummelig", *args], cwd=root, capture_output=True,
                            text=True, env={**os.environ, "PYTHONWARNINGS": "ignore", "COLUMNS": "100"})
    return result.returncode, result.stdout + result.stderr


def run_case(case: dict, workdir: Path) -> Outcome:
    root = workdir / "repo"
    fixture(root)
    for change in case.get("change", []):
        apply(root, change)
    if "run" in case:
        code, text = run_command(root, case["run"])
        return Outcome(case, code, text.splitlines(), None)
    out = io.StringIO()
    code = check.run(root, out)
    shown = None
    if "shown" in case:
        uri, text = case["shown"]
        pages = {page.uri: page.content for page in build_site(root).pages}
        shown = text in pages.get(uri, "")
    return Outcome(case, code, out.getvalue().splitlines(), shown)


def run_all() -> list[Outcome]:
    outcomes = []
    for case in cases():
        with tempfile.TemporaryDirectory() as tmp:
            outcomes.append(run_case(case, Path(tmp)))
    return outcomes


def _cell(text: str) -> str:
    text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(outcomes: list[Outcome]) -> str:
    lines = [
        "# Bad inputs and what each gets",
        "",
        "Generated by `tests/bad_inputs/table.py` from `tests/bad_inputs/cases.yml`; "
        "`tests/bad_inputs/test_cases.py` fails when this file is stale. Each case starts from the valid "
        "fixture repository of `tests/support.py`, changes it, and runs `rummelig check` (or, for the "
        "cases with a command in the input column, that command). "
        "\"Output\" is the complete output; exit 1 means the contribution is refused. "
        "Cases with exit 0 are published exactly as written: the text is checked in the generated "
        "page's Markdown, where contributed values are escaped (`\\<` shows as `<`).",
        "",
        f"{len(outcomes)} cases: {sum(o.exit == 1 for o in outcomes)} refused, "
        f"{sum(o.exit == 0 for o in outcomes)} accepted.",
        "",
        "| # | group | input | exit | output |",
        "|---|---|---|---|---|",
    ]
    for number, outcome in enumerate(outcomes, 1):
        output = "<br>".join(_cell(line) for line in outcome.output)
        if outcome.shown is not None:
            label = "published as written" if outcome.shown else "NOT published as written"
            output += f"<br>{label}: " + _cell(outcome.case["shown"][1].strip("\n"))
        given = outcome.case["input"].replace("|", "\\|")
        if "run" in outcome.case:
            given += "<br>" + _cell("rummelig " + " ".join(outcome.case["run"]))
        lines.append(f"| {number} | {outcome.case['group']} | {given} | {outcome.exit} | {output} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render(run_all())
    if "--check" in argv:
        stale = not TABLE.exists() or TABLE.read_text(encoding="utf-8") != text
        print("docs-dev/bad-inputs.md er forældet" if stale else "docs-dev/bad-inputs.md er opdateret")
        return 1 if stale else 0
    TABLE.write_text(text, encoding="utf-8")
    print(f"skrev {TABLE.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
