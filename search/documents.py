"""The one mapping from an archive article to a search document."""

from __future__ import annotations

from typing import Any

from archive.models import Article


def article_document(article: Article) -> dict[str, Any]:
    """Plain data a backend indexes; expects `Article.objects.with_metadata()`."""
    return {
        "id": str(article.pk),
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "countries": sorted(c.code for c in article.countries.all()),
        "speakers": [p.slug for p in article.speakers],
        "date": article.date,
        "stamp": stamp(article.updated_at),
    }


def stamp(moment) -> int:
    """A document's version: its article's `updated_at` in whole microseconds."""
    return int(moment.timestamp() * 1_000_000) if moment else 0


def indexable_articles():
    """What belongs in the index: visible articles, metadata prefetched."""
    return Article.objects.visible().with_metadata().order_by("pk")
