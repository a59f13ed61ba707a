"""Index archive changes once their transaction commits (the admin saves related rows last)."""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

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
from search import aliases, indexing

logger = logging.getLogger(__name__)
_pending = threading.local()


class _Batch:
    """The articles one transaction changed, indexed in one go when it commits."""

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        _update(self.ids)


def schedule(article_id: int | None) -> None:
    """Queue one article for re-indexing when the current transaction commits."""
    if article_id is None or updates_deferred():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _update({article_id})  # autocommit: the change is already committed
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
    batch.ids.add(article_id)


def _update(ids: set[int]) -> None:
    try:
        indexing.update_articles(ids)
    except Exception:
        # The database change stands; `rebuild_index` brings the index back in step.
        logger.exception("Could not update the search index for articles %s", sorted(ids))


def _article_saved(sender, instance, **kwargs) -> None:
    schedule(instance.pk)


def _related_saved(sender, instance, **kwargs) -> None:
    schedule(instance.article_id)


def _m2m_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        schedule(instance.pk)
    else:  # changed from the other side (a country or person): every article touched
        for pk in pk_set or ():
            schedule(pk)


def _articles_changed(sender, ids, **kwargs) -> None:
    for pk in ids:
        schedule(pk)


def _aliases_changed(sender, **kwargs) -> None:
    aliases.forget()


def connect() -> None:
    for model in (Person, PersonAlias, Country, CountryAlias):
        post_save.connect(
            _aliases_changed, sender=model, dispatch_uid=f"aliases-{model.__name__}-s"
        )
        post_delete.connect(
            _aliases_changed, sender=model, dispatch_uid=f"aliases-{model.__name__}-d"
        )
    articles_changed.connect(_articles_changed, dispatch_uid="search-articles-changed")
    post_save.connect(_article_saved, sender=Article, dispatch_uid="search-article-save")
    post_delete.connect(_article_saved, sender=Article, dispatch_uid="search-article-delete")
    for model in (Statement, DateMention):
        post_save.connect(_related_saved, sender=model, dispatch_uid=f"search-{model.__name__}-s")
        post_delete.connect(_related_saved, sender=model, dispatch_uid=f"search-{model.__name__}-d")
    for through in (Article.countries.through, Article.persons.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"search-{through.__name__}")
