"""Helper processes forked during a rebuild die with the process that forked them.

Whoosh's multi-process writer and the pool that prepares arrays fork children that, when
their parent is killed, would be re-parented and live on: sleeping on a queue nobody fills,
holding the parent's files. On Linux the kernel can kill them instead (PR_SET_PDEATHSIG);
elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_active = 0
_guard = threading.Lock()
_registered = False
_forker = 0  # the pid that is forking, set just before each fork and inherited by the child


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _before_fork() -> None:
    global _forker
    _forker = os.getpid()


def _after_fork_in_child() -> None:
    if not _active:
        return
    prctl = _prctl()
    if prctl is None:
        return
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # The parent may have died before the line above ran: then nobody would send the signal.
    if os.getppid() != _forker:
        os._exit(1)


@contextmanager
def children_die_with_parent() -> Iterator[None]:
    """Processes this process forks within the block are killed if it dies.

    The kernel sends the signal when the forking *thread* ends, so fork from a thread that
    outlives its children (as the rebuild does: it joins them before returning).
    """
    global _active, _registered
    with _guard:
        if not _registered and hasattr(os, "register_at_fork"):
            os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)
            _registered = True
        _active += 1
    try:
        yield
    finally:
        with _guard:
            _active -= 1
