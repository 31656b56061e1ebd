"""The two kinds of rules (rummelig/rules/__init__.py, issue 18). The check runs them in stages —
file rules on each changed file alone, repository rules on the facts they name in READS — and
must say exactly what every rule says when run on the whole, fully loaded repository
(`apply_rules`). Shown for every golden case, the sample project and a generated corpus, with
the fallback switched off: a repository rule that reads more than its READS fails here."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import generate
from rummelig import pipeline, rules
from rummelig.facts import FactMissing
from rummelig.repository import load_repository
from rummelig.rules import positions
from tests.rules.test_cases import _cases
from tests.support import PROJECT, write

RULE_MODULES = sorted(p.stem for p in (PROJECT / "rummelig" / "rules").glob("*.py") if p.stem != "__init__")


class _NeverRaised(Exception):
    pass


def staged(root: Path, today: date | None = None) -> list[str]:
    return [p.format() for p in pipeline.check_repository(root, today).problems]


def whole(root: Path, today: date | None = None) -> list[str]:
    repo, found = load_repository(root, today)
    return [p.format() for p in rules.apply_rules(repo, found)]


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """No fallback: a rule reading a fact no READS names raises FactMissing out of the check."""
    monkeypatch.setattr(pipeline, "FactMissing", _NeverRaised)


def test_every_rule_says_which_kind_it_is() -> None:
    assert {m.__name__.rsplit(".", 1)[1] for m in rules.MODULES} == set(RULE_MODULES)
    for module in rules.MODULES:
        assert module.SCOPE in (rules.FILE, rules.REPOSITORY), module.__name__
        if module.SCOPE == rules.REPOSITORY:
            assert isinstance(module.READS, dict), module.__name__
            assert all(isinstance(p, str) for paths in module.READS.values() for p in paths), module.__name__
        else:
            assert not hasattr(module, "READS"), f"{module.__name__}: a file rule reads its own file whole"


@pytest.mark.parametrize("case", _cases())
def test_staged_check_equals_every_rule_on_the_whole_repository(repo: Path, case: dict[str, Any],
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                request: pytest.FixtureRequest) -> None:
    for rel in case.get("remove", []):
        (repo / rel).unlink()
    for rel, text in case.get("files", {}).items():
        write(repo, rel, text)
    assert staged(repo) == whole(repo) == case["messages"]
    monkeypatch.setattr(pipeline, "FactMissing", _NeverRaised)
    try:
        staged(repo)
    except FactMissing as exc:
        # The one rule that may need more than facts: a link to an anchor on a generated page
        # (the page is rendered to find its headings).
        assert request.node.callspec.id.startswith("links: "), (case["name"], exc)


@pytest.mark.usefixtures("strict")
def test_staged_check_equals_every_rule_on_the_project_and_a_corpus(tmp_path: Path) -> None:
    assert staged(PROJECT) == whole(PROJECT)
    corpus = tmp_path / "corpus"
    generate(corpus, scale=0.05, seed=5, today=date(2026, 11, 1))
    # Problems of every kind, in files the corpus generator wrote.
    (corpus / "partners" / "aarhus").mkdir(parents=True, exist_ok=True)
    first = sorted((corpus / "partners").rglob("*.yml"))[0]
    shutil.copy(first, corpus / "partners" / "aarhus" / first.name)
    shutil.copy(first, corpus / "partners" / "aarhus" / f"kopi-{first.name}")
    library = sorted((corpus / "libraries").glob("*.yml"))[0]
    library.write_text(library.read_text(encoding="utf-8") + "contact_card: [findes-ikke]\n", encoding="utf-8")
    found = staged(corpus, date(2026, 11, 1))
    assert found == whole(corpus, date(2026, 11, 1))
    assert any("bruges også af" in m for m in found) and any("findes-ikke" in m for m in found)


def test_a_rule_that_reads_more_than_it_names_still_gets_the_right_answer(repo: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback: without `onboarding` among the facts, the positions rule is run again on the
    loaded records, and the message is the same."""
    write(repo, "strategies/en-gaest-sover-igen.md", (repo / "strategies/en-gaest-sover.md").read_text())
    expected = whole(repo)
    assert any("plads 1 i læsevejen bruges også af" in m for m in expected)
    monkeypatch.setattr(positions, "READS", {"strategy": ("front_page", "kind")})
    assert staged(repo) == expected
    monkeypatch.setattr(pipeline, "FactMissing", _NeverRaised)
    with pytest.raises(Exception, match="onboarding"):
        staged(repo)


# -- each repository rule reads only its own READS and its own per-file finding ---------------
# The check keeps a repository rule's problems while none of *its* inputs changed: a file's place
# in the layout, the facts its own READS name, its own per-file finding (rules.own_inputs). That
# holds only if a rule reads nothing another rule names: shown here by running each rule alone,
# on records that hold only its own READS and findings that hold only its own, without the
# fallback, on every golden case, the project and a corpus with problems of every kind.

REPOSITORY_RULES = sorted(rules.REPOSITORY_MODULES)


def _alone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Rule `name` as the only repository rule: its own READS, its own per-file finding."""
    module = rules.REPOSITORY_MODULES[name]
    monkeypatch.setattr(rules, "REPOSITORY_MODULES", {name: module})
    monkeypatch.setattr(rules, "RULES", [*rules.FILE_RULES, module.check])
    monkeypatch.setattr(rules, "PER_FILE", {n: f for n, f in rules.PER_FILE.items() if n == name})
    own = {kind: tuple(sorted(paths)) for kind, paths in getattr(module, "READS", {}).items()}
    monkeypatch.setattr(rules, "reads", lambda: own)
    monkeypatch.setattr(pipeline, "FactMissing", _NeverRaised)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("own") / "corpus"
    generate(root, scale=0.05, seed=5, today=date(2026, 11, 1))
    (root / "partners" / "aarhus").mkdir(parents=True, exist_ok=True)
    first = sorted((root / "partners").rglob("*.yml"))[0]
    shutil.copy(first, root / "partners" / "aarhus" / f"kopi-{first.name}")
    library = sorted((root / "libraries").glob("*.yml"))[0]
    library.write_text(library.read_text(encoding="utf-8") + "contact_card: [findes-ikke]\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("name", REPOSITORY_RULES)
def test_each_repository_rule_reads_only_its_own_facts_and_finding(name: str, corpus: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _alone(monkeypatch, name)
    day = date(2026, 11, 1)
    assert staged(corpus, day) == whole(corpus, day)
    assert staged(PROJECT) == whole(PROJECT)


@pytest.mark.parametrize("case", _cases())
def test_each_repository_rule_reads_only_its_own_facts_and_finding_in_every_case(
        repo: Path, case: dict[str, Any], monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    for rel in case.get("remove", []):
        (repo / rel).unlink()
    for rel, text in case.get("files", {}).items():
        write(repo, rel, text)
    for name in REPOSITORY_RULES:
        if name == "links" and request.node.callspec.id.startswith("links: "):
            continue  # an anchor on a generated page: see the test above
        with monkeypatch.context() as alone:
            _alone(alone, name)
            assert staged(repo) == whole(repo), name
