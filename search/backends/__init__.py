"""Search backends: the interface (`base`), the configured backend of this process, and the
Whoosh implementation (`whoosh`)."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import SearchBackend


@functools.cache
def get_backend() -> SearchBackend:
    """The configured backend, one per process so its searcher and caches are reused."""
    backend_class = import_string(settings.DISPATCH_SEARCH_BACKEND)
    backend: SearchBackend = backend_class(settings.DISPATCH_INDEX_DIR)
    return backend


def import_backend_code() -> None:
    """Import the configured backend's modules (and NumPy, Whoosh) without opening anything,
    so that processes forked from this one start with them loaded (config/gunicorn.py)."""
    import_string(settings.DISPATCH_SEARCH_BACKEND)


def reset_backend() -> None:
    """Forget the process's backend (tests switch index directories)."""
    get_backend.cache_clear()
