"""The check's cache (rummelig/cache.py, issue 18): `rummelig check` prints exactly the same,
byte for byte, whether its files came from the cache or not — after every kind of edit to every
kind of content — and a check after one edit loads only that file. A cache from another version
of the core, another day or another mkdocs.yml is not used; a corrupt or unwritable one only
makes the check slower."""

from __future__ import annotations

import io
import marshal
import os
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from rummelig import cache as cache_module
from rummelig import pipeline
from rummelig.cache import FILE, FOLDER, CheckCache
from rummelig.commands import check
from rummelig.problems import Problem, Problems, Severity
from rummelig.repository import Unit, discover_all
from tests.support import PARTNER, STRATEGY, edit, write

PARTNER_REL = "partners/aarhus/vaerestedet.yml"
CSV = "date,category,count,note\n2026-11-02,samtale,2,Snak ved avisbordet\n2026-11-03,hjaelp,1,\n"
DOCS = "---\ntitle: Om os\n---\n\n# Om os\n\nEn side om projektet.\n"
# Links between files (rules/links.py keeps each file's link targets and anchors with it): a
# playbook that links to another playbook and to an anchor on a docs page, and a docs page that
# links to its own anchor and shows a link in a code block (text, not a link).
LINKS = ("\nSe også [den sovende gæst](en-gaest-sover.md) og [kontakt os](../om.md#kontakt).\n")
DOCS_LINKS = ("---\ntitle: Om os\n---\n\n# Om os\n\nSe [kontakt](#kontakt).\n\n    [eksempel](findes-ikke.md)\n\n"
              "## Kontakt\n\nSkriv til os.\n")


@pytest.fixture
def project(repo: Path) -> Path:
    """The fixture repository with every kind of content: a playbook, a library, a partner, a
    year of good encounters with its sample marker, and a page in docs/."""
    write(repo, "encounters/testbib/2026.csv", CSV)
    write(repo, "encounters/testbib/eksempel.yml", "example: true\n")
    write(repo, "docs/om.md", DOCS_LINKS)
    write(repo, "strategies/henvisning.md", STRATEGY.replace("En gæst sover", "Henvisning")
          .replace("onboarding: 1", "onboarding: 2") + LINKS)
    write(repo, "partners/hele-landet/livslinien.yml",
          PARTNER.replace("Værestedet i Testby", "Livslinien").replace("drop-in-centre", "helpline")
          .replace("70 20 12 01", "70 201 201"))
    return repo


def run_check(root: Path) -> tuple[int, str]:
    """`rummelig check` in `root`, as it prints (its cache in root/.rummelig-cache)."""
    out = io.StringIO()
    code = check.run(root, out=out, err=out)
    return code, out.getvalue()


