"""Keeps the search index in step with the archive: the one place that writes to a backend."""

from __future__ import annotations

import datetime
import functools
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from archive.models import Article
from search import aliases
from search.backends.base import SearchBackend, SearchUnavailable
from search.documents import article_document, indexable_articles, stamp

CHUNK = 200  # articles per query: SQLite rejects prefetches over a few thousand ids


@functools.cache
def get_backend() -> SearchBackend:
    """The configured backend, one per process so its searcher and caches are reused."""
    backend_class = import_string(settings.DISPATCH_SEARCH_BACKEND)
    return backend_class(settings.DISPATCH_INDEX_DIR)


def reset_backend() -> None:
    """Forget the process's backend (tests switch index directories)."""
    get_backend.cache_clear()


def prepare_worker() -> None:
    """Ready a serving process before its first request: open the index, load its arrays and
    the alias tables, then take everything loaded out of the garbage collector's sight.

    A full collection over a warm worker's heap (Django, Whoosh, the arrays' bookkeeping)
    takes 30–50 ms and strikes about one request in twenty: that was the slow tail of the
    results page. `gc.freeze` leaves those long-lived objects alone; what requests create is
    still collected as usual. gunicorn calls this in each worker (config/gunicorn.py).
    """
    try:
        warm = getattr(get_backend(), "warm", None)
        if warm:
            warm()
    except SearchUnavailable:
        pass  # the page explains it; nothing to load
    aliases.alias_table()
    gc.collect()
    gc.freeze()


def update_articles(ids: Iterable[int]) -> None:
    """Re-index these articles: visible ones are (re)written, hidden or deleted ones removed."""
    ids = set(ids)
    backend = get_backend()
    for chunk in _chunks(sorted(ids)):
        visible = list(indexable_articles().filter(pk__in=chunk))
        backend.index(article_document(a) for a in visible)
        backend.delete(str(pk) for pk in set(chunk) - {a.pk for a in visible})


def rebuild(on_progress: Callable[[], None] | None = None, procs: int = 1) -> int:
    """Replace the index with every visible article; returns how many were indexed.

    Searches keep using the old index until the new one is complete. Changes saved while the
    rebuild ran are applied to the new index afterwards, so none is lost.
    """
    documents = (article_document(a) for a in indexable_articles().iterator(chunk_size=CHUNK))
    count = get_backend().rebuild(documents, on_progress=on_progress, procs=procs)
    # Saves made during the rebuild went to the old index: the stamps show which.
    repair(compare())
    warm = getattr(get_backend(), "warm", None)
    if warm:
        warm()
    return count


def update_since(moment: datetime.datetime) -> int:
    """Re-index every article changed at or after `moment`; returns how many."""
    ids = list(Article.objects.filter(updated_at__gte=moment).values_list("pk", flat=True))
    update_articles(ids)
    return len(ids)


@dataclass
class IndexDiff:
    """How the index differs from the database."""

    missing: list[int] = field(default_factory=list)  # visible, not indexed
    stale: list[int] = field(default_factory=list)  # indexed from an older version
    orphaned: list[int] = field(default_factory=list)  # indexed, but hidden or deleted

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.orphaned)


def compare() -> IndexDiff:
    """Compare every visible article with its document (raises `SearchUnavailable`)."""
    indexed = {int(k): v for k, v in get_backend().document_stamps().items()}
    diff = IndexDiff()
    for pk, updated_at in Article.objects.visible().values_list("pk", "updated_at").iterator():
        version = indexed.pop(pk, None)
        if version is None:
            diff.missing.append(pk)
        elif version != stamp(updated_at):
            diff.stale.append(pk)
    diff.orphaned = sorted(indexed)
    return diff


def repair(diff: IndexDiff) -> None:
    update_articles([*diff.missing, *diff.stale, *diff.orphaned])


def indexable_count() -> int:
    return Article.objects.visible().count()


def _chunks(items: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
