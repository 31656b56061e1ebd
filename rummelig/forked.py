"""Work in a forked child process, beside the build or the preview server (issue 18).

Why fork and not a thread or a process pool: the work is seconds of pure Python, which a thread
would do holding the interpreter lock (the build and the server then wait for it), and a fresh
process would have to import everything and receive the build's result; a forked child starts
with both, copy-on-write. The child runs only our own code and leaves with os._exit, never
returning into the caller's stack (MkDocs, the live-reload server). Where the system cannot
fork (Windows), `start` returns 0 and the caller does the work itself.

A child inherits every descriptor of the process it was forked from. For the write end of a pipe
that another child reads to its end (PageScan's pages), that is a hang: the reader sees the end
only when every copy is closed, and a second child started meanwhile (the search index beside
the build) holds one until it exits — while the build waits for the reader. Such a descriptor is
held back (`hold_back`): every child closes it first thing, whatever order the build forks in.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Iterator
from typing import Any

# Descriptors that no child may keep (the parent's write ends of pipes another child reads to its
# end). Only our own pipes are listed, never "every descriptor but these": closing a descriptor
# under a live Python object of the parent (a log file, the preview's socket) could, once the
# number is reused in the child, close the child's own file when that object is collected.
_HELD_BACK: set[int] = set()


def hold_back(fd: int) -> None:
    """Every child started from now on closes `fd` before its work (see the module's doc)."""
    _HELD_BACK.add(fd)


def let_go(fd: int) -> None:
    """`fd` is about to be closed by its owner: its number may be reused by anything after."""
    _HELD_BACK.discard(fd)


def can_fork() -> bool:
    return hasattr(os, "fork")


def start(work: Callable[[], None]) -> int:
    """Run `work` in a child; its pid (0 where there is no fork). The child exits 0 when `work`
    returns, 1 when it raises; SIGTERM ends it unless `work` blocks it (signal.pthread_sigmask)."""
    if not can_fork():
        return 0
    try:
        pid = os.fork()
    except OSError:  # no process left to start: the caller does the work itself
        return 0
    if pid:
        return pid
    code = 1
    try:
        for fd in _HELD_BACK:
            with contextlib.suppress(OSError):
                os.close(fd)
        _HELD_BACK.clear()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        work()
        code = 0
    finally:
        os._exit(code)


def result(pid: int, fd: int) -> object | None:
    """What the child `pid` pickled into the pipe `fd` (which is closed), once it has ended;
    None when it wrote nothing whole or did not exit 0 (the caller then does the work itself)."""
    found: object | None = None
    try:
        with os.fdopen(fd, "rb") as pipe:
            found = pickle.load(pipe)  # noqa: S301 - our own child's bytes
    except (OSError, EOFError, pickle.UnpicklingError):
        found = None
    finally:
        _, status = os.waitpid(pid, 0)
    return found if os.waitstatus_to_exitcode(status) == 0 else None


def stop(pid: int, terminate: bool = True) -> None:
    """Wait for the child `pid` to end; with `terminate`, ask it to stop first (SIGTERM)."""
    if not pid:
        return
    if terminate:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)



class Stream:
    """A child that is handed items while the caller goes on (pickled through a pipe) and gives
    back one result at the end: `consume` runs in the child over the items as they arrive and
    returns something picklable. The build's CPR scan of its pages (sitescan.PageScan) and the
    sanitising of its HTML (sanitize.Sanitiser) are such children. Where there is no fork, or the
    child is gone, `send` returns False and `result` None: the caller does the work itself.

    The items' pipe is held back (`hold_back`): a second child forked while this one still reads
    would otherwise keep the pipe open and this child would never see the end of its items."""

    def __init__(self, consume: Callable[[Iterator[Any]], object]) -> None:
        self.pid = 0
        self._send: Any = None
        self._items = -1
        self._results = -1
        if not can_fork():
            return
        items_r, items_w = os.pipe()
        results_r, results_w = os.pipe()

        def work() -> None:
            os.close(results_r)
            with os.fdopen(items_r, "rb") as items:
                done = consume(_unpickled(items))
            with os.fdopen(results_w, "wb") as out:
                pickle.dump(done, out)

        hold_back(items_w)
        self.pid = start(work)
        os.close(items_r)
        os.close(results_w)
        if not self.pid:  # no child: the caller does the work
            let_go(items_w)
            os.close(items_w)
            os.close(results_r)
            return
        self._items, self._results = items_w, results_r
        self._send = os.fdopen(items_w, "wb", buffering=1 << 16)

    def send(self, item: object) -> bool:
        """Hand `item` to the child; False when there is none (do the work here)."""
        if self._send is None:
            return False
        try:
            pickle.dump(item, self._send)
        except OSError:  # the child is gone
            self.close()
            return False
        return True

    def result(self) -> object | None:
        """Wait for the child's result (no more items); None when there is no child or it failed."""
        if self._send is None:
            self.close()
            return None
        self._close_items()
        pid, fd, self.pid, self._results = self.pid, self._results, 0, -1
        return result(pid, fd)

    def close(self) -> None:
        """Stop the child without its result (the build failed, or the pipe broke)."""
        if self._send is not None:
            self._close_items()
        if self._results >= 0:
            os.close(self._results)
            self._results = -1
        pid, self.pid = self.pid, 0
        stop(pid)

    def _close_items(self) -> None:
        """Close the items' pipe, so the child sees their end (its number may be reused after)."""
        let_go(self._items)
        self._items = -1
        send, self._send = self._send, None
        with contextlib.suppress(OSError):
            send.close()


def _unpickled(pipe: Any) -> Iterator[Any]:
    while True:
        try:
            yield pickle.load(pipe)  # noqa: S301 - our own build's bytes
        except EOFError:
            return
