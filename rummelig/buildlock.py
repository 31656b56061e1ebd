"""One build at a time in a project folder: `python -m rummelig.buildlock COMMAND…`.

`make site` and `make offline` run their steps under this lock (Makefile). Two overlapping
runs used to share `.site-build/`: both reported success and left a site with 23 of 139 files,
or one died with a traceback (issue 13 item 6). Now the second waits for the first, saying so
in Danish, and then builds on its own; after a long wait it stops instead.

The lock is `fcntl.flock` on `.rummelig-build.lock` in the current folder: the kernel releases
it when the holder exits, however it exits, so a killed build never leaves a stale lock.
Hand-written because the standard library has flock and a dependency for twenty lines is not
worth it (flock(1) is not on every developer's machine).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

LOCK = ".rummelig-build.lock"
WAIT_SECONDS = 30 * 60
HELD = "RUMMELIG_BUILD_LOCK_HELD"   # set for the command, so a nested make does not wait for itself


def run(command: list[str], folder: Path, wait_seconds: float = WAIT_SECONDS) -> int:
    if os.environ.get(HELD) == str(folder.resolve()):
        return subprocess.call(command)
    with open(folder / LOCK, "a+") as handle:
        deadline = time.monotonic() + wait_seconds
        said = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not said:
                    print("Venter: siden bliver allerede bygget i denne mappe (make site eller make offline) — "
                          "denne bygning starter, når den anden er færdig.", file=sys.stderr, flush=True)
                    said = True
                if time.monotonic() > deadline:
                    print(f"Stoppet: den anden bygning kører stadig efter {int(wait_seconds // 60)} minutter — "
                          "vent, til den er færdig (eller stop den), og prøv igen.", file=sys.stderr)
                    return 1
                time.sleep(0.5)
        env = {**os.environ, HELD: str(folder.resolve())}
        return subprocess.call(command, env=env)


def main(argv: list[str]) -> int:
    if not argv:
        print("brug: python -m rummelig.buildlock KOMMANDO …", file=sys.stderr)
        return 2
    return run(argv, Path.cwd())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
