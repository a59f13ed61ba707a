"""The search service: query preparation, backend results joined with archive rows, facets."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from archive.mapping import article_fields, statement_record
from archive.models import Article, Statement
from search import aliases, labels, query_syntax
from search.backends import get_backend
from search.backends.base import (
    Hit,
    SearchBackend,
    SearchResults,
    SearchTooSlow,
    SearchUnavailable,
)
from search.facets import (
    FACET_LIMITS,
    Chip,
    FacetGroup,
    active_filters,
    build_facets,
    clear_all_url,
    date_facet_counts,
    export_query,
    page_url,
    toggle_query,
    within_limit,
)
from search.query import (
    SORTS,
    QueryPairs,
    SearchParams,
    as_url,
    date_error,
    unmatched,
    well_formed,
)
from search.query_tree import Node, SearchQuery
from search.templatetags.pages import speaker_page
from search.timeline import Timeline, build_timeline, date_counts

FEW_RESULTS = 3  # below this many hits, offer a spelling correction


Tags = tuple[tuple[str, str], ...]  # (value, name): a country's code or a person's slug


@dataclass(frozen=True)
class ResultItem:
    hit: Hit
    # The article's own row, read only when asked for (the API, statements): what a list of
    # articles shows comes from the index, and the tags are named below.
    article: Article | None = None
    statement: Statement | None = None
    countries: Tags = ()  # by name
    speakers: Tags = ()  # in order of first statement

    @property
    def article_id(self) -> int:
        return self.hit.article_id or self.hit.id

    @property
    def date(self) -> datetime.date | None:
        return self.hit.date

    @property
    def source(self) -> str:
        return self.hit.source

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
    suggestion: str | None = None
    strategy: str = "all"  # "most": too few had every word; these have most of them
    complete: int = 0  # results with every word
    suggestion_url: str | None = None
    # Set when nothing matched and the page shows what the suggestion finds instead: the
    # words as typed, and a link that searches for them as typed.
    corrected_from: str | None = None
    original_url: str | None = None
    timeline: Timeline | None = None
    chips: list[Chip] = field(default_factory=list)  # the filters in force
    clear_url: str = ""  # the same words without any filter
    export_query: str = ""
    search_query: str = ""  # this view's canonical query string (hits link back to it)
    sort: str = "relevance"  # the order the results are in ("newest" for no words)

    @property
    def partial(self) -> bool:
        return self.strategy == "most"

    @property
    def noun(self) -> str:
        return "statement" if self.params.mode == "statements" else "article"

    @property
    def date_fields(self) -> list[tuple[str, str, str, str]]:
        """(parameter, element id, label, value) of the date range's fields: the text as
        typed when it is no date, so that it is corrected rather than retyped."""
        typed = dict(self.params.date_errors)
        bounds = {"date_from": self.params.date_from, "date_to": self.params.date_to}
        return [
            (name, name.replace("_", "-"), label, typed.get(name) or _iso(bounds[name]))
            for name, label in (("date_from", "From"), ("date_to", "To"))
        ]

    @property
    def sort_options(self) -> list[tuple[str, str]]:
        """(value, label) of each order the sort menu offers. Without words there is no
        relevance: the default lists newest first, and the menu says so."""
        if self.params.q:
            return [(sort, sort.capitalize()) for sort in SORTS]
        default = "newest" if self.params.sort == "newest" else "relevance"
        return [(default, "Newest"), ("oldest", "Oldest")]

    @property
    def date_errors(self) -> dict[str, str]:
        """What to say beside each date field whose text is no date."""
        return {name: date_error(text) for name, text in self.params.date_errors}


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def search_query(params: SearchParams) -> tuple[SearchQuery, list[str]]:
    """The one place a request's query is parsed: its tree (country names resolved, aliases
    expanded), the page's filters narrowed by any `date:` in the text, and the notices."""
    parsed = query_syntax.parse(params.q, aliases.resolve_country, aliases.alias_table())
    date_from = max(filter(None, (params.date_from, parsed.date_from)), default=None)
    date_to = min(filter(None, (params.date_to, parsed.date_to)), default=None)
    narrowed = replace(params, date_from=date_from, date_to=date_to)
    return SearchQuery(parsed.tree, narrowed), parsed.notices


def statement_place(article: Article, wanted: str) -> tuple[int, int, int] | None:
    """(id, start, end) of the article's statement `wanted` names, when its offsets still
    point at its text (a curator may have edited the body since)."""
    pk = int(wanted) if wanted.isdigit() else None
    for statement in article.statements.all():  # prefetched with the article's metadata
        if statement.pk == pk and article.body[statement.start : statement.end] == statement.text:
            return statement.pk, statement.start, statement.end
    return None


