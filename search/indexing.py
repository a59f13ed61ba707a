"""Keeps the search index in step with the archive: the one place that writes to a backend."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils.module_loading import import_string

from archive.models import Article
from search.backends.base import SearchBackend
from search.documents import article_document, indexable_articles


@functools.cache
def get_backend() -> SearchBackend:
    """The configured backend, one per process so its searcher and caches are reused."""
    backend_class = import_string(settings.DISPATCH_SEARCH_BACKEND)
    return backend_class(settings.DISPATCH_INDEX_DIR)


def reset_backend() -> None:
    """Forget the process's backend (tests switch index directories)."""
    get_backend.cache_clear()


def update_articles(ids: Iterable[int]) -> None:
    """Re-index these articles: visible ones are (re)written, hidden or deleted ones removed."""
    ids = set(ids)
    if not ids:
        return
    visible = list(indexable_articles().filter(pk__in=ids))
    backend = get_backend()
    backend.index(article_document(a) for a in visible)
    gone = ids - {a.pk for a in visible}
    backend.delete(str(pk) for pk in gone)


def rebuild(on_progress: Callable[[], None] | None = None) -> int:
    """Replace the index with every visible article; returns how many were indexed."""
    articles = indexable_articles()
    documents = (article_document(a) for a in articles.iterator(chunk_size=500))
    return get_backend().rebuild(documents, on_progress=on_progress)


def indexable_count() -> int:
    return Article.objects.visible().count()
