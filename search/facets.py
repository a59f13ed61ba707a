"""Facets as plain data — value, label, count, selected, toggle URL — so templates only loop."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from search.query import QueryPairs, SearchParams, as_url
from search.timeline import DayCounts

T = TypeVar("T")

FACET_TITLES = {
    "country": "Country",
    "speaker": "Speaker",
    "source": "Outlet",
    "year": "Year",
    "month": "Month",
}
# Values shown before "Show all": ten, so that every facet's first values fit on one screen.
FACET_LIMITS = {"country": 10, "speaker": 10, "source": 10, "year": 10, "month": 10}
DATE_FACETS = ("year", "month")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str
    page_url: str | None = None  # the value's own page (a speaker's), when it has one
    typed: bool = False  # chosen by a filter typed in the query: unticking edits the text


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    values: tuple[FacetValue, ...]
    truncated: bool
    total_values: int = 0


def build_facets(
    counts: Mapping[str, Sequence[tuple[str, int]]],
    params: SearchParams,
    labels: Mapping[str, Mapping[str, str]],
    query: QueryPairs,
    limits: Mapping[str, int | None] = FACET_LIMITS,
    links: Mapping[str, Mapping[str, str]] | None = None,
    typed: Mapping[str, Mapping[str, str]] | None = None,
) -> list[FacetGroup]:
    """Turn backend counts into facet groups: chosen values first (even at zero), then the
    most frequent, ties by label; dates in their own order. `links` gives the page of each
    value that has one (only known values do); `typed` the values chosen by a filter typed
    in the query (`country:Iran`), with the URL that removes it from the text."""
    groups = []
    for name, title in FACET_TITLES.items():
        if name == "month" and not counts.get("month"):
            continue
        named = labels.get(name, {})
        from_text = (typed or {}).get(name, {})
        selected = [*_selected(name, params), *(v for v in from_text if v not in params.countries)]
        found = dict(counts.get(name, ()))
        ordered = list(found.items())
        if name not in DATE_FACETS:
            ordered = _by_count_then_label(ordered, named, limits.get(name))
        shown = list(within_limit(ordered, name, limits))
        chosen = [(v, found.get(v, 0)) for v in selected]
        if name not in DATE_FACETS:
            shown = chosen + [item for item in shown if item[0] not in selected]
        else:
            shown += [item for item in chosen if item not in shown]

        values = tuple(
            FacetValue(
                value=value,
                label=named.get(value, value),
                count=count,
                selected=value in selected,
                toggle_url=from_text.get(value)
                or toggle_url(query, name, value, value in selected),
                page_url=(links or {}).get(name, {}).get(value),
                typed=value in from_text,
            )
            for value, count in shown
        )
        more = len(ordered) > len(within_limit(ordered, name, limits))
        groups.append(FacetGroup(name, title, values, more, len(ordered)))
    return groups


def _by_count_then_label(
    values: list[tuple[str, int]], labels: Mapping[str, str], limit: int | None
) -> list[tuple[str, int]]:
    """`values` (most first, from the backend) with ties ordered by label, as far as the
    first `limit` go: beyond, only the count shows, and the order is the backend's."""
    head = values
    if limit and len(values) > limit:
        least = values[limit - 1][1]
        head = [item for item in values if item[1] >= least]
    head = sorted(head, key=lambda item: (-item[1], labels.get(item[0], item[0]).casefold()))
    return head + values[len(head) :]


def within_limit(values: Sequence[T], name: str, limits: Mapping[str, int | None]) -> Sequence[T]:
    """The first values of a facet that it shows before "Show all" (all without a limit)."""
    return values[: limits.get(name) or len(values)]


def _selected(name: str, params: SearchParams) -> list[str]:
    if name == "country":
        return list(params.countries)
    if name == "speaker":
        return list(params.speakers)
    if name == "source":
        return list(params.sources)
    if name == "month":
        month = selected_month(params)
        return [month] if month else []
    year = selected_year(params)
    return [year] if year else []


def selected_year(params: SearchParams) -> str | None:
    """The year whose whole range is selected, if the date range is exactly one year."""
    start, end = params.date_from, params.date_to
    if not (start and end and start.year == end.year):
        return None
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    return str(start.year) if whole_year else None


