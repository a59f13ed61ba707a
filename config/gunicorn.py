"""gunicorn settings: `gunicorn config.wsgi -c config/gunicorn.py` (as `make run` does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gunicorn.workers.base import Worker

# A query of up to 5,000 characters (search.query.MAX_QUERY_LENGTH: a pasted passage) is up to
# 45,000 once percent-encoded, in the request line and again in htmx's HX-Current-URL and the
# Referer header: past gunicorn's defaults (4,094 and 8,190), which answered a bare 414 and
# left an htmx page showing the old results under the new query.
limit_request_line = 0  # no limit: gunicorn allows at most 8,190 otherwise
limit_request_field_size = 65536


def post_worker_init(worker: Worker) -> None:
    # Load the index into each worker before it takes requests, so that no visitor pays for
    # it, and keep the garbage collector off what was loaded (see `prepare_worker`).
    from search import catch_up
    from search.indexing import prepare_worker

    prepare_worker()
    # Requests then only write to the index when it is free at once; this thread applies
    # what they leave queued (and what a worker that died left).
    catch_up.start()
