"""Date histograms of search results: results per day, periods, bucket sizes and SVG bar
geometry (pure)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from search.query import QueryPairs, as_url

UNITS = ("year", "month", "day")
MAX_DAYS = 92  # up to about a quarter: one bar per day
MAX_MONTHS = 48  # up to four years: one bar per month
MAX_YEARS = 60  # a wider explicit range is clipped to the dated results
WIDTH, HEIGHT, GAP = 600.0, 80.0, 0.15  # SVG viewBox; the gap is a share of each slot
MIN_BAR = 2.0  # a single result still shows
ZERO_BAR = 1.0  # an empty period is a sliver on the axis: shown, and shown as none
MAX_BAR = 48.0  # one day or two are bars, not a wall
AXIS_LABELS = 8  # at most this many period labels under the chart
COUNTED_BARS = 24  # up to this many periods, each bar's count is written above it
# A day as a number, YYYYMMDD: its period's number is the day's divided by this.
PERIOD_DIVISORS = {"year": 10_000, "month": 100, "day": 1}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_number(date: datetime.date | None) -> int:
    """A date as the number YYYYMMDD (0 for none)."""
    return date.year * 10000 + date.month * 100 + date.day if date else 0


@functools.lru_cache(maxsize=65_536)  # about 180 years of days
def day_date(number: int) -> datetime.date:
    """The date of a `day_number`."""
    return datetime.date(number // 10000, number // 100 % 100, number % 100)


class DayCounts(Mapping[datetime.date, int]):
    """What a backend counts: results per day, undated ones left out. A mapping of dates to
    counts, held as two arrays (day numbers in order, and their counts).

    A broad search at 100,000 articles finds every day of ten years. Summing 3,650 days by
    year or month one at a time in Python cost 2–4 ms a page; over the arrays, microseconds.
    """

    def __init__(self, numbers: np.ndarray | None = None, counts: np.ndarray | None = None):
        self.numbers = np.zeros(0, np.int64) if numbers is None else numbers.astype(np.int64)
        self.counts = np.zeros(0, np.int64) if counts is None else counts.astype(np.int64)

    @classmethod
    def of(cls, counts: Mapping[datetime.date, int]) -> DayCounts:
        if isinstance(counts, DayCounts):
            return counts
        pairs = sorted((day_number(day), count) for day, count in counts.items())
        return cls(np.array([d for d, _ in pairs]), np.array([n for _, n in pairs]))

    def __getitem__(self, day: datetime.date) -> int:
        number = day_number(day)
        at = int(np.searchsorted(self.numbers, number))
        if at < len(self.numbers) and self.numbers[at] == number:
            return int(self.counts[at])
        raise KeyError(day)

    def __iter__(self) -> Iterator[datetime.date]:
        return map(day_date, self.numbers.tolist())

    def __len__(self) -> int:
        return len(self.numbers)

    def __repr__(self) -> str:
        return f"DayCounts({dict(self.items())!r})"

    def first(self) -> datetime.date:
        return day_date(int(self.numbers[0]))

    def last(self) -> datetime.date:
        return day_date(int(self.numbers[-1]))

    def totals(self, unit: str) -> list[tuple[int, int]]:
        """(period number, results) of each `unit` with results, oldest first: 2023 for a
        year, 202310 for a month, 20231005 for a day."""
        periods = self.numbers // PERIOD_DIVISORS[unit]
        if not len(periods):
            return []
        starts = np.flatnonzero(np.r_[True, periods[1:] != periods[:-1]])
        sums = np.add.reduceat(self.counts, starts)
        return list(zip(periods[starts].tolist(), sums.tolist(), strict=True))

    def of_year(self, year: int) -> DayCounts:
        within = self.numbers // PERIOD_DIVISORS["year"] == year
        return DayCounts(self.numbers[within], self.counts[within])


@dataclass(frozen=True)
class DateCounts:
    """Results per period (`2023`, `2023-10` or `2023-10-05`) over the span shown."""

    unit: str
    start: datetime.date
    end: datetime.date
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    url: str
    x: float
    y: float
    width: float
    height: float
    axis_label: str = ""  # written under the bar ("" for most bars of a long span)


@dataclass(frozen=True)
class Timeline:
    unit: str
    bars: tuple[Bar, ...]
    total: int
    summary: str
    first_label: str
    last_label: str
    width: float = WIDTH
    height: float = HEIGHT
    counted: bool = True  # each bar's count is written above it

    @property
    def first_key(self) -> str:
        """The first period with results: the chart's one tab stop (arrow keys do the rest)."""
        return next((bar.key for bar in self.bars if bar.count), "")


