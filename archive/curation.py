"""Curation services behind the admin: merge persons, release curated fields, re-index, upload."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from archive.extraction import name_key
from archive.ingestion import CURATABLE_FIELDS
from archive.models import Article, Person, PersonAlias, Statement
from archive.reextraction import reextract
from archive.signals import articles_changed


def reindex(article_ids: Iterable[int]) -> int:
    """Ask listeners (the search index) to rewrite these articles when the transaction commits."""
    ids = set(article_ids)
    if ids:
        articles_changed.send(sender=Article, ids=ids)
    return len(ids)


def rerun_extraction(article_ids: Iterable[int]) -> tuple[int, int]:
    """Extract these articles again from their raw text; returns (changed, unchanged)."""
    return reextract(Article.objects.with_metadata().filter(pk__in=list(article_ids)))


def take_statements(article_ids: Iterable[int]) -> None:
    """Mark these articles' statements as a curator's (edited one by one in the statement
    editor): re-extraction and re-import leave them alone from now on."""
    for article in Article.objects.filter(pk__in=set(article_ids)).only("curated_fields"):
        if not article.is_curated("statements"):
            article.curated_fields = sorted([*article.curated_fields, "statements"])
            article.save(update_fields=["curated_fields", "updated_at"])


def release_fields(article: Article, fields: Iterable[str]) -> list[str]:
    """Hand curated `fields` back to extraction and re-extract; returns the fields released."""
    released = sorted(set(fields) & set(article.curated_fields) & set(CURATABLE_FIELDS))
    if not released:
        return []
    with transaction.atomic():
        article.curated_fields = [f for f in article.curated_fields if f not in released]
        article.save(update_fields=["curated_fields", "updated_at"])
        rerun_extraction([article.pk])
    return released


@dataclass
class MergeResult:
    kept: Person
    removed: list[str]  # names of the persons merged away
    article_ids: set[int]


@transaction.atomic
def merge_persons(keep: Person, others: Iterable[Person]) -> MergeResult:
    """Fold `others` into `keep`: their spellings, statements and mentions; then delete them.

    All in one transaction. Affected articles are re-indexed when it commits, and because every
    spelling becomes an alias of `keep`, future imports attach those names to `keep` too.
    """
    others = [p for p in others if p.pk != keep.pk]
    other_ids = [p.pk for p in others]
    article_ids = articles_of(other_ids)
    _move_aliases(keep, others)
    Statement.objects.filter(speaker_id__in=other_ids).update(speaker=keep)
    _move_mentions(keep, other_ids, article_ids)
    removed = [p.name for p in others]
    Person.objects.filter(pk__in=other_ids).delete()
    # A new `updated_at` marks the documents stale, so `check_index` notices a missed update.
    Article.objects.filter(pk__in=article_ids).update(updated_at=timezone.now())
    reindex(article_ids)
    return MergeResult(kept=keep, removed=removed, article_ids=article_ids)


def articles_of(person_ids: Iterable[int]) -> set[int]:
    """The articles that quote or name any of these persons."""
    ids = list(person_ids)
    spoken = Statement.objects.filter(speaker_id__in=ids).values_list("article_id", flat=True)
    through = Article.persons.through
    named = through.objects.filter(person_id__in=ids).values_list("article_id", flat=True)
    return set(spoken) | set(named)


def _move_aliases(keep: Person, others: list[Person]) -> None:
    have = set(keep.aliases.values_list("name", flat=True))
    for name in [keep.name, *(p.name for p in others)]:
        if name not in have:
            PersonAlias.objects.create(person=keep, name=name, key=name_key(name))
            have.add(name)
    for alias in PersonAlias.objects.filter(person__in=others):
        if alias.name in have:
            alias.delete()  # the kept person already has this spelling
        else:
            alias.person = keep
            alias.save(update_fields=["person"])
            have.add(alias.name)


def _move_mentions(keep: Person, other_ids: list[int], article_ids: set[int]) -> None:
    through = Article.persons.through
    mentioned = through.objects.filter(person_id__in=other_ids).values_list("article_id", flat=True)
    already = set(through.objects.filter(person=keep).values_list("article_id", flat=True))
    rows = [through(article_id=pk, person_id=keep.pk) for pk in set(mentioned) - already]
    through.objects.bulk_create(rows)
    through.objects.filter(person_id__in=other_ids).delete()
