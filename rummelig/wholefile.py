"""Files written whole: a reader sees the old file or the new, never half of one."""

from __future__ import annotations

import contextlib
import os
import threading


def write_whole(path: os.PathLike[str] | str, text: str) -> None:
    """Write `path` under a name beside it, then rename it into place: a reader (a page loading the
    search index while it is written again, a colleague's editor) sees the old file or the new,
    never half of one. The file gets the usual permissions (a site's files are served; unlike
    tempfile.mkstemp's, which only its owner may read)."""
    target = os.fspath(path)
    writing = f"{target}.{os.getpid()}-{threading.get_ident()}.writing"  # one per writer
    try:
        with open(writing, "x", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(writing, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(writing)
        raise
