"""Search parameters from a request's query string: pure Python, no Django, never raises."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeAlias, runtime_checkable

SORTS = ("relevance", "newest", "oldest")
# A pasted passage of a few paragraphs; the request line stays within gunicorn's limit
# (config/gunicorn.py) even when every character is percent-encoded.
MAX_QUERY_LENGTH = 5000
MAX_VALUE_LENGTH = 200  # a filter value longer than any outlet name or slug
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# What each filter's values look like; anything else can match nothing.
_VALUE_SHAPES = {
    "country": re.compile(r"[A-Z]{2}"),
    "speaker": re.compile(r"[-a-zA-Z0-9_]+"),  # a person's slug, as in /speakers/<slug>/
    "source": re.compile(r"[^\x00-\x1f\x7f]+"),
}
_FILTER_NAMES = {"country": "country", "speaker": "speaker", "source": "outlet"}


@runtime_checkable
class MultiValueMapping(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def getlist(self, key: str) -> list[str]: ...


# A query string as Django's `QueryDict` holds it, or a plain mapping of value lists.
QueryData: TypeAlias = MultiValueMapping | Mapping[str, Sequence[str]]
# The current request's query string as (name, value) pairs, in order, blank values left out
# (`views._query_pairs`): every link that changes the search is built from it.
QueryPairs: TypeAlias = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class SearchParams:
    """What to search for; every backend takes exactly this."""

    q: str = ""
    countries: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    mode: str = "articles"  # or "statements": hits are statements, not articles
    # Search for `q` as typed, even when it finds nothing and a correction would find
    # something (the service's "search instead for" link).
    exact: bool = False
    notices: tuple[str, ...] = field(default=(), compare=False)


def parse_params(data: QueryData) -> SearchParams:
    """Read `q`, `country`, `speaker`, `source`, `date_from`, `date_to`, `sort`, `page`,
    `mode` and `exact`.

    Anything unreadable is dropped with a notice rather than rejected.
    """
    notices: list[str] = []
    q = " ".join(_printable(_first(data, "q")).split())
    if len(q) > MAX_QUERY_LENGTH:
        q = q[:MAX_QUERY_LENGTH]
        notices.append(f"The query was cut to its first {MAX_QUERY_LENGTH} characters.")
    countries = _filter_values(data, "country", notices, upper=True)
    speakers = _filter_values(data, "speaker", notices)
    sources = _filter_values(data, "source", notices)
    date_from = _parse_bound(_first(data, "date_from"), "date_from", start=True, notices=notices)
    date_to = _parse_bound(_first(data, "date_to"), "date_to", start=False, notices=notices)
    if date_from and date_to and date_from > date_to:
        notices.append("The date range was reversed; its ends were swapped.")
        date_from, date_to = (
            _parse_bound(_first(data, "date_to"), "", start=True, notices=[]),
            _parse_bound(_first(data, "date_from"), "", start=False, notices=[]),
        )
    sort = _first(data, "sort") or "relevance"
    if sort not in SORTS:
        notices.append(f"Unknown sort {sort!r}; sorted by relevance.")
        sort = "relevance"
    return SearchParams(
        q=q,
        countries=countries,
        speakers=speakers,
        sources=sources,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=_parse_page(_first(data, "page")),
        mode="statements" if _first(data, "mode") == "statements" else "articles",
        exact=_first(data, "exact") in ("1", "true", "on"),
        notices=tuple(notices),
    )


def _filter_values(
    data: QueryData, key: str, notices: list[str], upper: bool = False
) -> tuple[str, ...]:
    """The distinct values of one filter. A value of the wrong shape stays selected, so the
    search honestly finds nothing, with a notice: dropping it would widen the results."""
    values: list[str] = []
    for raw in _all(data, key):
        value = _printable(raw).strip()[:MAX_VALUE_LENGTH]
        value = value.upper() if upper else value
        if not value or value in values:
            continue
        if not well_formed(key, value):
            notices.append(unmatched(key, value))
        values.append(value)
    return tuple(values)


def unmatched(key: str, value: str) -> str:
    """The notice for a value of filter `key` that nothing can match."""
    return f"No {_FILTER_NAMES[key]} is called {value!r}; nothing matches it."


def well_formed(key: str, value: str) -> bool:
    """Whether `value` could be a value of filter `key` (`country`, `speaker`, `source`)."""
    return bool(_VALUE_SHAPES[key].fullmatch(value))


def _printable(text: str) -> str:
    """`text` without control characters (a NUL byte would reach the database and the index)."""
    return "".join(ch for ch in text if ch.isprintable() or ch.isspace())


def parse_date_bound(text: str, *, start: bool) -> datetime.date | None:
    """`2023` / `2023-10` / `2023-10-05` → the first (start) or last day it covers."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    try:
        if month is None:
            return datetime.date(year, 1, 1) if start else datetime.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1 if start else last)
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _parse_bound(text: str, name: str, *, start: bool, notices: list[str]) -> datetime.date | None:
    if not text:
        return None
    bound = parse_date_bound(text, start=start)
    if bound is None:
        notices.append(f"Ignored {name}={text!r}: use a date like 2023, 2023-10 or 2023-10-05.")
    return bound


def _parse_page(text: str) -> int:
    try:
        return max(1, min(int(text), 100_000))
    except ValueError:
        return 1


def _first(data: QueryData, key: str) -> str:
    values = _all(data, key)
    return values[0].strip() if values else ""


def _all(data: QueryData, key: str) -> list[str]:
    if isinstance(data, MultiValueMapping):  # has `getlist`, like Django's QueryDict
        return [v for v in data.getlist(key) if isinstance(v, str)]
    value = data.get(key, ())
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