def cold_check(root: Path) -> tuple[int, str]:
    shutil.rmtree(root / FOLDER, ignore_errors=True)
    result = run_check(root)
    shutil.rmtree(root / FOLDER)
    return result


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files each check loads (parses), in order."""
    loaded: list[str] = []
    real = pipeline.load_unit

    def counting(source, data, today, problems, **kwargs) -> Unit:  # type: ignore[no-untyped-def]
        loaded.append(source.rel)
        return real(source, data, today, problems, **kwargs)

    monkeypatch.setattr(pipeline, "load_unit", counting)
    return loaded


def kept(root: Path) -> tuple[str, dict[str, cache_module.Entry], list, cache_module.RuleResults, dict[str, bytes]]:
    """(context, entries, extra, the repository rules' results, the kept values) of the cache file."""
    found = cache_module.decode((root / FOLDER / FILE).read_bytes())
    assert found is not None
    return found


def rename(root: Path, old: str, new: str) -> None:
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    (root / old).rename(root / new)


def delete(root: Path, rel: str) -> None:
    (root / rel).unlink()


# (what, edit, the files a warm check must load; None: every file, as a cold check): every kind of
# content, every kind of edit.
# Several edits make problems, so the comparison covers messages and exit codes, not only "OK".
EDITS: list[tuple[str, Callable[[Path], None], set[str] | None]] = [
    ("playbook: change", lambda r: edit(r, "strategies/en-gaest-sover.md", "onboarding: 1", "onboarding: 0"),
     {"strategies/en-gaest-sover.md"}),
    ("playbook: change a section", lambda r: edit(r, "strategies/en-gaest-sover.md", "## Bagefter", "## Bagefer"),
     {"strategies/en-gaest-sover.md"}),
    ("playbook: add", lambda r: write(r, "strategies/en-gaest-sover-igen.md", STRATEGY),
     {"strategies/en-gaest-sover-igen.md"}),
    ("playbook: delete", lambda r: delete(r, "strategies/en-gaest-sover.md"), set()),
    ("playbook: rename", lambda r: rename(r, "strategies/en-gaest-sover.md", "strategies/sovende-gaest.md"),
     {"strategies/sovende-gaest.md"}),
    ("library: change", lambda r: edit(r, "libraries/testbib.yml", "municipality: aarhus", "municipality: odense"),
     {"libraries/testbib.yml"}),
    ("library: add", lambda r: write(r, "libraries/andetbib.yml", (r / "libraries/testbib.yml").read_text()),
     {"libraries/andetbib.yml"}),
    ("library: delete", lambda r: delete(r, "libraries/testbib.yml"), set()),
    ("library: rename", lambda r: rename(r, "libraries/testbib.yml", "libraries/nytbib.yml"),
     {"libraries/nytbib.yml"}),
    ("partner: change", lambda r: edit(r, "partners/aarhus/vaerestedet.yml", "70 20 12 01", "70 201 201"),
     {"partners/aarhus/vaerestedet.yml"}),
    ("partner: change to an error", lambda r: edit(r, "partners/aarhus/vaerestedet.yml", "type: drop-in-centre",
                                                   "type: cafe"), {"partners/aarhus/vaerestedet.yml"}),
    # Only facts change (no file is added, removed or broken): the rules that compare files must see it.
    ("partner: the number another partner has", lambda r: edit(r, "partners/hele-landet/livslinien.yml",
                                                              "70 201 201", "70 20 12 01"),
     {"partners/hele-landet/livslinien.yml"}),
    ("playbook: owned by a library that is not there", lambda r: edit(r, "strategies/en-gaest-sover.md",
                                                                      "owner: testbib", "owner: ukendtbib"),
     {"strategies/en-gaest-sover.md"}),
    # A text at a free path changed (rummelig/models/free_texts.py): the model is made from the one
    # before, not validated again (loading/kept_front.py's `changed`) — and prints the same.
    ("partner: its name", lambda r: edit(r, PARTNER_REL, "name: Værestedet i Testby", "name: Værestedet Nord"),
     {PARTNER_REL}),
    ("partner: its name becomes another partner's", lambda r: edit(r, "partners/hele-landet/livslinien.yml",
                                                                   "name: Livslinien", "name: Værestedet i Testby"),
     {"partners/hele-landet/livslinien.yml"}),
    ("partner: a text made blank", lambda r: edit(r, PARTNER_REL, "description: Et værested", "description: ' '\n#"),
     {PARTNER_REL}),
    ("partner: a text cut by a '#'", lambda r: edit(r, PARTNER_REL, "Et værested med", "Et værested #1 med"),
     {PARTNER_REL}),
    ("partner: its name and its type", lambda r: edit(r, PARTNER_REL, "name: Værestedet i Testby\ntype: drop-in-centre",
                                                      "name: Nattevagten\ntype: night-shelter"), {PARTNER_REL}),
    ("library: its name", lambda r: edit(r, "libraries/testbib.yml", "name: Testbiblioteket", "name: Nordbiblioteket"),
     {"libraries/testbib.yml"}),
    ("library: a house rule's reason, with a word from the word list",
     lambda r: edit(r, "libraries/testbib.yml", "why: Så alle kan", "why: Så en misbruger kan"),
     {"libraries/testbib.yml"}),
    ("playbook: its summary", lambda r: edit(r, "strategies/en-gaest-sover.md", "summary: Hvad du gør",
                                             "summary: Hvad du kan gøre"), {"strategies/en-gaest-sover.md"}),
    ("playbook: its title becomes another playbook's", lambda r: edit(r, "strategies/henvisning.md",
                                                                      "title: Henvisning", "title: En gæst sover"),
     {"strategies/henvisning.md"}),
    ("partner: add", lambda r: write(r, "partners/aarhus/vaerestedet-2.yml", PARTNER),
     {"partners/aarhus/vaerestedet-2.yml"}),
    ("partner: delete", lambda r: delete(r, "partners/hele-landet/livslinien.yml"), set()),
    ("partner: rename to another area", lambda r: rename(r, "partners/aarhus/vaerestedet.yml",
                                                         "partners/odense/vaerestedet.yml"),
     {"partners/odense/vaerestedet.yml"}),
    ("encounters: change", lambda r: edit(r, "encounters/testbib/2026.csv", "2026-11-03,hjaelp,1",
                                          "2026-13-03,hjaelp,1"), {"encounters/testbib/2026.csv"}),
    ("encounters: a row added", lambda r: edit(r, "encounters/testbib/2026.csv", "2026-11-03,hjaelp,1,",
                                               "2026-11-03,hjaelp,1,\n2026-11-05,andet,4,Et godt møde"),
     {"encounters/testbib/2026.csv"}),
    ("encounters: add", lambda r: write(r, "encounters/testbib/2025.csv", CSV.replace("2026-", "2025-")),
     {"encounters/testbib/2025.csv"}),
    ("encounters: delete the sample marker", lambda r: delete(r, "encounters/testbib/eksempel.yml"), set()),
    ("encounters: delete a year", lambda r: delete(r, "encounters/testbib/2026.csv"), set()),
    ("encounters: rename to an unknown library", lambda r: rename(r, "encounters/testbib/2026.csv",
                                                                  "encounters/ukendt/2026.csv"),
     {"encounters/ukendt/2026.csv"}),
    ("docs page: change", lambda r: edit(r, "docs/om.md", "title: Om os", "title: <b>Om os</b>"), {"docs/om.md"}),
    ("docs page: an anchor a playbook links to is gone", lambda r: edit(r, "docs/om.md", "## Kontakt", "## Skriv"),
     {"docs/om.md"}),
    ("docs page: the text link becomes a link", lambda r: edit(r, "docs/om.md", "    [eksempel]", "[eksempel]"),
     {"docs/om.md"}),
    ("playbook: a link to an anchor that is not there",
     lambda r: edit(r, "strategies/henvisning.md", "../om.md#kontakt", "../om.md#kontakter"),
     {"strategies/henvisning.md"}),
    ("playbook: a link to its own heading", lambda r: edit(r, "strategies/henvisning.md", "Se også",
                                                          "Se [nedenfor](#bagefter),"), {"strategies/henvisning.md"}),
    # An anchor that is not in the playbook's text may be on its whole page, which is rendered from
    # every record: the check loads every file then (rules/links.py).
    ("playbook: a link to a heading that is not there", lambda r: edit(r, "strategies/henvisning.md", "Se også",
                                                                       "Se [her](#findes-ikke),"), None),
    ("playbook: the playbook linked to is renamed", lambda r: rename(r, "strategies/en-gaest-sover.md",
                                                                      "strategies/sovende.md"),
     {"strategies/sovende.md"}),
    ("docs page: add", lambda r: write(r, "docs/kontakt.md", DOCS.replace("Om os", "Kontakt")), {"docs/kontakt.md"}),
    ("docs page: delete", lambda r: delete(r, "docs/om.md"), set()),
    ("docs page: rename", lambda r: rename(r, "docs/om.md", "docs/om-os.md"), {"docs/om-os.md"}),
]


@pytest.mark.parametrize(("what", "change", "reloaded"), EDITS, ids=[e[0] for e in EDITS])
def test_warm_check_prints_what_a_cold_check_prints(project: Path, loads: list[str], what: str,  # noqa: ARG001
                                                    change: Callable[[Path], None], reloaded: set[str] | None) -> None:
    first = run_check(project)                       # cold: writes the cache
    assert first == cold_check(project)
    assert run_check(project) == first               # warm, nothing changed
    loads.clear()
    run_check(project)
    assert loads == []                               # … and nothing was loaded
    run_check(project)
    change(project)
    loads.clear()
    warm = run_check(project)
    if reloaded is not None:
        assert set(loads) == reloaded                # only the edited file is loaded again
    assert warm == cold_check(project)


def test_the_cache_lives_outside_the_content_and_says_it_is_one(project: Path) -> None:
    before = sorted(p for p in project.rglob("*") if FOLDER not in p.parts)
    run_check(project)
    assert sorted(p for p in project.rglob("*") if FOLDER not in p.parts) == before
    assert (project / FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (project / FOLDER / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert f"{FOLDER}/" in (Path(__file__).parents[1] / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_cache_is_safe_to_delete(project: Path) -> None:
    edit(project, "partners/aarhus/vaerestedet.yml", "type: drop-in-centre", "type: cafe")  # something to say
    expected = run_check(project)
    shutil.rmtree(project / FOLDER)
    assert run_check(project) == expected
    assert (project / FOLDER / FILE).is_file()  # made again
    assert run_check(project) == expected


def test_a_cache_from_another_version_of_the_core_is_not_used(project: Path, loads: list[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = run_check(project)
    loads.clear()
    monkeypatch.setattr(cache_module, "core_version", lambda: "another version")
    assert run_check(project) == expected
    assert sorted(loads) == sorted(s.rel for s in discover_all(project, Problems(), []))  # every file again


def test_a_cache_from_another_day_or_another_mkdocs_yml_is_not_used(project: Path) -> None:
    pipeline.check_content(project, date(2026, 11, 20), CheckCache.for_project(project))
    saved = kept(project)[0]
    assert cache_module.context(project, date(2026, 11, 20)) == saved
    assert cache_module.context(project, date(2026, 11, 21)) != saved
    write(project, "mkdocs.yml", "site_name: Test\n")
    assert cache_module.context(project, date(2026, 11, 20)) != saved


def test_a_kept_result_is_what_the_check_prints(project: Path) -> None:
    """The cache is really used: a result changed in the file (under the right context) is printed.
    (Which is why the context must cover everything a result depends on.)"""
    run_check(project)
    context, entries, extra, ruled, _ = kept(project)
    entries["docs/om.md"].problems = [Problem("docs/om.md", 3, "en besked fra cachen", "", Severity.ERROR, "test")]
    (project / FOLDER / FILE).write_bytes(cache_module.encode(context, entries, extra, ruled))
    code, out = run_check(project)
    assert (code, out.splitlines()[0]) == (1, "docs/om.md:3: en besked fra cachen")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "one byte changed", "wrong shape", "not marshal",
                                    "a folder", "no folder possible"])
def test_a_broken_cache_is_a_cold_check(project: Path, damage: str) -> None:
    edit(project, "partners/aarhus/vaerestedet.yml", "type: drop-in-centre", "type: cafe")
    expected = cold_check(project)
    run_check(project)
    path = project / FOLDER / FILE
    if damage == "garbage":
        path.write_bytes(b"\x00\xff not a cache")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:500])
    elif damage == "one byte changed":  # the hash no longer matches: never unmarshalled
        data = bytearray(path.read_bytes())
        data[-10] ^= 1
        path.write_bytes(bytes(data))
    elif damage == "wrong shape":  # whole and hashed, but not entries
        context, entries, _, _, _ = kept(project)
        path.write_bytes(cache_module.frame(marshal.dumps(
            (cache_module._FORMAT, context, (), {rel: (e.kind, e.digest) for rel, e in entries.items()}, {}))))
    elif damage == "not marshal":
        path.write_bytes(cache_module.frame(b"\xff\x00 not marshal"))
    elif damage == "a folder":
        path.unlink()
        path.mkdir()
    else:  # the cache folder cannot be made: a file is in its place
        shutil.rmtree(project / FOLDER)
        (project / FOLDER).write_text("not a folder", encoding="utf-8")
    assert run_check(project) == expected
    assert run_check(project) == expected


def test_a_long_lived_process_keeps_the_loaded_files(project: Path, loads: list[str]) -> None:
    """`mkdocs serve` checks on every save: with `keep_units` the records themselves are kept, so
    a rebuild loads only the edited file, and still gets every record."""
    memory = CheckCache(None, keep_units=True)
    first = pipeline.check_repository(project, cache=memory)
    loads.clear()
    edit(project, "strategies/en-gaest-sover.md", "title: En gæst sover", "title: En gæst er faldet i søvn")
    again = pipeline.check_repository(project, cache=memory)
    assert loads == ["strategies/en-gaest-sover.md"]
    assert again.repo.strategies["en-gaest-sover"].model.title == "En gæst er faldet i søvn"
    assert again.repo.partners["vaerestedet"] is first.repo.partners["vaerestedet"]
    assert [p.format() for p in again.problems] == [p.format() for p in pipeline.check_repository(project).problems]


def test_the_core_version_changes_when_a_file_of_the_core_is_changed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The version names every file of the core by its size and modification time (as Python's
    own bytecode cache does): an edited, added or removed file is another version."""
    core = tmp_path / "rummelig"
    write(core, "rules/x.py", "A = 1\n")
    write(core, "data/list.txt", "ord\n")
    monkeypatch.setattr(cache_module, "_CORE", core)
    version = cache_module.core_version.__wrapped__
    first = version()
    assert version() == first
    (core / "rules/x.py").write_text("A = 2\n")              # the same size: the time tells
    os.utime(core / "rules/x.py", ns=(1, 1))
    second = version()
    assert second != first
    write(core, "rules/y.py", "")
    third = version()
    assert third not in (first, second)
    (core / "rules/y.py").unlink()
    assert version() == second


@pytest.mark.parametrize("other", ["forks", "cannot start", "fails"])
def test_a_cold_check_shared_with_a_second_process_prints_and_keeps_what_one_process_does(
        project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, other: str) -> None:
    """With many files to judge, `rummelig check` loads and judges every other file in a forked
    process (pipeline._in_two): the same output and the same cache, in the files' order; when the
    second process cannot start or fails, its half is done in the first."""
    write(project, "strategies/en-gaest-sover-igen.md", STRATEGY)              # two files, one id
    edit(project, "partners/aarhus/vaerestedet.yml", "type: drop-in-centre", "type: cafe")  # an error
    alone = cold_check(project)
    run_check(project)
    one = _results(project)
    shutil.rmtree(project / FOLDER)

    shared: list[int] = []
    real = pipeline._in_two

    def counting(*args):  # type: ignore[no-untyped-def]
        shared.append(len(args[3]))
        return real(*args)

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline, "_in_two", counting)
    if other == "cannot start":
        monkeypatch.setattr(os, "fork", lambda: (_ for _ in ()).throw(OSError("no process left")))
    note = tmp_path / "pid"
    monkeypatch.setattr(pipeline, "load_unit", _in_a_fork(pipeline.load_unit, note, fail=other == "fails"))
    assert run_check(project) == alone
    assert shared == [len(discover_all(project, Problems(), []))]
    assert _results(project) == one
    if other == "cannot start":
        assert not note.exists()                                   # no second process ran
    else:
        assert int(note.read_text()) not in (0, os.getpid())       # the other half went to another process


def test_a_shared_cold_check_loads_the_first_file_of_each_kind_before_it_forks(
        project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """What loading and judging a file needs the first time (imports, the scans' patterns, the word
    list) is made once: the forked process starts with the first file of each kind loaded in the
    first process, and the rest shared, each file loaded once."""
    alone = cold_check(project)
    parent = os.getpid()
    loaded: list[str] = []
    note = tmp_path / "before-the-fork"
    real = pipeline.load_unit

    def recording(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and not note.exists():
            note.write_text("\n".join(loaded))  # what this process had loaded when it was forked
        loaded.append(source.rel)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline, "load_unit", recording)
    assert run_check(project) == alone
    sources = discover_all(project, Problems(), [])
    first: dict[str, str] = {}
    for source in sources:
        first.setdefault(source.kind, source.rel)
    assert len(first) >= 4
    assert note.read_text().split("\n") == list(first.values())
    rest = [source.rel for source in sources if source.rel not in first.values()]
    assert sorted(loaded[len(first):]) == sorted(rest[0::2])   # this process: every other file of the rest


def _results(root: Path) -> tuple[str, dict[str, tuple], list, cache_module.RuleResults]:
    """The cache's results, without when each file was read."""
    context, entries, extra, ruled, _ = kept(root)
    return context, {rel: (e.kind, e.digest, e.problems, e.facts, e.sample, e.findings, e.texted, e.body_line,
                           e.paged, e.view_key, e.front) for rel, e in entries.items()}, extra, ruled


def _in_a_fork(real, note: Path, fail: bool = False):  # type: ignore[no-untyped-def]
    """`real`; in a process other than this one (a forked worker, which has this module's
    globals as they were when it was forked) it first writes its process id to `note`, and
    raises if it is to `fail`."""
    parent = os.getpid()

    def judge(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            note.write_text(str(os.getpid()))
            if fail:
                raise RuntimeError("the second process failed")
        return real(*args, **kwargs)

    return judge


# -- the stat shortcut: a file whose signature did not change is not read ------------------------


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files each check reads (their bytes), in order."""
    found: list[str] = []
    real = pipeline.read_bytes

    def counting(source, problems):  # type: ignore[no-untyped-def]
        found.append(source.rel)
        return real(source, problems)

    monkeypatch.setattr(pipeline, "read_bytes", counting)
    return found


def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file written so far counts as written long before the next check reads it: the
    checks' clock runs ten seconds ahead (a file written in the last `SETTLED_NS` before a read
    is read again, so without this every file of a test would be)."""
    real = time.time_ns
    monkeypatch.setattr(pipeline.time, "time_ns", lambda: real() + 10_000_000_000)


def test_a_file_whose_signature_did_not_change_is_not_read(project: Path, reads: list[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    expected = cold_check(project)
    settled(monkeypatch)
    assert run_check(project) == expected            # reads every file, and keeps their signatures
    reads.clear()
    assert run_check(project) == expected
    assert reads == []


def test_a_file_written_just_before_it_was_read_is_read_again(project: Path, reads: list[str]) -> None:
    """git's "racily clean" rule: a file whose time is that close to the read may have been written
    again in the same tick of the file system's clock, with the same size."""
    expected = run_check(project)
    reads.clear()
    assert run_check(project) == expected
    assert sorted(reads) == sorted(s.rel for s in discover_all(project, Problems(), []))


@pytest.mark.parametrize("what", ["the same size, the modification time put back", "a new inode", "touched only"])
def test_an_edit_that_keeps_the_size_and_the_time_is_seen(project: Path, reads: list[str], loads: list[str],
                                                           monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    settled(monkeypatch)
    run_check(project)
    run_check(project)
    path = project / "strategies/en-gaest-sover.md"
    before = os.stat(path)
    time.sleep(0.05)  # a later tick of the file system's clock than the file's last write
    reads.clear()
    loads.clear()
    if what == "touched only":
        os.utime(path)
    else:
        text = path.read_text(encoding="utf-8").replace("title: En gæst sover", "title: En gæst sove!")
        if what == "a new inode":
            (project / "new.md").write_text(text, encoding="utf-8")
            os.replace(project / "new.md", path)
        else:
            path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    warm = run_check(project)
    assert reads == ["strategies/en-gaest-sover.md"]
    assert loads == ([] if what == "touched only" else ["strategies/en-gaest-sover.md"])
    assert warm == cold_check(project)


def test_the_rules_read_an_unread_file_when_they_need_its_text(project: Path, reads: list[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A link that breaks because of an edit elsewhere is reported at its line, from the text of
    the file that was not read; a placeholder left in a file that was not read is still reported."""
    edit(project, "strategies/henvisning.md", "Se også", "UDFYLD\n\nSe også")
    settled(monkeypatch)
    run_check(project)
    run_check(project)
    reads.clear()
    rename(project, "strategies/en-gaest-sover.md", "strategies/sovende.md")
    warm = run_check(project)
    assert "strategies/henvisning.md" in reads       # read for the broken link's line
    assert warm == cold_check(project)
    assert "henvisning.md" in warm[1] and "en-gaest-sover" in warm[1] and "UDFYLD" in warm[1]


# -- the repository rules: each runs again only when one of its inputs changed -----------------


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The repository rules each check runs, by name."""
    from rummelig import rules

    found: list[str] = []
    for name, module in rules.REPOSITORY_MODULES.items():
        def counting(repo, problems, name=name, real=module.check):  # type: ignore[no-untyped-def]
            found.append(name)
            return real(repo, problems)

        monkeypatch.setattr(module, "check", counting)
    return found


# (what, edit, the rules that must run again): an edit that changes none of a rule's inputs runs none.
RULE_EDITS: list[tuple[str, Callable[[Path], None], set[str]]] = [
    ("a sentence added to a playbook without links", lambda r: edit(r, "strategies/en-gaest-sover.md",
                                                                    "## Bagefter", "Ny sætning.\n\n## Bagefter"),
     set()),
    ("a sentence added to a playbook with links", lambda r: edit(r, "strategies/henvisning.md", "Se også",
                                                                 "Ny sætning.\n\nSe også"), {"links"}),
    # A per-file finding changed (the placeholder's): only the rule it is the finding of runs.
    ("a placeholder added to a playbook", lambda r: edit(r, "strategies/en-gaest-sover.md", "## Bagefter",
                                                         "UDFYLD\n\n## Bagefter"), {"placeholders"}),
    ("a library's name", lambda r: edit(r, "libraries/testbib.yml", "name: ", "name: Nyt "), set()),
    # A changed fact runs the rules whose READS name it, no other (rules.own_inputs).
    ("a partner's name", lambda r: edit(r, "partners/aarhus/vaerestedet.yml", "Værestedet i Testby",
                                        "Værestedet i Nyby"), {"contact_card", "duplicates"}),
    ("a partner's phone number", lambda r: edit(r, "partners/aarhus/vaerestedet.yml", "70 20 12 01", "70 201 201"),
     {"duplicates"}),
    ("a partner's library", lambda r: edit(r, "partners/aarhus/vaerestedet.yml", "verified_by: testbib",
                                           "verified_by: ukendtbib"), {"references"}),
    ("a playbook's owner", lambda r: edit(r, "strategies/en-gaest-sover.md", "owner: testbib", "owner: ukendtbib"),
     {"references"}),
    ("a library's municipality", lambda r: edit(r, "libraries/testbib.yml", "municipality: aarhus",
                                                                 "municipality: odense"),
     {"contact_card", "references"}),
    ("a row of good encounters", lambda r: write(r, "encounters/testbib/2026.csv", CSV + "2026-11-04,samtale,1,\n"),
     set()),
    ("a playbook renamed", lambda r: rename(r, "strategies/en-gaest-sover.md", "strategies/sovende.md"), "all"),
]


@pytest.mark.parametrize(("what", "change", "again"), RULE_EDITS, ids=[e[0] for e in RULE_EDITS])
def test_a_repository_rule_runs_again_only_when_its_inputs_changed(project: Path, ran: list[str], what: str,  # noqa: ARG001
                                                                    change: Callable[[Path], None],
                                                                    again: set[str] | str) -> None:
    from rummelig import rules

    run_check(project)
    ran.clear()
    run_check(project)
    assert ran == []                                 # nothing changed: every rule's problems kept
    change(project)
    warm = run_check(project)
    assert set(ran) == (set(rules.REPOSITORY_MODULES) if again == "all" else again)
    assert warm == cold_check(project)


def test_a_kept_rule_result_is_what_the_check_prints(project: Path) -> None:
    """The rules' kept problems are really used (under the same inputs)."""
    run_check(project)
    context, entries, extra, ruled, _ = kept(project)
    key, _ = ruled["duplicates"]
    ruled["duplicates"] = (key, [Problem("partners/aarhus/vaerestedet.yml", 2, "en besked fra cachen", "",
                                         Severity.ERROR, "test")])
    (project / FOLDER / FILE).write_bytes(cache_module.encode(context, entries, extra, ruled))
    code, out = run_check(project)
    assert (code, out.splitlines()[0]) == (1, "partners/aarhus/vaerestedet.yml:2: en besked fra cachen")


# -- a check after an edit imports what the edited file needs, not what the cache holds ---------

_MODULES = """
import sys
from rummelig.cli import main
code = main(["--root", sys.argv[1], "check"])
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""
# Imported by no check whose files all come from the cache, nor by one after a plain edit to a
# playbook: the models and pydantic (a playbook's model only after an edit to its keys), YAML, Python-Markdown
# and the HTML parser (a page the cheap scan clears is not rendered), the sanitiser's nh3, the
# phone, e-mail and country libraries, the templates, the second process of a cold check.
_NEVER_WARM = {"markdown", "html", "html.parser", "nh3", "phonenumbers", "email_validator", "pycountry", "jinja2",
               "multiprocessing", "concurrent.futures", "rummelig.contact_card", "rummelig.models.partner",
               "rummelig.models.library", "rummelig.render", "rummelig.pagehtml"}
_NOTHING_LOADED = {"pydantic", "yaml", "rummelig.models.strategy", "rummelig.wordlist", "rummelig.names",
                   "rummelig.privacy", "json", "tempfile", "importlib.resources"}


def _imported(root: Path) -> set[str]:
    """The modules a `rummelig check` of `root` imports, in a process of its own."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _MODULES, str(root)], capture_output=True, text=True, check=False,
                          cwd=root, env={**os.environ, "PYTHONPATH": str(Path(pipeline.__file__).parents[1])})
    assert done.returncode == 0, done.stderr[-2000:]
    return set(done.stderr.split())


def test_a_warm_check_imports_only_what_the_changed_file_needs(repo: Path) -> None:
    write(repo, "encounters/testbib/2026.csv", CSV)
    # Files written well before they are read (cache.SETTLED_NS: their change time cannot be set back),
    # so the check with nothing changed reads none of them, and writes no cache.
    time.sleep(cache_module.SETTLED_NS / 1e9 + 0.1)
    _imported(repo)  # cold: fills the cache
    nothing = _imported(repo)
    assert nothing & (_NEVER_WARM | _NOTHING_LOADED) == set()
    # A sentence added: the front matter and the word list as the check before kept them
    # (rummelig/loading/kept_front.py, rummelig/kept.py), so no pydantic and no model.
    edit(repo, "strategies/en-gaest-sover.md", "## Bagefter", "En ny sætning.\n\n## Bagefter")
    edited = _imported(repo)
    assert "rummelig.wordlist" in edited
    assert edited & (_NEVER_WARM | {"pydantic", "rummelig.models.strategy", "rummelig.models.term"}) == set()
    # The cache written without tempfile (and random), the first names read without importlib.resources'
    # readers (zipfile, threading), ~25 M instructions (issue 18).
    assert edited & {"tempfile", "random", "importlib.resources", "zipfile"} == set()
    assert [p.name for p in (repo / FOLDER).iterdir() if p.name.startswith(".check-")] == []
    # A key changed: the front matter is read (YAML) and validated (pydantic, the model) again.
    edit(repo, "strategies/en-gaest-sover.md", "onboarding: 1", "onboarding: 2")
    edited = _imported(repo)
    assert {"pydantic", "yaml", "rummelig.models.strategy", "rummelig.wordlist"} <= edited
    assert edited & (_NEVER_WARM | {"rummelig.models.term"}) == set()
    # A valid row added to a year of good encounters: its rows are read without the row model
    # (encounters/csvfile.py), so no pydantic; a row with an error is told by the model.
    edit(repo, "encounters/testbib/2026.csv", "2026-11-03,hjaelp,1,", "2026-11-03,hjaelp,1,\n2026-11-04,andet,3,Godt")
    edited = _imported(repo)
    assert "rummelig.encounters.csvfile" in edited
    assert edited & (_NEVER_WARM | {"pydantic", "yaml", "rummelig.encounters.model", "rummelig.models.base"}) == set()
    edit(repo, "encounters/testbib/2026.csv", "2026-11-04,andet,3", "2026-11-04,andet,0")
    assert {"pydantic", "rummelig.encounters.model"} <= _imported(repo)
    # A partner's or a library's name changed (a free text): made from the model before, no pydantic;
    # its status changed: validated again.
    edit(repo, "partners/aarhus/vaerestedet.yml", "name: Værestedet i Testby", "name: Værestedet Nord")
    edit(repo, "libraries/testbib.yml", "name: Testbiblioteket", "name: Nordbiblioteket")
    edited = _imported(repo)
    assert "yaml" in edited
    # (A library's own number is read by roles-not-names, and a library's card by its rule.)
    assert edited & {"pydantic", "rummelig.models.base", "rummelig.models.partner", "rummelig.models.library",
                     "email_validator", "pycountry"} == set()
    edit(repo, "libraries/testbib.yml", "last_reviewed:", "status: eksempel\nlast_reviewed:")
    assert {"pydantic", "rummelig.models.library"} <= _imported(repo)


# -- a playbook edit that leaves the front matter alone takes it from the cache --------------------

# Front matters with something to say about them (each the playbook's whole front matter before the
# edit): what loading it found, and what the file rules read of its model, must be what a cold check
# says after an edit to the text alone.
FRONTS = [
    ("valid", lambda s: s),
    ("a model error", lambda s: s.replace("kind: situation", "kind: situaton")),
    ("a YAML error", lambda s: s.replace("owner: testbib", "owner: [testbib")),
    ("a date in the future", lambda s: s.replace("last_reviewed: 2026-11-01", "last_reviewed: 2027-01-01")),
    ("a review in the future", lambda s: s.replace("onboarding: 1", "onboarding: 1\nreviewed_with:\n"
                                                   "  - group: Brugerrådet\n    on: 2027-02-01")),
    ("not a situation", lambda s: s.replace("kind: situation", "kind: approach")),
    ("a word from the word list", lambda s: s.replace("summary: Hvad", "summary: En misbruger. Hvad")),
    ("a placeholder", lambda s: s.replace("owner: testbib", "owner: UDFYLD")),
    ("a sample", lambda s: s.replace("onboarding: 1", "onboarding: 1\nstatus: eksempel")),
]
BODY_EDITS = [
    ("a sentence", lambda s: s.replace("## Bagefter", "En ny sætning.\n\n## Bagefter")),
    ("a section renamed", lambda s: s.replace("## Bagefter", "## Bagefer")),
    ("a word from the word list", lambda s: s + "\nEn misbruger.\n"),
    ("the closing line as ...", lambda s: s.replace("\n---\n", "\n...\n", 1)),
]


def count_found(monkeypatch: pytest.MonkeyPatch, name: str) -> list[bool]:
    """From now on, each time a check calls kept_front's `name` ("taken": a playbook's kept front
    matter; "changed": a model made from the one before): whether it found one."""
    from rummelig.loading import kept_front

    found_each: list[bool] = []
    real = getattr(kept_front, name)

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = real(*args, **kwargs)
        found_each.append(found is not None)
        return found

    monkeypatch.setattr(kept_front, name, counting)
    return found_each


@pytest.mark.parametrize(("front", "change"), [(f, b) for f in FRONTS for b in BODY_EDITS],
                         ids=[f"{f[0]}, {b[0]}" for f in FRONTS for b in BODY_EDITS])
def test_a_text_edit_takes_the_front_matter_from_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                           front: tuple[str, Callable[[str], str]],
                                                           change: tuple[str, Callable[[str], str]]) -> None:
    path = project / "strategies/en-gaest-sover.md"
    path.write_text(front[1](STRATEGY), encoding="utf-8")
    run_check(project)                                  # cold: keeps the front matter as loaded
    taken = count_found(monkeypatch, "taken")
    path.write_text(change[1](path.read_text(encoding="utf-8")), encoding="utf-8")
    warm = run_check(project)
    assert taken == [True]                              # loaded from the kept front matter
    second = path.read_text(encoding="utf-8") + "\nOg en sætning til.\n"
    path.write_text(second, encoding="utf-8")
    again = run_check(project)                          # the kept front matter, kept again
    assert taken == [True, True]
    monkeypatch.undo()
    assert again == cold_check(project)
    path.write_text(change[1](front[1](STRATEGY)), encoding="utf-8")
    assert warm == cold_check(project)


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    (PARTNER_REL, "name: Værestedet i Testby", "name: Værestedet Nord", [True]),
    (PARTNER_REL, "- En gæst fortæller", "- En gæst siger", [True]),
    ("libraries/testbib.yml", "  city: Aarhus C", "  city: Aarhus N", [True]),
    ("strategies/en-gaest-sover.md", "keywords: [sover,", "keywords: [sovende,", [True]),
    (PARTNER_REL, "phone: \"70 20 12 01\"", "phone: \"70 20 12 02\"", [False]),   # read by is_akut
    ("libraries/testbib.yml", "name: Testbiblioteket", "name: ''", [False]),             # blank: validated
    ("strategies/en-gaest-sover.md", "onboarding: 1", "onboarding: 2", [False]),         # not a text
])
def test_a_free_text_edit_is_made_from_the_model_before(project: Path, monkeypatch: pytest.MonkeyPatch, rel: str,
                                                       old: str, new: str, expected: list[bool]) -> None:
    run_check(project)
    time.sleep(cache_module.SETTLED_NS / 1e9 + 0.1)
    run_check(project)
    made = count_found(monkeypatch, "changed")
    edit(project, rel, old, new)
    warm = run_check(project)
    assert made == expected
    monkeypatch.undo()
    assert warm == cold_check(project)


def test_a_front_matter_edit_is_loaded_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_check(project)
    taken = count_found(monkeypatch, "taken")
    edit(project, "strategies/en-gaest-sover.md", "onboarding: 1", "onboarding: 3")
    warm = run_check(project)
    assert taken == [False]                             # another front matter: not taken
    monkeypatch.undo()
    assert warm == cold_check(project)


# -- the libraries' and partners' files as loaded: a file of their own ----------------------------

def _side(root: Path) -> Path:
    """The side file that keeps the partner PARTNER_REL as loaded."""
    return root / FOLDER / cache_module.side_file(PARTNER_REL)


def _sides(root: Path, context: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in (root / FOLDER).glob("loaded-*.marshal"):
        found.update(cache_module.decode_side(path.read_bytes(), context))
    return found


def test_the_partners_and_libraries_as_loaded_are_kept_beside_the_cache(project: Path) -> None:
    run_check(project)
    time.sleep(cache_module.SETTLED_NS / 1e9 + 0.1)
    run_check(project)
    _, entries, _, _, _ = kept(project)
    assert entries["strategies/en-gaest-sover.md"].front                   # a playbook's: in the cache file
    assert not entries[PARTNER_REL].front and not entries["libraries/testbib.yml"].front
    context = kept(project)[0]
    side = _sides(project, context)
    assert set(side) == {PARTNER_REL, "partners/hele-landet/livslinien.yml", "libraries/testbib.yml"}
    # A playbook edit writes no side file; a partner edit writes its own, and no other.
    written = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in (project / FOLDER).glob("loaded-*")}
    edit(project, "strategies/en-gaest-sover.md", "## Bagefter", "En ny sætning.\n\n## Bagefter")
    run_check(project)
    assert {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in (project / FOLDER).glob("loaded-*")} == written
    edit(project, PARTNER_REL, "name: Værestedet i Testby", "name: Værestedet Nord")
    run_check(project)
    now = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in (project / FOLDER).glob("loaded-*")}
    assert {name for name in now if now[name] != written[name]} == {_side(project).name}
    assert _sides(project, context)[PARTNER_REL] != side[PARTNER_REL]
    assert _sides(project, "another context") == {}


@pytest.mark.parametrize("what", ["another version", "damaged", "deleted", "from two edits before"])
def test_a_side_file_that_is_not_this_checks_prints_what_a_cold_check_prints(
        project: Path, monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    run_check(project)
    time.sleep(cache_module.SETTLED_NS / 1e9 + 0.1)
    run_check(project)
    first = _side(project).read_bytes()
    edit(project, PARTNER_REL, "name: Værestedet i Testby", "name: Værestedet Syd")
    run_check(project)
    edit(project, PARTNER_REL, "description: Et værested", "description: Et lille værested")
    run_check(project)
    if what == "another version":
        fronts = cache_module.decode_side(first, kept(project)[0])
        assert PARTNER_REL in fronts
        _side(project).write_bytes(cache_module.encode_side("another context", fronts))
    elif what == "damaged":
        _side(project).write_bytes(first[:-40] + bytes(40))
    elif what == "deleted":
        _side(project).unlink()
    else:  # the side file of a check two edits before: its kept version is an older one, still whole
        _side(project).write_bytes(first)
    made = count_found(monkeypatch, "changed")
    edit(project, PARTNER_REL, "name: Værestedet Syd", "name: Værestedet Vest")
    warm = run_check(project)
    assert made == ([True] if what == "from two edits before" else [])
    monkeypatch.undo()
    assert warm == cold_check(project)
