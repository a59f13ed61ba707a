"""The search service: backend results joined with archive rows and labelled facets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from archive.models import Article, Country, Person
from search.backends.base import Hit, SearchResults, SearchUnavailable
from search.facets import FacetGroup, QueryPairs, build_facets, page_url
from search.indexing import get_backend
from search.query import SearchParams


@dataclass(frozen=True)
class ResultItem:
    article: Article
    hit: Hit

    # Backends escape the text and add only <mark> tags (the contract tests check it).
    @property
    def title_html(self) -> SafeString:
        return mark_safe(self.hit.title_html)

    @property
    def passages(self) -> list[SafeString]:
        return [mark_safe(p) for p in self.hit.passages]


@dataclass
class SearchPage:
    params: SearchParams
    total: int = 0
    items: list[ResultItem] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    page: int = 1
    page_count: int = 1
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    previous_url: str | None = None
    next_url: str | None = None


def search_articles(params: SearchParams, query: QueryPairs) -> SearchPage:
    """Run a search and prepare everything a page or the API shows. Never raises for input."""
    page = SearchPage(params=params, notices=list(params.notices))
    try:
        results = get_backend().search(params)
    except SearchUnavailable as exc:
        page.error = str(exc)
        return page
    page.total, page.page, page.page_count = results.total, results.page, results.page_count
    page.notices += results.notices
    page.items = _items(results)
    page.facets = build_facets(results.facets, params, _labels(results, params), query)
    if page.page > 1:
        page.previous_url = page_url(query, page.page - 1)
    if page.page < page.page_count:
        page.next_url = page_url(query, page.page + 1)
    return page


def _items(results: SearchResults) -> list[ResultItem]:
    ids = [hit.id for hit in results.hits]
    articles = Article.objects.visible().with_metadata().in_bulk(ids)
    # An article hidden a moment ago may linger in this searcher's snapshot: leave it out.
    return [ResultItem(articles[hit.id], hit) for hit in results.hits if hit.id in articles]


def _labels(results: SearchResults, params: SearchParams) -> dict[str, dict[str, str]]:
    codes = {v for v, _ in results.facets.get("country", ())} | set(params.countries)
    slugs = {v for v, _ in results.facets.get("speaker", ())} | set(params.speakers)
    return {
        "country": dict(Country.objects.filter(code__in=codes).values_list("code", "name")),
        "speaker": dict(Person.objects.filter(slug__in=slugs).values_list("slug", "name")),
    }


def page_as_json(page: SearchPage) -> dict[str, Any]:
    """The API's view of a search page."""
    return {
        "total": page.total,
        "page": page.page,
        "page_count": page.page_count,
        "notices": page.notices,
        "error": page.error,
        "hits": [_hit_json(item) for item in page.items],
        "facets": {
            group.name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in group.values
            ]
            for group in page.facets
        },
    }


def _hit_json(item: ResultItem) -> dict[str, Any]:
    article = item.article
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.get_absolute_url(),
        "source_url": article.url,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "countries": sorted(c.code for c in article.countries.all()),
        "speakers": [p.name for p in article.speakers],
        "highlights": list(item.hit.passages),
    }
