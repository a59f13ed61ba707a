"""The one mapping from articles and statements to plain, JSON-ready fields.

The search index, the API, the downloads and `export_articles` each select from these
records (renaming a field where their published format says so) rather than read the
article again, so an article's outlet, date, links, countries and speakers are worked out
in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypedDict

from archive.models import Article, Statement


class ArticleFields(TypedDict):
    """What an article's own row gives."""

    id: int
    title: str
    # The outlet. "source" as in the model, the index, the API and `export_articles`; the
    # downloads' column is headed "outlet".
    source: str
    date: str | None  # ISO 8601
    url: str  # as stored: rows from before URLs were checked may hold `javascript:` URLs
    link_url: str | None  # `url` when it may be followed as a link (http or https), else None
    page_url: str  # the article's page here (a path)


class ArticleRecord(ArticleFields):
    """An article with the countries it is about and who it quotes."""

    countries: list[str]  # ISO codes, sorted
    country_names: list[str]  # the same countries by name, alphabetical
    speakers: list[str]  # names, in order of first statement
    speaker_slugs: list[str]  # the same people by slug


class StatementRecord(TypedDict):
    id: int
    speaker: str  # the speaker's name
    speaker_slug: str
    role: str
    text: str
    form: str  # "quote" (the speaker's own words) or "reported" (what the article says)


def article_fields(article: Article) -> ArticleFields:
    """The fields of the article's own row (no related rows are read)."""
    return {
        "id": article.pk,
        "title": article.title,
        "source": article.source,
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "link_url": article.link_url or None,
        "page_url": article.get_absolute_url(),
    }


def article_record(article: Article) -> ArticleRecord:
    """Every field outputs share; expects countries and `statements__speaker` prefetched."""
    countries = list(article.countries.all())
    speakers = article.speakers
    return {
        **article_fields(article),
        "countries": sorted(c.code for c in countries),
        "country_names": [c.name for c in countries],
        "speakers": [p.name for p in speakers],
        "speaker_slugs": [p.slug for p in speakers],
    }


def statement_record(statement: Statement) -> StatementRecord:
    """A statement's fields; expects its speaker selected or prefetched."""
    return {
        "id": statement.pk,
        "speaker": statement.speaker.name,
        "speaker_slug": statement.speaker.slug,
        "role": statement.role,
        "text": statement.text,
        "form": statement.form,
    }


def export_record(article: Article) -> dict[str, Any]:
    """One article as `export_articles` writes it; expects `Article.objects.with_metadata()`."""
    record = article_record(article)
    return {
        "id": record["id"],
        "external_id": article.external_id,
        "title": record["title"],
        "date": record["date"],
        "source": record["source"],
        "byline": article.byline or None,
        "url": record["url"],
        "status": article.status,
        "countries": record["countries"],
        "speakers": record["speakers"],
        "persons": sorted(p.name for p in article.persons.all() if p.kind == p.PERSON),
        "dates_mentioned": sorted(d.value for d in article.date_mentions.all()),
        "statements": [_exported_statement(s) for s in article.statements.all()],
    }


def _exported_statement(statement: Statement) -> dict[str, str]:
    record = statement_record(statement)
    return {"speaker": record["speaker"], "role": record["role"], "text": record["text"]}


def iter_records(chunk_size: int = 500) -> Iterator[dict[str, Any]]:
    articles = Article.objects.with_metadata().order_by("pk")
    for article in articles.iterator(chunk_size=chunk_size):
        yield export_record(article)
