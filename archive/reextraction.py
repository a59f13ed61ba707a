"""Re-run extraction on stored raw text, touching only what the new extractor changes."""

from __future__ import annotations

from collections.abc import Iterable

from archive import extraction
from archive.extraction import name_key
from archive.ingestion import Importer, planned_fields
from archive.models import Article


def reextract(articles: Iterable[Article]) -> tuple[int, int]:
    """Extract again from each article's raw text; returns (changed, unchanged).

    Expects `Article.objects.with_metadata()`. Unchanged articles only get the extractor
    version recorded, so the search index is re-written only for what changed.
    """
    changed: list[tuple[Article, extraction.Extraction]] = []
    unchanged: list[tuple[Article, extraction.Extraction]] = []
    for article in articles:
        found = extraction.extract(article.raw_text, title=article.imported_fields.get("title"))
        same = stored_signature(article) == extracted_signature(article, found)
        (unchanged if same else changed).append((article, found))
    Importer().write(changed)
    Article.objects.filter(pk__in=[a.pk for a, _ in unchanged]).update(
        extractor_version=extraction.EXTRACTOR_VERSION
    )
    return len(changed), len(unchanged)


def stored_signature(article: Article) -> dict[str, object]:
    """What extraction decided about a stored article, comparable across spellings."""
    return {
        **{name: getattr(article, name) for name in ("title", "byline", "source", "date", "body")},
        "countries": sorted(c.code for c in article.countries.all()),
        "persons": sorted({name_key(p.name) for p in article.persons.all()}),
        "dates_mentioned": sorted(d.value for d in article.date_mentions.all()),
        "statements": sorted(
            (s.start, name_key(s.speaker.name), s.role, s.text) for s in article.statements.all()
        ),
    }


def extracted_signature(article: Article, found: extraction.Extraction) -> dict[str, object]:
    """The signature `article` would have with `found` applied (curated parts kept)."""
    fresh = {
        **planned_fields(article, found),
        "countries": sorted(found.countries),
        "persons": sorted({name_key(e.name) for e in found.entities}),
        "dates_mentioned": sorted(found.dates_mentioned),
        "statements": sorted(
            (s.start, name_key(s.speaker), s.role, s.text) for s in found.statements
        ),
    }
    stored = stored_signature(article)
    return {k: stored[k] if article.is_curated(k) else v for k, v in fresh.items()}
