"""Queue archive changes for the index in their own transaction; apply them once it commits.

A change and its queue row commit together or not at all, so no committed change can be
lost: if the index write at commit fails or finds the index busy, the row waits for the
catch-up (search.catch_up). The admin saves related rows after the article itself, which is
why the write waits for the commit rather than following `post_save`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from archive import signals as archive_signals
from archive.models import (
    Article,
    Country,
    CountryAlias,
    DateMention,
    Person,
    PersonAlias,
    Statement,
)
from archive.signals import articles_changed, updates_deferred
from search import aliases, indexing, labels, pending
from search.write_lock import LockBusy

logger = logging.getLogger(__name__)
_pending = threading.local()

Savepoints = tuple[str, ...]


class _Batch:
    """The articles one transaction changed, queued as it goes and applied when it commits."""

    def __init__(self) -> None:
        # article id -> the savepoints open when its row was inserted: the row survives as
        # long as they do (a rolled-back savepoint takes the row with it)
        self.queued: dict[int, Savepoints] = {}
        self.done = False

    def __call__(self) -> None:
        self.done = True
        apply(set(self.queued))

    def needs_row(self, article_id: int, savepoints: Savepoints) -> bool:
        at = self.queued.get(article_id)
        return at is None or savepoints[: len(at)] != at


def schedule(article_id: int | None) -> None:
    """Queue one article for re-indexing when the current transaction commits."""
    schedule_many([article_id])


def schedule_many(article_ids: Iterable[int | None]) -> None:
    """Queue these articles: a queue row now, in the current transaction, and an index write
    once it commits (one for the whole transaction)."""
    ids = {pk for pk in article_ids if pk is not None}
    if not ids or updates_deferred():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        pending.add(ids)  # autocommit: the change is already committed
        apply(ids)
        return
    batch = getattr(_pending, "batch", None)
    # A batch that ran, or whose callback a rollback discarded, is over: start a new one.
    if (
        batch is None
        or batch.done
        or not any(entry[1] is batch for entry in connection.run_on_commit)
    ):
        batch = _pending.batch = _Batch()
        transaction.on_commit(batch)
    savepoints = tuple(connection.savepoint_ids)
    new = {pk for pk in ids if batch.needs_row(pk, savepoints)}
    if new:
        pending.add(new)
        batch.queued.update(dict.fromkeys(new, savepoints))


def apply(ids: set[int]) -> None:
    """Write the queued updates of these articles now if the index is free soon enough;
    otherwise, or if anything fails, their rows stay queued for the catch-up."""
    try:
        indexing.apply_committed(ids)
    except LockBusy:
        logger.info("Search index busy: %d article(s) left queued for the catch-up", len(ids))
    except Exception:
        logger.exception("Could not update the search index; articles %s stay queued", sorted(ids))


def _article_saved(sender: type[Article], instance: Article, **kwargs: Any) -> None:
    schedule(instance.pk)


def _related_saved(
    sender: type[Statement | DateMention], instance: Statement | DateMention, **kwargs: Any
) -> None:
    schedule(instance.article_id)


def _m2m_changed(
    sender: type[Model], instance: Model, action: str, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        schedule(instance.pk)
    else:  # changed from the other side (a country or person): every article touched
        schedule_many(pk_set or ())


def _articles_changed(sender: object, ids: Iterable[int], **kwargs: Any) -> None:
    schedule_many(ids)


def _articles_unchanged(sender: object, ids: Iterable[int], **kwargs: Any) -> None:
    # An import found these as it had stored them; one killed after its commit may never
    # have indexed them, so the rerun indexes those the index lacks or has from before.
    if ids and not updates_deferred():
        schedule_many(indexing.out_of_step(ids))


def _names_changed(sender: type[Model], **kwargs: Any) -> None:
    aliases.forget()
    labels.forget()


def connect() -> None:
    for model in (Person, PersonAlias, Country, CountryAlias):
        post_save.connect(_names_changed, sender=model, dispatch_uid=f"names-{model.__name__}-s")
        post_delete.connect(_names_changed, sender=model, dispatch_uid=f"names-{model.__name__}-d")
    articles_changed.connect(_articles_changed, dispatch_uid="search-articles-changed")
    archive_signals.articles_unchanged.connect(
        _articles_unchanged, dispatch_uid="search-articles-unchanged"
    )
    post_save.connect(_article_saved, sender=Article, dispatch_uid="search-article-save")
    post_delete.connect(_article_saved, sender=Article, dispatch_uid="search-article-delete")
    for related in (Statement, DateMention):
        uid = f"search-{related.__name__}"
        post_save.connect(_related_saved, sender=related, dispatch_uid=f"{uid}-s")
        post_delete.connect(_related_saved, sender=related, dispatch_uid=f"{uid}-d")
    for through in (Article.countries.through, Article.persons.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"search-{through.__name__}")
