"""A daemon thread in each web worker that applies the index updates requests left queued.

A request writes its changes to the index only if the index is free within a second or two
(search.signals); otherwise the rows wait here. Each tick is one cheap query while the
queue is empty. Nothing depends on this thread surviving: if the worker dies, the rows stay
in the database for another worker, `update_index` or the next import.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.conf import settings
from django.db import connections
from django.utils import timezone

from search import indexing, pending
from search.write_lock import LockBusy

logger = logging.getLogger(__name__)

TIDY_EVERY = 30  # ticks between checks that quick commits have not piled up segments
MAX_BACKOFF = 60.0  # seconds between attempts while writes keep failing

_started: threading.Thread | None = None


def start() -> threading.Thread:
    """Start this process's catch-up thread (once) and make its commits quick."""
    global _started
    indexing.serve_requests()
    if _started is None or not _started.is_alive():
        interval = settings.DISPATCH_CATCH_UP_INTERVAL
        _started = threading.Thread(
            target=run, args=(interval, threading.Event()), name="index-catch-up", daemon=True
        )
        _started.start()
    return _started


def run(interval: float, stop: threading.Event) -> None:
    """Tick until `stop` is set: drain the queue, now and then merge segments."""
    failures = ticks = 0
    while not stop.wait(min(interval * 2**failures, MAX_BACKOFF)):
        ticks += 1
        try:
            tick(tidy=ticks % TIDY_EVERY == 0)
            failures = 0
        except LockBusy:
            pass  # a long write elsewhere; the rows wait for the next tick
        except Exception:
            failures = min(failures + 1, 8)
            logger.exception("Index catch-up failed; the queued updates stay queued")
        finally:
            connections.close_all()  # this thread's own connections, as a request would


def tick(tidy: bool = False, settle: float | None = None) -> int:
    """One look at the queue; returns how many articles were written.

    Rows younger than `settle` seconds (a request's wait and a second) are left alone: the
    process that committed them is most likely writing them right now (an import indexes
    its own batches), and a worker that took them over would do that work on a thread that
    serves visitors.
    """
    settle = indexing.request_wait() + 1 if settle is None else settle
    before = timezone.now() - datetime.timedelta(seconds=settle)
    if pending.waiting(before):
        return indexing.drain(before=before)
    if tidy:
        indexing.tidy()
    return 0
