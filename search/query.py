"""Search parameters from a request's query string: pure Python, no Django, never raises."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeAlias, cast
from urllib.parse import quote_plus

from archive.extraction.dates import month_number

SORTS = ("relevance", "newest", "oldest")
# A pasted passage of a few paragraphs; the request line stays within gunicorn's limit
# (config/gunicorn.py) even when every character is percent-encoded.
MAX_QUERY_LENGTH = 5000
MAX_VALUE_LENGTH = 200  # a filter value longer than any outlet name or slug
_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
# `June 2019`, `5 Oct 2023`, `5th October, 2023`, `Oct 5, 2023`, `October 5 2023`
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_NAMED_DATE = re.compile(
    rf"^(?:{_ORDINAL}\s+)?([A-Za-z]+)\.?(?:\s+{_ORDINAL})?,?\s+(\d{{4}})$", re.IGNORECASE
)
DATE_FORMS = "2023, 2023-10, 2023-10-05, June 2019 or 5 Oct 2023"
# The parameters of a search, in the one order its canonical URL has them, and the values
# that are the default (left out of the URL: the same view has one address).
PARAMETER_ORDER = (
    "q",
    "mode",
    "sort",
    "country",
    "speaker",
    "source",
    "date_from",
    "date_to",
    "exact",
    "page",
)
DEFAULTS = {"mode": "articles", "sort": "relevance", "page": "1"}
# What each filter's values look like; anything else can match nothing.
_VALUE_SHAPES = {
    "country": re.compile(r"[A-Z]{2}"),
    "speaker": re.compile(r"[-a-zA-Z0-9_]+"),  # a person's slug, as in /speakers/<slug>/
    "source": re.compile(r"[^\x00-\x1f\x7f]+"),
}
_FILTER_NAMES = {"country": "country", "speaker": "speaker", "source": "outlet"}


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
    # Date fields that could not be read: (parameter, the text as typed), shown beside the field.
    date_errors: tuple[tuple[str, str], ...] = field(default=(), compare=False)


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
    date_errors: list[tuple[str, str]] = []
    date_from = _parse_bound(_first(data, "date_from"), "date_from", True, date_errors)
    date_to = _parse_bound(_first(data, "date_to"), "date_to", False, date_errors)
    if date_from and date_to and date_from > date_to:
        notices.append("The date range was reversed; its ends were swapped.")
        date_from, date_to = (
            _parse_bound(_first(data, "date_to"), "", True, []),
            _parse_bound(_first(data, "date_from"), "", False, []),
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
        date_errors=tuple(date_errors),
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
    """`2023` / `2023-10` / `2023-10-05` (or with / or .), `June 2019`, `5 Oct 2023`,
    `Oct 5, 2023` → the first (start) or last day it covers; None when it is no date."""
    text = " ".join(text.split())
    match = _DATE.match(text)
    if match:
        year_text, month_text, day_text = match.groups()
        month = int(month_text) if month_text else None
    else:
        named = _NAMED_DATE.match(text)
        if not named:
            return None
        day_before, month_name, day_after, year_text = named.groups()
        month = month_number(month_name) if not month_name.isdigit() else None
        if month is None or (day_before and day_after):
            return None
        day_text = day_before or day_after
    year = int(year_text)
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


def date_error(text: str) -> str:
    """What to say beside a date field that holds `text`, which is no date."""
    return f"“{text}” is not a date we can read: use {DATE_FORMS}."


def _parse_bound(
    text: str, name: str, start: bool, errors: list[tuple[str, str]]
) -> datetime.date | None:
    if not text:
        return None
    bound = parse_date_bound(text, start=start)
    if bound is None:
        errors.append((name, text))
    return bound


def as_url(pairs: Sequence[tuple[str, str]]) -> str:
    """The query string of a search's canonical URL (one view, one address): as `urlencode`
    writes it, each name and value quoted once per process (a results page writes 50 URLs
    that share the query)."""
    return "?" + "&".join(f"{_quoted(k)}={_quoted(v)}" for k, v in canonical_pairs(pairs))


@functools.lru_cache(maxsize=1024)
def _quoted(text: str) -> str:
    return quote_plus(text)


def canonical_pairs(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """A search's parameters as its one canonical URL has them: known ones only, in
    PARAMETER_ORDER, without blank, default or repeated values (the first of a parameter
    that takes one value, as `parse_params` reads it)."""
    given: dict[str, list[str]] = {}
    for name, value in pairs:
        if value := value.strip():
            given.setdefault(name, []).append(value)
    kept: list[tuple[str, str]] = []
    for key in PARAMETER_ORDER:
        values = given.get(key, [])
        if key not in _FILTER_NAMES:
            values = values[:1]
        kept += [(key, v) for v in dict.fromkeys(values) if DEFAULTS.get(key) != v]
    return kept


def _parse_page(text: str) -> int:
    try:
        return max(1, min(int(text), 100_000))
    except ValueError:
        return 1


def _first(data: QueryData, key: str) -> str:
    values = _all(data, key)
    return values[0].strip() if values else ""


def _all(data: QueryData, key: str) -> list[str]:
    # Not `isinstance(data, MultiValueMapping)`: checking a protocol costs 10 µs a call.
    if hasattr(data, "getlist"):  # like Django's QueryDict
        return [v for v in cast(MultiValueMapping, data).getlist(key) if isinstance(v, str)]
    value = data.get(key, ())
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
