"""Facets as plain data — value, label, count, selected, toggle URL — so templates only loop."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from search.query import SearchParams

QueryPairs = Sequence[tuple[str, str]]

FACET_TITLES = {"country": "Country", "speaker": "Speaker", "year": "Year"}
FACET_LIMITS = {"country": 50, "speaker": 20, "year": 50}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    values: tuple[FacetValue, ...]
    truncated: bool


def build_facets(
    counts: Mapping[str, Sequence[tuple[str, int]]],
    params: SearchParams,
    labels: Mapping[str, Mapping[str, str]],
    query: QueryPairs,
) -> list[FacetGroup]:
    """Turn backend counts into facet groups; selected values always show, even at zero."""
    groups = []
    for name, title in FACET_TITLES.items():
        selected = _selected(name, params)
        found = dict(counts.get(name, ()))
        ordered = list(found.items())
        limit = FACET_LIMITS[name]
        shown = ordered[:limit]
        shown += [(v, found.get(v, 0)) for v in selected if v not in dict(shown)]
        values = tuple(
            FacetValue(
                value=value,
                label=labels.get(name, {}).get(value, value),
                count=count,
                selected=value in selected,
                toggle_url=toggle_url(query, name, value, value in selected),
            )
            for value, count in shown
        )
        groups.append(FacetGroup(name, title, values, truncated=len(ordered) > limit))
    return groups


def _selected(name: str, params: SearchParams) -> list[str]:
    if name == "country":
        return list(params.countries)
    if name == "speaker":
        return list(params.speakers)
    year = selected_year(params)
    return [year] if year else []


def selected_year(params: SearchParams) -> str | None:
    """The year whose whole range is selected, if the date range is exactly one year."""
    start, end = params.date_from, params.date_to
    if not (start and end and start.year == end.year):
        return None
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    return str(start.year) if whole_year else None


def toggle_url(query: QueryPairs, name: str, value: str, selected: bool) -> str:
    """The current query with `value` of facet `name` switched on or off, back on page 1."""
    pairs = [(k, v) for k, v in query if k != "page"]
    if name == "year":
        pairs = [(k, v) for k, v in pairs if k not in ("date_from", "date_to")]
        if not selected:
            pairs += [("date_from", value), ("date_to", value)]
    elif selected:
        pairs = [(k, v) for k, v in pairs if not (k == name and v == value)]
    else:
        pairs.append((name, value))
    return "?" + urlencode(pairs)


def page_url(query: QueryPairs, page: int) -> str:
    pairs = [(k, v) for k, v in query if k != "page"]
    if page > 1:
        pairs.append(("page", str(page)))
    return "?" + urlencode(pairs)
