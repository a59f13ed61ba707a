"""An archive article as a search document: its record (`archive.mapping`) and what only the
index needs."""

from __future__ import annotations

import datetime
from typing import Any

from archive.mapping import article_record, statement_record
from archive.models import Article, ArticleQuerySet, Person, Statement


def article_document(article: Article) -> dict[str, Any]:
    """Plain data a backend indexes: the article's record, the speakers by slug, and what only
    the index needs; expects `indexable_articles()` (metadata prefetched)."""
    record = article_record(article)
    return {
        "id": record["id"],
        "title": record["title"],
        # A title made of the body's first words is not indexed as a headline: its words
        # would count twice, ranking every such article by its first sentence.
        "title_from_body": article.title_from_body,
        "body": article.body,
        "source": record["source"],
        "countries": record["countries"],
        "speakers": record["speaker_slugs"],
        # Every spelling, so `speaker:Sergey Lavrov` finds what Sergei Lavrov said.
        "speaker_names": [name for p in article.speakers for name in person_names(p)],
        "date": article.date,  # the date itself, which backends count days with (not ISO text)
        "stamp": stamp(article.updated_at),
        "statements": [_statement_document(s) for s in article.statements.all()],
    }


def _statement_document(statement: Statement) -> dict[str, Any]:
    record = statement_record(statement)
    return {
        "id": record["id"],
        "speaker": record["speaker_slug"],
        "speaker_names": person_names(statement.speaker),
        "role": record["role"],
        "text": record["text"],
        "countries": statement.countries,
    }


def person_names(person: Person) -> list[str]:
    return list(dict.fromkeys([person.name, *(a.name for a in person.aliases.all())]))


def stamp(moment: datetime.datetime | None) -> int:
    """A document's version: its article's `updated_at` in whole microseconds."""
    return int(moment.timestamp() * 1_000_000) if moment else 0


def indexable_articles() -> ArticleQuerySet:
    """What belongs in the index: visible articles, metadata prefetched."""
    return (
        Article.objects.visible()
        .with_metadata()
        .prefetch_related("statements__speaker__aliases")
        .order_by("pk")
    )
