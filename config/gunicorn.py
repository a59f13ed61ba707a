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

# Django, the views, the compiled templates and the search backend's code (Whoosh, NumPy)
# are loaded once, in the master, and every worker starts from that (config/preload.py): a
# worker's cold start is then its index's arrays and its first search. Nothing is opened
# before the fork: no database connection, no index file, no thread. Code changes need a
# restart (not a HUP).
preload_app = True


def when_ready(server: object) -> None:
    from config.preload import preload

    preload()


def post_worker_init(worker: Worker) -> None:
    # Load the index into each worker before it takes requests, so that no visitor pays for
    # it, and keep the garbage collector off what was loaded (see `prepare_worker`) and out
    # of requests (see `post_request`).
    from search import catch_up, garbage
    from search.indexing import prepare_worker

    prepare_worker()
    garbage.defer_full_collections()
    # Requests then only write to the index when it is free at once; this thread applies
    # what they leave queued (and what a worker that died left).
    catch_up.start()


def post_request(worker: Worker, req: object, environ: dict[str, object], resp: object) -> None:
    # The response has gone: the full collection no request should pay for runs now.
    from search import garbage

    garbage.collect_between_requests()
