"""Date histograms of search results: periods, bucket sizes and SVG bar geometry (pure)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

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
# A period's key is the start of a day's ISO date: `2023`, `2023-10` or `2023-10-05`.
KEY_WIDTHS = {"year": 4, "month": 7, "day": 10}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# What a backend counts: results per day (undated ones left out).
DayCounts = dict[datetime.date, int]


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
    days: DayCounts, date_from: datetime.date | None, date_to: datetime.date | None
) -> DateCounts | None:
    """Results per year, month or day, by the span shown; None when none is dated."""
    if not days:
        return None
    start, end = shown_span(date_from, date_to, min(days), max(days))
    unit = unit_for(start, end)
    width = KEY_WIDTHS[unit]
    counts: Counter[str] = Counter()
    for day, count in days.items():  # a page counts about a thousand days: kept lean
        counts[day.isoformat()[:width]] += count
    return DateCounts(unit, start, end, tuple(sorted(counts.items())))


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
