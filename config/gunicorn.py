"""gunicorn settings: `gunicorn config.wsgi -c config/gunicorn.py` (as `make run` does)."""


def post_worker_init(worker) -> None:
    # Load the index into each worker before it takes requests, so that no visitor pays for
    # it, and keep the garbage collector off what was loaded (see `prepare_worker`).
    from search.indexing import prepare_worker

    prepare_worker()