def date_counts(
    days: Mapping[datetime.date, int],
    date_from: datetime.date | None,
    date_to: datetime.date | None,
) -> DateCounts | None:
    """Results per year, month or day, by the span shown; None when none is dated."""
    days = DayCounts.of(days)
    if not days:
        return None
    start, end = shown_span(date_from, date_to, days.first(), days.last())
    unit = unit_for(start, end)
    counts = tuple((period_key(n, unit), count) for n, count in days.totals(unit))
    return DateCounts(unit, start, end, counts)


def period_key(number: int, unit: str) -> str:
    """A period's key from its number (`DayCounts.totals`): the start of its days' ISO
    dates, `2023`, `2023-10` or `2023-10-05`."""
    if unit == "year":
        return f"{number:04d}"
    if unit == "month":
        return f"{number // 100:04d}-{number % 100:02d}"
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"


def shown_span(
    date_from: datetime.date | None,
    date_to: datetime.date | None,
    first: datetime.date,
    last: datetime.date,
) -> tuple[datetime.date, datetime.date]:
    """The period the chart covers: the chosen date range, open ends closed by the data."""
    start, end = date_from or first, date_to or last
    if end.year - start.year > MAX_YEARS:
        # `date_from=1000` should not draw a thousand empty years.
        start, end = max(start, first), min(end, last)
    return start, max(start, end)


def unit_for(start: datetime.date, end: datetime.date) -> str:
    """Days for up to a quarter, months for up to four years, years beyond."""
    if (end - start).days < MAX_DAYS:
        return "day"
    if months_between(start, end) <= MAX_MONTHS:
        return "month"
    return "year"


def months_between(start: datetime.date, end: datetime.date) -> int:
    """How many calendar months `start`..`end` touches."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def periods(start: datetime.date, end: datetime.date, unit: str) -> list[str]:
    """Every period key from `start` to `end`, in order."""
    if unit == "year":
        return [str(year) for year in range(start.year, end.year + 1)]
    if unit == "month":
        first = start.year * 12 + start.month - 1
        months = range(first, first + months_between(start, end))
        return [f"{m // 12}-{m % 12 + 1:02d}" for m in months]
    days = (end - start).days + 1
    return [(start + datetime.timedelta(days=n)).isoformat() for n in range(days)]


def label(key: str) -> str:
    """`2023` → `2023`; `2023-10` → `Oct 2023`; `2023-10-05` → `5 Oct 2023`."""
    parts = key.split("-")
    if len(parts) == 1:
        return key
    month = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {month}" if len(parts) == 3 else month


def narrow_url(query: QueryPairs, key: str) -> str:
    """The current query with its date range set to one period, back on page 1."""
    pairs = [(k, v) for k, v in query if k not in ("date_from", "date_to", "page")]
    return as_url([*pairs, ("date_from", key), ("date_to", key)])


def build_timeline(counts: DateCounts, query: QueryPairs, noun: str = "result") -> Timeline:
    """Bars for every period of the span (empty ones at zero height), scaled to the busiest."""
    found = dict(counts.counts)
    keys = periods(counts.start, counts.end, counts.unit)
    tallest = max(found.values(), default=0) or 1
    slot = WIDTH / max(len(keys), 1)
    width = min(slot * (1 - GAP), MAX_BAR)
    every = -(-len(keys) // AXIS_LABELS)  # ceiling: a label for every `every`-th period
    bars = []
    for n, key in enumerate(keys):
        count = found.get(key, 0)
        height = max(MIN_BAR, HEIGHT * count / tallest) if count else ZERO_BAR
        bars.append(
            Bar(
                key=key,
                label=label(key),
                count=count,
                url=narrow_url(query, key),
                x=round(n * slot + (slot - width) / 2, 2),
                y=round(HEIGHT - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                axis_label=label(key) if n % every == 0 else "",
            )
        )
    total = sum(bar.count for bar in bars)
    return Timeline(
        unit=counts.unit,
        bars=tuple(bars),
        total=total,
        summary=_summary(bars, total, counts.unit, noun),
        first_label=bars[0].label if bars else "",
        last_label=bars[-1].label if bars else "",
        counted=len(bars) <= COUNTED_BARS,
    )


def _summary(bars: list[Bar], total: int, unit: str, noun: str) -> str:
    if not bars:
        return "No dated results."
    plural = noun if total == 1 else f"{noun}s"
    text = f"Timeline: {total} dated {plural} by {unit}, {bars[0].label} to {bars[-1].label}"
    busiest = max(bars, key=lambda bar: bar.count)
    if busiest.count:
        text += f"; most in {busiest.label} ({busiest.count})"
    return text + "."