def marked_paragraphs(
    text: str, q: str, statement: tuple[int, int, int] | None = None
) -> list[str]:
    """An article's paragraphs as HTML with what `q` looks for in <mark>; everything else
    escaped (unmarked when the index cannot be read). `statement` (id, start, end in `text`)
    is marked too, as `<mark class="statement-mark" id="statement-ID">`, for a link to land on."""
    pieces: list[str] = []
    layout: list[int] = []  # how many pieces make each paragraph
    for start, end in paragraph_spans(text):
        if statement and start <= statement[1] < end:
            inside = min(statement[2], end)
            pieces += [text[start : statement[1]], text[statement[1] : inside], text[inside:end]]
            layout.append(3)
        else:
            pieces.append(text[start:end])
            layout.append(1)
    tree: Node = search_query(SearchParams(q=q))[0].tree
    marked = iter(get_backend().highlight_all(pieces, tree))
    paragraphs = []
    for count in layout:
        if count == 1:
            paragraphs.append(next(marked))
            continue
        before, inside_html, after = next(marked), next(marked), next(marked)
        assert statement is not None
        anchor = f'<mark class="statement-mark" id="statement-{statement[0]}">'
        paragraphs.append(f"{before}{anchor}{inside_html}</mark>{after}")
    return paragraphs


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `text` (the importer joins them with a blank line),
    spaces trimmed."""
    spans = []
    start = 0
    for part in text.split("\n\n"):
        lead = len(part) - len(part.lstrip())
        trimmed = len(part.strip())
        if trimmed:
            spans.append((start + lead, start + lead + trimmed))
        start += len(part) + 2
    return spans


def search_articles(
    params: SearchParams,
    pairs: QueryPairs,
    facet_limits: dict[str, int] | None = None,
    *,
    rows: bool = False,
) -> SearchPage:
    """Run a search and prepare everything a page or the API shows (`rows`: each article's
    database row too, for what only the row has). Never raises for input."""
    page = SearchPage(params=params, notices=list(params.notices))
    query, notices = search_query(params)
    page.notices += notices
    try:
        backend = get_backend()
        results = backend.search(query)
        if params.q and results.total < FEW_RESULTS:
            page.suggestion = backend.suggest(query)
            query, results, pairs = _corrected(backend, page, query, results, pairs)
    except SearchUnavailable as exc:
        page.error = str(exc)
        return page
    except SearchTooSlow as exc:  # the query's fault, not the service's: say what to change
        page.notices.append(str(exc))
        return page
    page.total, page.page, page.page_count = results.total, results.page, results.page_count
    page.strategy, page.complete = results.strategy, results.complete
    if params.page > results.page_count and results.total:
        pages = (
            "is only 1 page; showing it"
            if results.page_count == 1
            else (f"are only {results.page_count} pages; showing the last")
        )
        page.notices.append(f"There {pages}.")
    limits = FACET_LIMITS if facet_limits is None else facet_limits
    typed = query_syntax.typed_filters(params.q, aliases.resolve_country)
    # Each typed filter with the URL of the same search without it.
    removals = [(f, toggle_query(pairs, "q", f.taken_from(params.q))) for f in typed]
    typed_countries = {f.code: url for f, url in removals if f.code}
    labels = _labels(results, params, limits, frozenset(typed_countries))
    page.items = _items(results, params.mode, labels, rows)
    page.notices += _unknown_filters(params, labels)
    # Cached per slug: reversing a URL for each of a page's speakers cost 3 ms a page.
    links = {"speaker": {slug: speaker_page(slug) for slug in labels["speaker"]}}
    counts = {**results.facets, **date_facet_counts(results.facet_days, *_range(query))}
    page.facets = build_facets(
        counts, params, labels, pairs, limits, links, {"country": typed_countries}
    )
    if page.page > 1:
        page.previous_url = page_url(pairs, page.page - 1)
    if page.page < page.page_count:
        page.next_url = page_url(pairs, page.page + 1)
    if page.suggestion:  # a new search: corrected if need be, whatever `exact` said
        others = [(key, value) for key, value in pairs if key != "exact"]
        page.suggestion_url = toggle_query(others, "q", page.suggestion)
    timeline = date_counts(results.days, *_range(query))
    if timeline:
        page.timeline = build_timeline(timeline, pairs, page.noun)
    chips = [(f.field, f.value, url) for f, url in removals]
    page.chips = active_filters(page.facets, params, pairs, chips)
    page.clear_url = clear_all_url(pairs, query_syntax.without_filters(params.q, typed))
    page.export_query = export_query(pairs)
    page.search_query = as_url(pairs)[1:]
    page.sort = query.effective_sort
    return page


def _corrected(
    backend: SearchBackend,
    page: SearchPage,
    query: SearchQuery,
    results: SearchResults,
    pairs: QueryPairs,
) -> tuple[SearchQuery, SearchResults, QueryPairs]:
    """Google's "Showing results for X — search instead for Y": when nothing matches and the
    suggestion does, the page shows its results, and every link on it (facets, pages,
    downloads) searches for it. Unless `exact` asks for the words as typed."""
    params = page.params
    if results.total or not page.suggestion or params.exact:
        return query, results, pairs
    corrected, _ = search_query(replace(params, q=page.suggestion))
    found = backend.search(corrected)
    if not found.total:
        return query, results, pairs
    page.corrected_from = params.q
    others = [(key, value) for key, value in pairs if key not in ("q", "exact")]
    page.original_url = toggle_query([*others, ("exact", "1")], "q", params.q)
    return corrected, found, [("q", page.suggestion), *others]


def _range(query: SearchQuery) -> tuple[datetime.date | None, datetime.date | None]:
    return query.params.date_from, query.params.date_to


def related_articles(article: Article, count: int = 5) -> list[Article]:
    """Visible articles most like `article` (none when the index is unavailable)."""
    try:
        ids = get_backend().related(article.pk, count)
    except SearchUnavailable:
        return []
    found = Article.objects.visible().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def _items(
    results: SearchResults, mode: str, labels: dict[str, dict[str, str]], rows: bool
) -> list[ResultItem]:
    """The hits with their tags named from `labels`, and their rows if asked for or needed
    (a statement's form and speaker), read in one query; hidden articles left out."""
    hits = results.hits
    statements: dict[int, Statement] = {}
    articles: dict[int, Article] = {}
    if mode == "statements":
        statements = (
            Statement.objects.select_related("speaker", "article")
            .defer("article__body", "article__raw_text")
            .filter(article__in=Article.objects.visible())
            .in_bulk([hit.id for hit in hits])
        )
        articles = {s.id: s.article for s in statements.values()}
        shown: Collection[int] = articles
    elif rows:
        articles = Article.objects.visible().for_listing().in_bulk([h.id for h in hits])
        shown = articles
    else:
        shown = Article.visible_among([h.id for h in hits])
    countries, speakers = labels["country"], labels["speaker"]
    items = []
    for hit in hits:
        # An article hidden a moment ago may linger in this searcher's snapshot: leave it out.
        if hit.id not in shown:
            continue
        named = [(code, countries[code]) for code in hit.countries if code in countries]
        items.append(
            ResultItem(
                hit,
                articles.get(hit.id),
                statements.get(hit.id),
                tuple(sorted(named, key=lambda tag: tag[1])),
                tuple((slug, speakers[slug]) for slug in hit.speakers if slug in speakers),
            )
        )
    return items


def _labels(
    results: SearchResults,
    params: SearchParams,
    limits: Mapping[str, int | None],
    typed_codes: frozenset[str] = frozenset(),
) -> dict[str, dict[str, str]]:
    """Names of the countries and speakers the facets and the hits show (and those chosen):
    a pasted passage's results count a thousand speakers, and the page shows ten (with those
    tied with the tenth, since ties are ordered by name)."""
    codes = {v for v, _ in results.facets.get("country", ())} | set(params.countries)
    codes |= typed_codes | {code for hit in results.hits for code in hit.countries}
    speakers = list(results.facets.get("speaker", ()))
    shown = within_limit(speakers, "speaker", limits)
    least = shown[-1][1] if shown else 0
    slugs = {v for v, count in speakers if count >= least} | set(params.speakers)
    slugs |= {slug for hit in results.hits for slug in hit.speakers}
    return {"country": labels.country_names(codes), "speaker": labels.speaker_names(slugs)}


def _unknown_filters(params: SearchParams, labels: dict[str, dict[str, str]]) -> list[str]:
    """A notice for each well-formed country or speaker the archive does not know
    (`parse_params` has told about the malformed ones)."""
    chosen = {"country": params.countries, "speaker": params.speakers}
    return [
        unmatched(name, value)
        for name, values in chosen.items()
        for value in values
        if value not in labels[name] and well_formed(name, value)
    ]


def page_as_json(page: SearchPage) -> dict[str, Any]:
    """The API's view of a search page."""
    return {
        "total": page.total,
        "page": page.page,
        "page_count": page.page_count,
        "notices": [*page.notices, *page.date_errors.values()],
        "error": page.error,
        "suggestion": page.suggestion,
        # "all": every hit has every word; "most": too few did, so hits have most of them
        "strategy": page.strategy,
        # The words searched for instead of these, which found nothing (None: as typed).
        "corrected_from": page.corrected_from,
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
    assert item.article is not None, "the API asks for rows (search_articles(rows=True))"
    record = article_fields(item.article)
    data: dict[str, Any] = {
        "id": record["id"],
        "title": record["title"],
        "url": record["page_url"],
        "source_url": record["link_url"],  # only http(s): never a script to follow
        "date": record["date"],
        "source": record["source"],
        "countries": sorted(code for code, _ in item.countries),
        "speakers": [name for _, name in item.speakers],
        "highlights": list(item.hit.passages),
        "missing": list(item.hit.missing),  # the query's words it lacks (a partial match)
    }
    if item.statement:
        data = {
            **statement_record(item.statement),
            "article": data,
            "highlights": list(item.hit.passages),
            "missing": list(item.hit.missing),
        }
    return data