def selected_month(params: SearchParams) -> str | None:
    """The month whose whole range is selected, as `YYYY-MM`."""
    start, end = params.date_from, params.date_to
    if not (start and end and (start.year, start.month) == (end.year, end.month)):
        return None
    last = (end + datetime.timedelta(days=1)).month != end.month
    return f"{start.year}-{start.month:02d}" if start.day == 1 and last else None


def toggle_url(query: QueryPairs, name: str, value: str, selected: bool) -> str:
    """The current query with `value` of facet `name` switched on or off, back on page 1."""
    pairs = [(k, v) for k, v in query if k != "page"]
    if name in DATE_FACETS:
        pairs = [(k, v) for k, v in pairs if k not in ("date_from", "date_to")]
        if not selected:
            pairs += [("date_from", value), ("date_to", value)]
        elif name == "month":  # unticking a month goes back to its year
            pairs += [("date_from", value[:4]), ("date_to", value[:4])]
    elif selected:
        pairs = [(k, v) for k, v in pairs if not (k == name and v == value)]
    else:
        pairs.append((name, value))
    return as_url(pairs)


@dataclass(frozen=True)
class Chip:
    """One filter in force, and the URL of the same search without it."""

    label: str
    remove_url: str


TYPED_TITLES = {"title": "Headline", "date": "Date", **FACET_TITLES}


def active_filters(
    groups: Sequence[FacetGroup],
    params: SearchParams,
    query: QueryPairs,
    typed: Sequence[tuple[str, str, str]] = (),
) -> list[Chip]:
    """A chip for each filter in force: facet values, dates, the statements mode, and
    (`typed`: field, value, URL without it) the filters typed in the query."""
    chips = [
        Chip(f"{group.title}: {value.label}", value.toggle_url)
        for group in groups
        if group.name not in DATE_FACETS
        for value in group.values
        if value.selected
    ]
    shown = {chip.remove_url for chip in chips}
    chips += [
        Chip(f"{TYPED_TITLES.get(field, field)}: {value}", url)
        for field, value, url in typed
        if url not in shown
    ]
    if params.date_from or params.date_to:
        without = [(k, v) for k, v in query if k not in ("date_from", "date_to", "page")]
        chips.append(Chip(date_label(params), as_url(without)))
    if params.mode == "statements":
        without = [(k, v) for k, v in query if k not in ("mode", "page")]
        chips.append(Chip("Statements only", as_url(without)))
    return chips


def clear_all_url(query: QueryPairs, q: str) -> str:
    """The search for `q` (its typed filters taken out) with no filter, in the same order."""
    return as_url([("q", q), *((k, v) for k, v in query if k == "sort")])


def date_label(params: SearchParams) -> str:
    """`Year: 2019`, `Month: Jun 2019`, or the range (`From 5 Oct 2023`, `… to …`)."""
    year, month = selected_year(params), selected_month(params)
    if month:
        return f"Month: {params.date_from:%b %Y}"
    if year:
        return f"Year: {year}"
    start, end = (f"{d.day} {d:%b %Y}" if d else "" for d in (params.date_from, params.date_to))
    if start and end:
        return f"Dates: {start} to {end}"
    return f"From {start}" if start else f"Until {end}"


def export_query(query: QueryPairs) -> str:
    """The current search without its page, for export links (which take every hit)."""
    return urlencode([(k, v) for k, v in query if k != "page"])


def toggle_query(query: QueryPairs, key: str, value: str) -> str:
    """The current query with `key` set to `value`, back on page 1."""
    pairs = [(k, v) for k, v in query if k not in (key, "page")]
    return as_url([(key, value), *pairs])


def page_url(query: QueryPairs, page: int) -> str:
    pairs = [(k, v) for k, v in query if k != "page"]
    if page > 1:
        pairs.append(("page", str(page)))
    return as_url(pairs)


def date_facet_counts(
    days: Mapping[datetime.date, int],
    date_from: datetime.date | None,
    date_to: datetime.date | None,
) -> dict[str, list[tuple[str, int]]]:
    """The year facet (newest first) and, when the date range lies within one year, the
    month facet for that year (in calendar order), from results per day."""
    days = DayCounts.of(days)
    years = [(str(year), count) for year, count in reversed(days.totals("year"))]
    one_year = date_from.year if date_from and date_to and date_from.year == date_to.year else 0
    months = days.of_year(one_year).totals("month") if one_year else []
    return {"year": years, "month": [(f"{m // 100}-{m % 100:02d}", n) for m, n in months]}
