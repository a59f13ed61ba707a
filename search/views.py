"""Thin views over the search service: one view serves the full page and the htmx fragment."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from archive.models import Article, Country, Person, PersonAlias
from search import aliases, export
from search.backends.base import SearchTooSlow, SearchUnavailable
from search.marks import number_marks
from search.query import (
    MAX_QUERY_LENGTH,
    SORTS,
    QueryPairs,
    canonical_pairs,
    parse_params,
)
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


def _given_pairs(request: HttpRequest) -> QueryPairs:
    """The query string's (name, value) pairs, in order, blank values included."""
    return [(k, v) for k, values in request.GET.lists() for v in values]


def _query_pairs(request: HttpRequest) -> QueryPairs:
    return [(k, v) for k, v in _given_pairs(request) if v != ""]


@require_safe
def search_page(request: HtmxHttpRequest) -> HttpResponseBase:
    """The search page, or its results for htmx. One view has one address: blank and default
    parameters (`date_from=`, `mode=articles`) are left out of it, a page by a redirect, a
    live search by telling htmx which address to record."""
    given = _given_pairs(request)
    pairs = canonical_pairs(given)
    canonical = request.path + (f"?{urlencode(pairs)}" if pairs else "")
    if given != pairs and not request.htmx:
        return redirect(canonical)
    params = parse_params(request.GET)
    page = search_articles(params, pairs)
    context = {"page": page, "params": params, "sorts": SORTS, **QUERY_LIMITS}
    response = _page_or_fragment(request, "search/search.html", "search/_results.html", context)
    if request.htmx and given != pairs:
        push_url(response, canonical)
    return response


def _page_or_fragment(
    request: HtmxHttpRequest, page: str, fragment: str, context: dict[str, Any]
) -> HttpResponse:
    response = render(request, fragment if request.htmx else page, context)
    # The same URL answers with a fragment or a page depending on this header.
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def speaker_page(request: HtmxHttpRequest, slug: str) -> HttpResponseBase:
    """One person's statements, searchable, with their timeline, countries, aliases, roles.
    The address of a person merged into another leads to the one kept."""
    person = Person.objects.prefetch_related("aliases").filter(slug=slug).first()
    if person is None:
        kept = _merged_into(slug)
        if kept is None:
            raise Http404("No such speaker.")
        return redirect(_same_query(request, reverse("speaker", args=[kept.slug])), permanent=True)
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


def _merged_into(slug: str) -> Person | None:
    """The person who has a spelling whose slug is `slug` (a merge keeps the merged name
    as a spelling of the person kept)."""
    words = slug.split("-")
    candidates = PersonAlias.objects.select_related("person")
    for alias in candidates.filter(name__icontains=words[0]) if words[0] else []:
        if slugify(alias.name) == slug:
            return alias.person
    return None


def _same_query(request: HttpRequest, path: str) -> str:
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


@require_safe
def country_page(request: HtmxHttpRequest, code: str) -> HttpResponseBase:
    """Articles and statements about one country, its timeline and frequent speakers. A
    country's name (`/countries/iran/`) or a lower-case code leads to its code's address."""
    country = Country.objects.filter(code=code).first()
    if country is None:
        found = aliases.resolve_country(code.replace("-", " "))
        if found is None or not Country.objects.filter(code=found).exists():
            raise Http404("No such country.")
        return redirect(_same_query(request, reverse("country", args=[found])), permanent=True)
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
    if fmt == "csv":
        # A byte-order mark, or Excel on Windows reads UTF-8 as its own code page.
        chunks = _after("\ufeff", chunks)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{export_name(params.q, fmt)}"'
    return response


def _after(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def export_name(q: str, fmt: str, today: datetime.date | None = None) -> str:
    """`dispatch-grain-corridor-2026-12-02.csv`: the query (its first words) and the date."""
    words = slugify(q)[:60].strip("-")
    day = (today or datetime.date.today()).isoformat()
    return "-".join(filter(None, ["dispatch", words, day])) + f".{fmt}"


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
    page = search_articles(params, _query_pairs(request), rows=True)
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
    context = {
        "page": page,
        "group": group,
        "values": values,
        "contains": contains,
        "hidden": hidden,
    }
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
    search = canonical_pairs(_given_pairs(request))
    context = {
        "article": article,
        "q": q,
        # The search this article was opened from, as it was (filters, sort and page).
        "back_query": urlencode(search),
        "matches": matches,
        "related": related_articles(article),
        "body_html": body_html,
        "persons": [p for p in named if p.kind == p.PERSON],
        "organisations": [p for p in named if p.kind == p.ORGANISATION],
    }
    return render(request, "archive/article.html", context)


@require_safe
def favicon(request: HttpRequest) -> FileResponse:
    """Browsers ask for /favicon.ico whatever the page says: answer with the site's icon."""
    path = finders.find("search/favicon.svg")
    assert isinstance(path, str)
    return FileResponse(open(path, "rb"), content_type="image/svg+xml")
