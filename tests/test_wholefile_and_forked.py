"""rummelig/wholefile.py and rummelig/forked.py: a file is replaced whole, with the usual
permissions; work runs in a child that ends, and can be stopped."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from rummelig import forked
from rummelig.wholefile import write_whole


def test_a_file_is_replaced_whole_and_readable_by_others(tmp_path: Path):
    path = tmp_path / "search_index.json"
    path.write_text("gammel", encoding="utf-8")
    old_mask = os.umask(0o022)
    try:
        write_whole(path, "ny\r\n")
    finally:
        os.umask(old_mask)
    assert path.read_bytes() == b"ny\r\n"  # no newline translation
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's 0600: a web server serves it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["search_index.json"]


def test_work_runs_in_a_child_and_a_running_child_can_be_stopped(tmp_path: Path):
    done = tmp_path / "done"
    pid = forked.start(lambda: done.write_text("ja", encoding="utf-8"))
    assert pid > 0 and pid != os.getpid()
    forked.stop(pid, terminate=False)
    assert done.read_text(encoding="utf-8") == "ja"

    pid = forked.start(lambda: time.sleep(3600))
    forked.stop(pid)  # SIGTERM, then reaped (it would otherwise wait an hour)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    forked.stop(0)  # nothing to stop


def test_without_fork_the_caller_does_the_work(monkeypatch):
    monkeypatch.delattr(os, "fork")
    assert not forked.can_fork() and forked.start(lambda: None) == 0
