"""One incremental index writer at a time across threads and processes, with a bounded wait.

Whoosh's own write lock only guards its files. Applying queued updates also reads the
articles from the database, and that read has to happen under the same lock as the write:
otherwise a writer that read an older version could commit after one that read a newer one
and put the older version back.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL = 0.02  # seconds between attempts: short next to a one-document write


class LockBusy(Exception):
    """Another writer held the lock for the whole wait."""


@contextmanager
def held(path: Path, wait: float) -> Iterator[None]:
    """Hold the lock at `path` (created if need be), waiting at most `wait` seconds.

    `flock` on a file opened here: a lock belongs to this open file, so two threads of one
    process exclude each other too, and the kernel releases it when a holder dies.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockBusy(f"{path} stayed locked for {wait:g} s") from None
                time.sleep(POLL)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock
