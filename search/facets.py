"""Facets as plain data — value, label, count, selected, toggle URL — so templates only loop."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from search.query import QueryPairs, SearchParams
from search.timeline import DayCounts

T = TypeVar("T")

FACET_TITLES = {
    "country": "Country",
    "speaker": "Speaker",
    "source": "Outlet",
    "year": "Year",
    "month": "Month",
}
FACET_LIMITS = {"country": 30, "speaker": 10, "source": 10, "year": 50, "month": 12}
DATE_FACETS = ("year", "month")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str
    page_url: str | None = None  # the value's own page (a speaker's), when it has one


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
) -> list[FacetGroup]:
    """Turn backend counts into facet groups; selected values always show, even at zero.
    `links` gives the page of each value that has one (only known values do)."""
    groups = []
    for name, title in FACET_TITLES.items():
        if name == "month" and not counts.get("month"):
            continue
        selected = _selected(name, params)
        found = dict(counts.get(name, ()))
        ordered = list(found.items())
        shown = list(within_limit(ordered, name, limits))
        shown += [(v, found.get(v, 0)) for v in selected if v not in dict(shown)]
        values = tuple(
            FacetValue(
                value=value,
                label=labels.get(name, {}).get(value, value),
                count=count,
                selected=value in selected,
                toggle_url=toggle_url(query, name, value, value in selected),
                page_url=(links or {}).get(name, {}).get(value),
            )
            for value, count in shown
        )
        more = len(ordered) > len(within_limit(ordered, name, limits))
        groups.append(FacetGroup(name, title, values, more, len(ordered)))
    return groups


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
    return "?" + urlencode(pairs)


def active_filters(
    groups: Sequence[FacetGroup], params: SearchParams, query: QueryPairs
) -> list[tuple[str, str]]:
    """(description, URL without it) for each chosen filter: the empty state offers these."""
    found = [
        (f"{group.title}: {value.label}", value.toggle_url)
        for group in groups
        if group.name not in DATE_FACETS
        for value in group.values
        if value.selected
    ]
    if params.date_from or params.date_to:
        dates = " to ".join(str(d) if d else "…" for d in (params.date_from, params.date_to))
        without = [(k, v) for k, v in query if k not in ("date_from", "date_to", "page")]
        found.append((f"Dates: {dates}", "?" + urlencode(without)))
    return found


def export_query(query: QueryPairs) -> str:
    """The current search without its page, for export links (which take every hit)."""
    return urlencode([(k, v) for k, v in query if k != "page"])


def toggle_query(query: QueryPairs, key: str, value: str) -> str:
    """The current query with `key` set to `value`, back on page 1."""
    pairs = [(k, v) for k, v in query if k not in (key, "page")]
    return "?" + urlencode([(key, value), *pairs])


def page_url(query: QueryPairs, page: int) -> str:
    pairs = [(k, v) for k, v in query if k != "page"]
    if page > 1:
        pairs.append(("page", str(page)))
    return "?" + urlencode(pairs)


def date_facet_counts(
    days: DayCounts, date_from: datetime.date | None, date_to: datetime.date | None
) -> dict[str, list[tuple[str, int]]]:
    """The year facet (newest first) and, when the date range lies within one year, the
    month facet for that year (in calendar order), from results per day."""
    years: Counter[str] = Counter()
    months: Counter[str] = Counter()
    one_year = date_from.year if date_from and date_to and date_from.year == date_to.year else 0
    for day, count in days.items():
        years[str(day.year)] += count
        if day.year == one_year:
            months[f"{day.year}-{day.month:02d}"] += count
    return {"year": sorted(years.items(), reverse=True), "month": sorted(months.items())}
