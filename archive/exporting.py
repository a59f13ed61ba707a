"""Articles with their extracted metadata as plain, JSON-ready records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from archive.models import Article


def article_record(article: Article) -> dict[str, Any]:
    """One article as exported; expects `Article.objects.with_metadata()`."""
    statements = list(article.statements.all())
    return {
        "id": article.pk,
        "external_id": article.external_id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "byline": article.byline or None,
        "url": article.url,
        "status": article.status,
        "countries": sorted(c.code for c in article.countries.all()),
        "speakers": [p.name for p in article.speakers],
        "persons": sorted(p.name for p in article.persons.all() if p.kind == p.PERSON),
        "dates_mentioned": sorted(d.value for d in article.date_mentions.all()),
        "statements": [
            {"speaker": s.speaker.name, "role": s.role, "text": s.text} for s in statements
        ],
    }


def iter_records(chunk_size: int = 500) -> Iterator[dict[str, Any]]:
    articles = Article.objects.with_metadata().order_by("pk")
    for article in articles.iterator(chunk_size=chunk_size):
        yield article_record(article)
