"""Thin views over the search service: one view serves the full page and the htmx fragment."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe
from django_htmx.middleware import HtmxDetails

from archive.models import Article, Country, Person
from search import export
from search.backends.base import SearchTooSlow, SearchUnavailable
from search.marks import number_marks
from search.query import MAX_QUERY_LENGTH, SORTS, QueryPairs, parse_params
from search.service import (
    marked_paragraphs,
    page_as_json,
    related_articles,
    search_articles,
    statement_place,
)
from search.workbench import country_overview, speaker_overview

QUERY_LIMITS = {"max_query_length": MAX_QUERY_LENGTH}  # the search box's maxlength


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it."""

    htmx: HtmxDetails


def _query_pairs(request: HttpRequest) -> QueryPairs:
    return [(k, v) for k, values in request.GET.lists() for v in values if v != ""]


@require_safe
def search_page(request: HtmxHttpRequest) -> HttpResponse:
    params = parse_params(request.GET)
    page = search_articles(params, _query_pairs(request))
    context = {"page": page, "params": params, "sorts": SORTS, **QUERY_LIMITS}
    return _page_or_fragment(request, "search/search.html", "search/_results.html", context)


def _page_or_fragment(
    request: HtmxHttpRequest, page: str, fragment: str, context: dict[str, Any]
) -> HttpResponse:
    response = render(request, fragment if request.htmx else page, context)
    # The same URL answers with a fragment or a page depending on this header.
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def speaker_page(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """One person's statements, searchable, with their timeline, countries, aliases, roles."""
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), slug=slug)
    overview = speaker_overview(person, parse_params(request.GET), _query_pairs(request))
    context = {
        "overview": overview,
        "page": overview.page,
        "params": overview.page.params,
        **QUERY_LIMITS,
    }
    return _page_or_fragment(
        request, "search/speaker.html", "search/_speaker_results.html", context
    )


@require_safe
def country_page(request: HtmxHttpRequest, code: str) -> HttpResponse:
    """Articles and statements about one country, its timeline and frequent speakers."""
    country = get_object_or_404(Country, code=code.upper())
    overview = country_overview(country, parse_params(request.GET), _query_pairs(request))
    context = {"overview": overview, "page": overview.page, "params": overview.page.params}
    return _page_or_fragment(
        request, "search/country.html", "search/_country_results.html", context
    )


CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@require_safe
def export_results(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """Every hit of the search, streamed as CSV or as one JSON object (`fmt` from the URL)."""
    params = parse_params(request.GET)
    try:
        rows = export.export_rows(params, request.build_absolute_uri)
    except SearchUnavailable as exc:
        return _export_error(fmt, str(exc), 503)
    except SearchTooSlow as exc:  # the query's fault: say so, not "unavailable"
        return _export_error(fmt, str(exc), 400)
    if fmt == "csv":
        chunks = export.csv_lines(rows, export.columns(params))
    else:
        chunks = export.json_chunks(rows, params)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="dispatch-export.{fmt}"'
    return response


def _export_error(fmt: str, message: str, status: int) -> HttpResponse:
    """The error in the format asked for, so a script reading JSON gets JSON."""
    if fmt == "json":
        return JsonResponse({"error": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


@require_safe
def api_search(request: HttpRequest) -> JsonResponse:
    return _api(request, mode="articles")


@require_safe
def api_statements(request: HttpRequest) -> JsonResponse:
    """The same search, returning statements (speaker, role, quote, article) as hits."""
    return _api(request, mode="statements")


def _api(request: HttpRequest, mode: str) -> JsonResponse:
    params = dataclasses.replace(parse_params(request.GET), mode=mode)
    page = search_articles(params, _query_pairs(request))
    status = 503 if page.error else 200
    return JsonResponse(
        page_as_json(page), status=status, json_dumps_params={"ensure_ascii": False}
    )


@require_safe
def facet_values(request: HtmxHttpRequest, name: str) -> HttpResponse:
    """Every value of one facet for the current search, optionally filtered by `contains`."""
    params = parse_params(request.GET)
    page = search_articles(params, _query_pairs(request), facet_limits={})
    group = next((g for g in page.facets if g.name == name), None)
    if group is None:
        raise Http404("No such facet.")
    contains = request.GET.get("contains", "").strip().lower()[:100]
    values = [v for v in group.values if contains in v.label.lower()]
    hidden = [(k, v) for k, v in _query_pairs(request) if k not in (name, "contains", "page")]
    context = {"group": group, "values": values, "contains": contains, "hidden": hidden}
    return _page_or_fragment(
        request, "search/facet_values.html", "search/_facet_values.html", context
    )


@require_safe
def article_page(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.visible().with_metadata(), pk=pk)
    q = " ".join(request.GET.get("q", "").split())[:500]
    statement = statement_place(article, request.GET.get("statement", ""))
    highlighted, matches = number_marks(marked_paragraphs(article.body, q, statement))
    # The backend escapes the text and adds only <mark> tags, so the result is safe HTML.
    body_html = [mark_safe(p) for p in highlighted]
    named = list(article.persons.all())
    context = {
        "article": article,
        "q": q,
        "matches": matches,
        "related": related_articles(article),
        "body_html": body_html,
        "persons": [p for p in named if p.kind == p.PERSON],
        "organisations": [p for p in named if p.kind == p.ORGANISATION],
    }
    return render(request, "archive/article.html", context)
