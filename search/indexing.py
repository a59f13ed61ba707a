"""Keeps the search index in step with the archive: the one place that writes to a backend.

Every change queues a `PendingUpdate` row in its own transaction (search.signals); the rows
are applied when it commits, or later by the catch-up (search.catch_up), `update_index` or a
rebuild. Writers take one lock (search.write_lock) around reading the articles and writing
their documents, so an older version can never overwrite a newer one.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings

from archive.models import Article
from search import aliases, pending
from search.backends import get_backend
from search.backends.base import SearchUnavailable
from search.documents import article_document, indexable_articles, stamp

CHUNK = 200  # articles per query: SQLite rejects prefetches over a few thousand ids
DRAIN_CHUNK = 500  # queued articles per index commit when draining the queue
REQUEST_ARTICLES = 200  # at most this many written in a request: about a second of work

_serving = False  # set in web workers: commits there stay quick (see `serve_requests`)


def prepare_worker() -> None:
    """Ready a serving process before its first request: open the index, load its arrays and
    the alias tables, then take everything loaded out of the garbage collector's sight.

    A full collection over a warm worker's heap (Django, Whoosh, the arrays' bookkeeping)
    takes 30–50 ms and strikes about one request in twenty: that was the slow tail of the
    results page. `gc.freeze` leaves those long-lived objects alone; what requests create is
    still collected as usual. gunicorn calls this in each worker (config/gunicorn.py).
    """
    with contextlib.suppress(SearchUnavailable):  # the page explains it; nothing to load
        get_backend().warm()
    aliases.alias_table()
    gc.collect()
    gc.freeze()


def serve_requests() -> None:
    """Mark this process as a web worker: index writes when a transaction commits then wait
    at most `DISPATCH_INDEX_WAIT` seconds and merge no segments, well inside gunicorn's worker
    timeout; what they cannot do stays queued for the catch-up thread."""
    global _serving
    _serving = True


def apply_committed(article_ids: Iterable[int]) -> None:
    """Index what a transaction changed, once it committed (its rows are queued).

    A web worker writes just those articles, waiting briefly (and leaves more than
    `REQUEST_ARTICLES` to the catch-up); anything else (an import, a command) drains the
    queue, so a rerun after a crash also applies what the crashed run left. Raises
    `write_lock.LockBusy` or the write's error; the rows then stay queued.
    """
    if not _serving:
        drain()
        return
    ids = set(article_ids)
    # A bulk admin action can touch thousands: more than a request should write.
    if len(ids) <= REQUEST_ARTICLES:
        apply_queued(ids, wait=request_wait())


def request_wait() -> float:
    return settings.DISPATCH_INDEX_WAIT


def background_wait() -> float:
    return settings.DISPATCH_INDEX_BACKGROUND_WAIT


@contextmanager
def _writing(wait: float) -> Iterator[None]:
    """The one-writer lock (`write_lock.LockBusy` after `wait` seconds): the backend's, so
    that writers on several hosts sharing one index exclude each other too."""
    with get_backend().writer_lock(wait):
        yield


def apply_queued(
    article_ids: Iterable[int] | None = None, *, wait: float, limit: int | None = None
) -> int:
    """Apply the queued updates of these articles (None: the oldest `limit` rows), then drop
    the rows applied; returns how many articles were written. Raises `write_lock.LockBusy`
    if another writer kept the index for `wait` seconds, and whatever the write raised: in
    both cases the rows stay queued."""
    merge = not _serving
    with _writing(wait):
        claim = pending.claim(article_ids, limit)
        if claim:
            _write(claim.article_ids, merge=merge)
            pending.release(claim)
    return len(claim.article_ids)


def drain(
    on_progress: Callable[[int], object] | None = None, before: datetime.datetime | None = None
) -> int:
    """Apply every queued update (queued `before` a moment, if given), oldest first, a chunk
    per index commit (merging as Whoosh usually does); returns how many articles were
    written."""
    total = 0
    while claim := _drain_chunk(before):
        total += len(claim.article_ids)
        if on_progress:
            on_progress(len(claim.row_ids))
    tidy()
    return total


def _drain_chunk(before: datetime.datetime | None) -> pending.Claim:
    with _writing(background_wait()):
        claim = pending.claim(limit=DRAIN_CHUNK, before=before)
        if claim:
            _write(claim.article_ids, merge=True)
            pending.release(claim)
    return claim


def tidy() -> bool:
    """Merge what quick commits left behind, if the backend needs it; returns whether it did."""
    with _writing(background_wait()):
        return get_backend().tidy()


def update_articles(ids: Iterable[int]) -> None:
    """Re-index these articles: visible ones are (re)written, hidden or deleted ones removed."""
    with _writing(background_wait()):
        _write(ids, merge=True)


def _write(ids: Iterable[int], merge: bool) -> None:
    # Only under `_writing`: the articles are read and written while no one else writes.
    backend = get_backend()
    options = {} if merge else {"merge": False}
    for chunk in _chunks(sorted(set(ids))):
        visible = list(indexable_articles().filter(pk__in=chunk))
        backend.index((article_document(a) for a in visible), **options)
        backend.delete(set(chunk) - {a.pk for a in visible}, **options)


def rebuild(on_progress: Callable[[], None] | None = None, procs: int = 1) -> int:
    """Replace the index with every visible article; returns how many were indexed.

    Searches keep using the old index until the new one is complete. Changes saved while the
    rebuild ran are applied to the new index afterwards, so none is lost.
    """
    covered = pending.snapshot()  # changes committed before the new index reads anything
    documents = (article_document(a) for a in indexable_articles().iterator(chunk_size=CHUNK))
    count = get_backend().rebuild(documents, on_progress=on_progress, procs=procs)
    # Saves made during the rebuild went to the old index: the stamps show which.
    with _writing(background_wait()):
        diff = compare()
        _write([*diff.missing, *diff.stale, *diff.orphaned], merge=True)
    pending.release(pending.Claim(covered, frozenset()))
    get_backend().warm()
    return count


@dataclass(frozen=True)
class Readiness:
    """What `make_ready` did: rebuilt (and why), or brought up to date in place."""

    rebuilt_because: str | None
    documents: int  # indexed by the rebuild, or written by the update


def make_ready(on_progress: Callable[[], None] | None = None, procs: int = 1) -> Readiness:
    """Bring the index up to date with the archive the cheap way when it can: rebuild only
    an index that is missing, unreadable or laid out by older code; otherwise apply the
    queue and re-index what differs (seconds, where a rebuild of a big archive takes
    minutes)."""
    reason = get_backend().rebuild_reason()
    if reason is not None:
        return Readiness(reason, rebuild(on_progress=on_progress, procs=procs))
    queued = drain()
    diff = compare()
    repair(diff)
    return Readiness(None, queued + len(diff.missing) + len(diff.stale) + len(diff.orphaned))


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
    indexed = get_backend().document_stamps()
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


def out_of_step(ids: Iterable[int]) -> list[int]:
    """Those of these articles whose document is missing, stale or should not be there (a
    check that reads only their own stamps where the backend can)."""
    ids = sorted(set(ids))
    backend = get_backend()
    try:
        indexed = backend.stamps_of(ids)
    except SearchUnavailable:
        return ids
    visible: dict[int, int] = {}
    for chunk in _chunks(ids):
        rows = Article.objects.visible().filter(pk__in=chunk).values_list("pk", "updated_at")
        visible.update((pk, stamp(updated_at)) for pk, updated_at in rows)
    return [pk for pk in ids if visible.get(pk) != indexed.get(pk)]


def indexable_count() -> int:
    return Article.objects.visible().count()


def _chunks(items: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
