"""The one mapping from an archive article to a search document."""

from __future__ import annotations

import datetime
from typing import Any

from archive.models import Article, ArticleQuerySet, Person


def article_document(article: Article) -> dict[str, Any]:
    """Plain data a backend indexes; expects `indexable_articles()` (metadata prefetched)."""
    speakers = article.speakers
    return {
        "id": str(article.pk),
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "countries": sorted(c.code for c in article.countries.all()),
        "speakers": [p.slug for p in speakers],
        # Every spelling, so `speaker:Sergey Lavrov` finds what Sergei Lavrov said.
        "speaker_names": [name for p in speakers for name in person_names(p)],
        "date": article.date,
        "stamp": stamp(article.updated_at),
        "statements": [
            {
                "id": s.pk,
                "speaker": s.speaker.slug,
                "speaker_names": person_names(s.speaker),
                "role": s.role,
                "text": s.text,
            }
            for s in article.statements.all()
        ],
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
