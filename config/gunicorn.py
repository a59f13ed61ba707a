"""gunicorn settings: `gunicorn config.wsgi -c config/gunicorn.py` (as `make run` does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gunicorn.workers.base import Worker


def post_worker_init(worker: Worker) -> None:
    # Load the index into each worker before it takes requests, so that no visitor pays for
    # it, and keep the garbage collector off what was loaded (see `prepare_worker`).
    from search import catch_up
    from search.indexing import prepare_worker

    prepare_worker()
    # Requests then only write to the index when it is free at once; this thread applies
    # what they leave queued (and what a worker that died left).
    catch_up.start()
