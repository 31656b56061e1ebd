"""The whole check, as one call: load the repository, run the rules, and report.

Engine-independent; `rummelig check`, the build (`rummelig.site.build_site`) and every other
command that needs valid content call `check_repository` (or, for problems only,
`check_content`).

The check runs in two stages (issue 18; rules/__init__.py):
1. per file: read it, load it (`repository.load_unit`) and run the file rules on it. The result
   depends on the file's bytes alone, so with a cache (rummelig/cache.py) a file whose bytes did
   not change is not loaded or judged again;
2. across files: the repository rules run on records made of the facts they read
   (rummelig/facts.py), so they need no file parsed again either; with a cache, a rule none of
   whose inputs changed (rules/__init__.py) is not run again: its problems are kept.
The problems are the same with or without a cache, and the same as `rules.apply_rules` on the
fully loaded repository (tests/rules/test_scopes.py, tests/test_cache.py).

`rummelig check` with many files to judge (a cold check) shares stage 1 with one forked process
where the platform forks (`_in_two`): the first file of each kind is loaded and judged first, so
the forked process starts with what that needed imported and built; then each half of the rest
is loaded and judged on its own core, and the results come back in the files' order — the same
problems, facts and findings as one process makes (tests/test_cache.py compares them).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from rummelig import rules
from rummelig.cache import CheckCache, Entry, RuleResults, context, digest, pack, stat_of, unchanged
from rummelig.facts import FactMissing, Later, LazyDict, record_facts, view_record
from rummelig.kept import added as kept_added
from rummelig.kept import use as use_kept
from rummelig.kinds import DOCUMENT_KINDS
from rummelig.loading.docs import LazyDocsPage, load_docs_page
from rummelig.loading.sources import SourceFile, decode_text, read_bytes
from rummelig.problems import Problem, Problems, clean
from rummelig.project_root import content_folders, has_content_folder
from rummelig.repository import DOCS_KIND, Repository, Unit, assemble, discover_all, load_unit

# The text of a file the check did not read (its size, times and inode say it did not change since
# its bytes were hashed: cache.unchanged): the repository rules read it when they need it (LazyDict).
UNREAD = "\0(unread)"


@dataclass
class Checked:
    repo: Repository
    problems: Problems
    digests: dict[str, str] = field(default_factory=dict)  # every file read: its path → hash of its bytes


@dataclass
class Report:
    """What `rummelig check` prints: the problems, and how many records of each kind it checked."""

    problems: Problems
    counts: dict[str, int]
    files: list[str] = field(default_factory=list)  # every content file read (posix, relative to the root)


def check_repository(root: Path, today: date | None = None, cache: CheckCache | None = None) -> Checked:
    """Load and check everything under `root`. Never raises for bad content. With `cache`, a file
    whose bytes did not change is not judged again (it is still loaded: the caller gets every
    record)."""
    run = _Run(root, today or date.today(), cache, records=True)
    assert run.repo is not None
    return Checked(run.repo, run.problems,
                   {source.rel: entry.digest for source, entry in zip(run.sources, run.entries, strict=True)})


def check_content(root: Path, today: date | None = None, cache: CheckCache | None = None) -> Report:
    """Only the problems (and the records counted), for `rummelig check`: with `cache`, a file
    whose bytes did not change is read, to hash it, and nothing more."""
    run = _Run(root, today or date.today(), cache, records=False)
    return Report(run.problems, run.counts, [source.rel for source in run.sources])


# From this many files to load and judge, `rummelig check` shares the work with a second process
# (forking one, sending it the files and getting its results back costs ~0.05 s).
PARALLEL_FROM = 400


class _Unread(list[Any]):
    """The encounter rows in the repository the repository rules see: no rule names them."""

    def _missing(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise FactMissing("the encounter rows are not among the facts")

    __iter__ = __len__ = __getitem__ = __bool__ = __contains__ = _missing


def _batches(units: list[Unit]) -> list[list[Unit]]:
    """`units` in groups without two records of one kind and id (a repository holds one)."""
    batches: list[list[Unit]] = []
    taken: list[set[tuple[str, str]]] = []
    for unit in units:
        key = (unit.source.kind, unit.record.id) if unit.record is not None else None
        place = next((i for i, ids in enumerate(taken) if key is None or key not in ids), None)
        if place is None:
            place = len(batches)
            batches.append([])
            taken.append(set())
        if key is not None:
            taken[place].add(key)
        batches[place].append(unit)
    return batches


class _Run:
    """One check of `root`: the fields hold its result."""

    def __init__(self, root: Path, today: date, cache: CheckCache | None, records: bool) -> None:
        self.root, self.today, self.cache = root, today, cache
        self.reads = rules.reads()
        found = Problems()                                  # discovery and assembly
        self.static: list[str] = []                         # the other files in docs/
        self.sources = discover_all(root, found, self.static)
        if cache is not None:
            cache.open(context(root, today))
        # The word list as a check before kept it (rummelig/kept.py): for `rummelig check` only.
        use_kept(cache.kept if cache is not None and not records and not cache.keep_units else None)
        self.entries: list[Entry] = []
        self.units: list[Unit | None] = []                  # None: known by its entry only
        self.texts: list[str | None] = []
        fresh = self.fresh = self._read(records)
        extra = self._judge(fresh)
        view = assemble(root, today, [self._view_unit(i) for i in range(len(self.sources))], found, self.static)
        index_of = {source.rel: i for i, source in enumerate(self.sources)}
        view.texts = LazyDict({rel: Later(self._text_of(index_of[rel])) if text is UNREAD else text
                               for rel, text in dict.items(view.texts)})
        view.encounters.files = _Unread()
        view.findings = LazyDict({source.rel: Later(_findings_of(entry))
                                  for source, entry in zip(self.sources, self.entries, strict=True)})
        self.counts = {key: len(view.records[key]) for key in DOCUMENT_KINDS}
        # What loading and the file rules found; a repository rule's own problems are those it adds.
        # On the view each rule's problems depend on the repository alone (roles_not_names reads the
        # problems before it only for a file without kept findings, which the view never has), so
        # they can be kept by their inputs; on fully loaded records they see these, as in
        # `rules.apply_rules`.
        before = [*found.sorted(), *(p for entry in self.entries for p in entry.problems), *extra]
        ruled: RuleResults | None = None  # None: keep what the cache holds
        try:
            results = self._repository_rules(view, records)
            across = [p for _, found_by_rule in results.values() for p in found_by_rule]
            if not records:
                ruled = results
        except FactMissing:
            # A rule read more than its READS name: run them again on fully loaded records.
            everything = Problems()
            everything.extend(before)
            rules.run_rules(rules.REPOSITORY_RULES, self._repository(), everything)
            across = everything.sorted()
            ruled = {}
        seen = set(before)
        self.repo = self._repository() if records else None
        problems = Problems()
        problems.extend(found.sorted())
        for entry in self.entries:
            problems.extend(entry.problems)
        problems.extend(extra)
        problems.extend(p for p in across if p not in seen)
        self.problems = rules.finish(problems)
        if cache is not None:
            entries = {source.rel: entry for source, entry in zip(self.sources, self.entries, strict=True)
                       if entry.digest}
            new = any(self.entries[i].digest for i in fresh)
            cache.update(entries, extra, changed=new or self.resigned or set(entries) != set(cache.entries)
                         or cache.extra is None or (ruled is not None and ruled != cache.rule_results)
                         or kept_added(), rule_results=ruled)
        use_kept(None)

    def _read(self, records: bool) -> list[int]:
        """Read every file that may have changed; load those the cache does not know (or all, for
        `records`). Returns the indexes of the files that were judged by nobody yet. Without
        `records`, the files to load wait in `self.deferred` (index → bytes): `_judge` may share
        them out. A file the cache knows whose signature says it did not change since it was read
        (`cache.unchanged`) is not read at all."""
        fresh = []
        self.deferred: dict[int, bytes] = {}
        self.resigned = False  # a file's signature (cache.Seen) is not the one the cache holds
        cache = self.cache
        keep = cache is not None and cache.keep_units
        share = not records and not keep
        for index, source in enumerate(self.sources):
            kept = cache.entries.get(source.rel) if cache is not None else None
            if (kept is not None and kept.kind == source.kind and (kept.unit is not None or not records)
                    and unchanged(source.file, kept.seen)):
                self.entries.append(kept)
                self.units.append(kept.unit)
                self.texts.append(kept.unit.text if kept.unit is not None else UNREAD if kept.texted else None)
                continue
            found = Problems()
            started = time.time_ns()
            data = read_bytes(source, found)
            seen = stat_of(source.file, started) if data is not None else None
            key = digest(data) if data is not None else ""
            entry = cache.get(source.rel, source.kind, key) if cache is not None and key else None
            unit: Unit | None
            if entry is not None and entry.unit is not None:
                unit = entry.unit
            elif entry is not None and not records:
                unit = None
            elif share and data is not None:
                unit = None
                self.deferred[index] = data
                entry = Entry(source.kind, key, [])
                fresh.append(index)
            else:
                unit = load_unit(source, data, self.today, found if entry is None else Problems())
            if entry is None:
                assert unit is not None
                entry = Entry(source.kind, key, unit.problems, sample=unit.sample)
                fresh.append(index)
            elif unit is not None and keep:
                entry.unit = unit
            if entry.seen != seen:
                entry.seen = seen
                self.resigned = True
            self.entries.append(entry)
            if index in self.deferred:
                self.units.append(None)
                text = decode_text(source, self.deferred[index], Problems())
                entry.texted = text is not None
                self.texts.append(text)
                continue
            self.units.append(unit)
            if unit is not None:
                self.texts.append(unit.text)
            else:
                assert data is not None
                self.texts.append(decode_text(source, data, Problems()))
        return fresh

    def _judge(self, fresh: list[int]) -> list[Problem]:
        """Run the file rules on the files no one judged yet, and keep each one's problems and
        facts in its entry. Returns the problems about no content file (the rules' own data)."""
        if not fresh and self.cache is not None and self.cache.extra is not None:
            return list(self.cache.extra)
        deferred = [i for i in fresh if i in self.deferred]
        if len(deferred) >= PARALLEL_FROM and _can_fork():
            results, extra = _in_two(self.root, self.today, self.reads,
                                     [(self.sources[i], self.deferred[i]) for i in deferred])
            for index, result in zip(deferred, results, strict=True):
                _keep(self.entries[index], result)
            return extra
        for index in deferred:  # too few to share: loaded here, as the others were
            self.units[index] = load_unit(self.sources[index], self.deferred[index], self.today, Problems(),
                                          keep_front=True, kept_front=self._front_before(index))
        units = [u for u in (self.units[i] for i in fresh) if u is not None]
        judged, extra = _judge_units(self.root, self.today, self.reads, units)
        for index, result in zip(fresh, judged, strict=True):
            unit, entry = self.units[index], self.entries[index]
            assert unit is not None
            _keep(entry, result)
            if self.cache is not None and self.cache.keep_units:
                entry.unit = unit
        return extra

    def _front_before(self, index: int) -> bytes | None:
        """What the check before kept of file `index`'s front matter (rummelig/loading/kept_front.py)."""
        if self.cache is None:
            return None
        return self.cache.front(self.sources[index].rel, self.sources[index].kind)

    def _view_unit(self, index: int) -> Unit:
        """The file as the repository rules see it: its facts, its text, its docs page (the text
        of a file that was not read is read when a rule asks for it: LazyDict)."""
        source, entry, unit, text = self.sources[index], self.entries[index], self.units[index], self.texts[index]
        if unit is not None and self.cache is not None and self.cache.keep_units:
            # A long-lived process holds the loaded file: its record has every fact (and more).
            return unit
        seen = Unit(source, text, sample=entry.sample)
        if entry.recorded:
            seen.record = view_record(source, _facts_of(entry), self.reads.get(source.kind, ()),
                                      self._text_of(index), entry.body_line)
        if source.kind == DOCS_KIND and text is not None:
            if unit is not None:
                seen.page = unit.page
            elif text is UNREAD:
                seen.page = LazyDocsPage(source, self._text_of(index)) if entry.paged else None
            else:
                seen.page = load_docs_page(source, text, Problems())
        return seen

    def _text_of(self, index: int) -> Callable[[], str]:
        """The text of file `index`, read when first asked for if the check did not read it."""
        def text() -> str:
            found = self.texts[index]
            if found is UNREAD:
                source = self.sources[index]
                data = read_bytes(source, Problems())
                found = self.texts[index] = (decode_text(source, data, Problems()) if data is not None else None) or ""
            return found or ""
        return text

    def _repository_rules(self, view: Repository, records: bool) -> RuleResults:
        """Each repository rule's problems on `view`: kept from the last check when none of its
        inputs changed (rules.REPOSITORY_MODULES says which they are), else found now. Raises
        FactMissing when a rule reads a fact no rule names."""
        kept = self.cache.rule_results if self.cache is not None and not records else {}
        keys = self._rule_keys(self.entries) if self.cache is not None and not records else {}
        results: RuleResults = {}
        before: dict[str, str] | None = None  # each rule's key in the check before, if it can be known
        for name, module in rules.REPOSITORY_MODULES.items():
            key = keys.get(name, "")
            if key and name in kept and kept[name][0] == key:
                results[name] = kept[name]
                continue
            if key and name in kept:
                if before is None:
                    before = self._keys_before()
                if before.get(name) == kept[name][0] and self._same_inputs(name):
                    results[name] = (key, kept[name][1])
                    continue
            found = Problems()
            module.check(view, found)
            results[name] = (key, found.sorted())
        return results

    def _keys_before(self) -> dict[str, str]:
        """`_rule_keys` of the check whose results the cache holds, when this check differs from it
        only in files that were there then, of the same kind (else {}): their entries then, the
        others' now (the same)."""
        assert self.cache is not None
        then = list(self.entries)
        for index in self.fresh:
            source = self.sources[index]
            found = self.cache.entries.get(source.rel)
            if found is None or found.kind != source.kind:
                return {}
            then[index] = found
        return self._rule_keys(then)

    def _same_inputs(self, name: str) -> bool:
        """Does rule `name` read the same of every changed file as in the check before (its place
        in the layout, its own facts and finding, its text if the rule reads it)? Asked only when
        the rule's key then is the one its kept result has (`_keys_before`)."""
        assert self.cache is not None
        reads_text = hasattr(rules.REPOSITORY_MODULES[name], "reads_text")
        for index in self.fresh:
            source, now = self.sources[index], self.entries[index]
            then = self.cache.entries[source.rel]
            layout = ((then.recorded, then.texted, then.paged, then.sample)
                      != (now.recorded, now.texted, now.paged, now.sample))
            if (layout or rules.own_inputs(name, source.kind, then.facts, then.findings)
                    != rules.own_inputs(name, source.kind, now.facts, now.findings)):
                return False
            if reads_text and ((name in then.reads) != (name in now.reads)
                               or (name in now.reads and then.digest != now.digest)):
                return False
        return True

    def _rule_keys(self, entries: list[Entry]) -> dict[str, str]:
        """Per repository rule, a hash of everything its problems depend on (rules/__init__.py)."""
        layout = [f"{source.rel}\0{source.kind}\0{entry.recorded:d}{entry.texted:d}{entry.paged:d}"
                  f"{entry.sample!r}\0{entry.view_key}"
                  for source, entry in zip(self.sources, entries, strict=True)]
        common = digest("\n".join([*layout, "", *self.static]).encode())
        keys: dict[str, str] = {}
        for name, module in rules.REPOSITORY_MODULES.items():
            if not hasattr(module, "reads_text"):
                keys[name] = common
                continue
            texts = [f"{source.rel}\0{entry.digest}" for source, entry in zip(self.sources, entries, strict=True)
                     if name in entry.reads]
            keys[name] = digest("\n".join([common, *texts]).encode())
        return keys

    def _repository(self) -> Repository:
        """The fully loaded repository: every file loaded (those the cache knew, again)."""
        for index, source in enumerate(self.sources):
            if self.units[index] is None:
                self.units[index] = load_unit(source, read_bytes(source, Problems()), self.today, Problems())
        return assemble(self.root, self.today, [u for u in self.units if u is not None], Problems(), self.static)


# (problems, facts and findings packed (cache.pack), their view key, has a record, sample marker's answer,
# has a text, the body's first line, a docs page, the repository rules that may read its text, a
# playbook's front matter as loaded (rummelig/loading/kept_front.py))
Judged = tuple[list[Problem], bytes, str, bool, bool | None, bool, int, bool, tuple[str, ...], bytes]


def _keep(entry: Entry, result: Judged) -> None:
    (problems, blob, view_key, recorded, entry.sample, entry.texted, entry.body_line, entry.paged, entry.reads,
     entry.front) = result
    entry.problems = problems
    entry.set_packed(blob, view_key, recorded)


def _facts_of(entry: Entry) -> Callable[[], Any]:
    return lambda: entry.facts


def _findings_of(entry: Entry) -> Callable[[], Any]:
    return lambda: entry.findings


def _judge_units(root: Path, today: date, reads: dict[str, tuple[str, ...]],
                 units: list[Unit]) -> tuple[list[Judged], list[Problem]]:
    """Stage 1's judgement of loaded files: per file, its problems (loading and the file rules),
    the facts the repository rules read, its sample marker's answer and the repository rules'
    per-file findings; and the problems about no content file."""
    by_rel: dict[str, list[Problem]] = {u.rel: [] for u in units}
    extra: list[Problem] = []
    for batch in _batches(units) or [[]]:
        repo = assemble(root, today, batch, Problems())
        found = Problems()
        rules.run_rules(rules.FILE_RULES, repo, found)
        for problem in found.sorted():
            if problem.path in by_rel:
                by_rel[problem.path].append(problem)
            else:
                extra.append(problem)
    judged: list[Judged] = []
    for unit in units:
        facts = record_facts(unit.record, reads.get(unit.source.kind, ())) if unit.record is not None else None
        findings = rules.per_file_findings(unit.rel, unit.text, unit.record, unit.problems, root)
        blob = pack(facts, findings)
        judged.append(([*unit.problems, *by_rel[unit.rel]], blob, digest(blob), facts is not None, unit.sample,
                       unit.text is not None, unit.record.body_first_line if unit.record is not None else 1,
                       unit.page is not None, rules.text_readers(findings), unit.front))
    return judged, extra


def _load_and_judge(root: Path, today: date, reads: dict[str, tuple[str, ...]],
                    files: list[tuple[SourceFile, bytes]]) -> tuple[list[Judged], list[Problem]]:
    """Load and judge files already read (in a forked process, or here)."""
    return _judge_units(root, today, reads, [load_unit(source, data, today, Problems(), keep_front=True)
                                             for source, data in files])


def _can_fork() -> bool:
    from rummelig import forked

    return (os.cpu_count() or 1) > 1 and forked.can_fork()


def _in_two(root: Path, today: date, reads: dict[str, tuple[str, ...]],
            files: list[tuple[SourceFile, bytes]]) -> tuple[list[Judged], list[Problem]]:
    """`_load_and_judge` of `files`, shared with a forked process. First, here, the first file of
    each kind (`_first_of_each_kind`): what loading and judging one needs the first time — pydantic
    and the models, PyYAML, email_validator, phonenumbers, the scans' patterns and the word list —
    is then imported and built once, and the forked process starts with it (issue 18, eleventh
    pass: both processes did it, ~0.5 s of CPU each). Then every other file of the rest in the forked
    process (`rummelig.forked`: it has the files already, and starts on them at once), whose results
    come back pickled through a pipe. The results in the files' order; the problems about no content
    file once (each part finds the same). If the other process cannot start or fails in any way, its
    half is done here: sharing can make a check faster, never different."""
    import pickle

    from rummelig import forked

    first = _first_of_each_kind(files)
    warm = set(first)
    rest = [index for index in range(len(files)) if index not in warm]
    theirs, ours = rest[1::2], rest[0::2]
    warmed, extra = _load_and_judge(root, today, reads, [files[i] for i in first])
    pid, results_r = 0, -1
    try:
        results_r, results_w = os.pipe()

        def work() -> None:
            os.close(results_r)
            judged = _load_and_judge(root, today, reads, [files[i] for i in theirs])
            with os.fdopen(results_w, "wb") as out:
                pickle.dump(judged, out, protocol=pickle.HIGHEST_PROTOCOL)

        pid = forked.start(work)
        os.close(results_w)
    except OSError:  # no pipe: one process does it all
        pass
    mine, more = _load_and_judge(root, today, reads, [files[i] for i in ours])
    got: Any = None
    if pid:
        try:
            got = forked.result(pid, results_r)
        except Exception:  # noqa: BLE001 - whatever went wrong there, the half is done here
            got = None
    elif results_r >= 0:
        os.close(results_r)
    if got is None:
        got = _load_and_judge(root, today, reads, [files[i] for i in theirs])
    found, most = got
    results: dict[int, Judged] = {}
    for indexes, judged in ((first, warmed), (ours, mine), (theirs, found)):
        results.update(zip(indexes, judged, strict=True))
    for problem in (*more, *most):
        if problem not in extra:
            extra.append(problem)
    return [results[index] for index in range(len(files))], extra


def _first_of_each_kind(files: list[tuple[SourceFile, bytes]]) -> list[int]:
    """The index of the first file of each kind among `files`, in order."""
    first: dict[str, int] = {}
    for index, (source, _) in enumerate(files):
        first.setdefault(source.kind, index)
    return sorted(first.values())


def not_a_knowledge_base(root: Path) -> str:
    """A Danish reason why `root` is not a knowledge base to check, or "" when it is one.
    Checking an empty or wrong folder would otherwise report "Alt i orden: 0 …"."""
    if not root.exists():
        return f"mappen {clean(str(root))} findes ikke — kør kommandoen i projektets mappe, eller ret --root"
    if not root.is_dir():
        return f"{clean(str(root))} er ikke en mappe — kør kommandoen i projektets mappe, eller ret --root"
    try:
        found = has_content_folder(root)
    except OSError as exc:
        return f"mappen {clean(str(root))} kan ikke læses ({exc.strerror or exc}) — tjek mappens rettigheder"
    if not found:
        return (f"{clean(str(root))} indeholder ikke indhold til Det rummelige bibliotek (ingen af mapperne "
                f"{content_folders()}) — kør kommandoen i projektets mappe, eller ret --root")
    return ""


__all__ = ["Checked", "Report", "SourceFile", "check_content", "check_repository", "not_a_knowledge_base"]
