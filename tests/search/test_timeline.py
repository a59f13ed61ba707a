from __future__ import annotations

import datetime

import pytest

from search.timeline import (
    DateCounts,
    DayCounts,
    build_timeline,
    date_counts,
    day_date,
    day_number,
    label,
    narrow_url,
    period_key,
    periods,
    shown_span,
    unit_for,
)

D = datetime.date


def test_the_unit_follows_the_span():
    assert unit_for(D(2023, 10, 1), D(2023, 10, 31)) == "day"
    assert unit_for(D(2023, 1, 1), D(2023, 3, 31)) == "day"
    assert unit_for(D(2023, 1, 1), D(2023, 12, 31)) == "month"
    assert unit_for(D(2020, 1, 1), D(2023, 12, 31)) == "month"
    assert unit_for(D(2019, 1, 1), D(2023, 12, 31)) == "year"


def test_periods_cover_the_whole_span():
    assert periods(D(2021, 5, 1), D(2023, 2, 1), "year") == ["2021", "2022", "2023"]
    assert periods(D(2022, 11, 15), D(2023, 2, 1), "month") == [
        "2022-11",
        "2022-12",
        "2023-01",
        "2023-02",
    ]
    assert periods(D(2024, 2, 28), D(2024, 3, 1), "day") == [
        "2024-02-28",
        "2024-02-29",
        "2024-03-01",
    ]


def test_labels():
    assert [label("2023"), label("2023-10"), label("2023-10-05")] == [
        "2023",
        "Oct 2023",
        "5 Oct 2023",
    ]


def test_the_span_is_the_chosen_range_with_open_ends_closed_by_the_data():
    first, last = D(2021, 1, 5), D(2023, 3, 1)
    assert shown_span(None, None, first, last) == (first, last)
    assert shown_span(D(2023, 1, 1), D(2023, 12, 31), first, last) == (
        D(2023, 1, 1),
        D(2023, 12, 31),
    )
    assert shown_span(D(2022, 1, 1), None, first, last) == (D(2022, 1, 1), last)
    # A thousand empty years are clipped to the results.
    assert shown_span(D(1000, 1, 1), None, first, last) == (first, last)


def test_a_bar_link_narrows_the_dates_to_its_period_on_page_one():
    query = [("q", "iran"), ("date_from", "2021"), ("country", "AM"), ("page", "3")]
    assert narrow_url(query, "2023-10") == "?q=iran&country=AM&date_from=2023-10&date_to=2023-10"


def test_bars_are_scaled_to_the_busiest_with_empty_periods_at_zero():
    counts = DateCounts("year", D(2021, 1, 1), D(2023, 12, 31), (("2021", 2), ("2023", 4)))
    timeline = build_timeline(counts, [("q", "iran")])
    # Bars are at most 48 wide, centred in their slot; an empty year is a sliver at zero.
    assert [(b.key, b.label, b.count, b.x, b.y, b.width, b.height) for b in timeline.bars] == [
        ("2021", "2021", 2, 76.0, 40.0, 48.0, 40.0),
        ("2022", "2022", 0, 276.0, 79.0, 48.0, 1.0),
        ("2023", "2023", 4, 476.0, 0.0, 48.0, 80.0),
    ]
    assert [b.axis_label for b in timeline.bars] == ["2021", "2022", "2023"]
    assert timeline.counted and timeline.first_key == "2021"
    assert timeline.bars[0].url == "?q=iran&date_from=2021&date_to=2021"
    assert timeline.total == 6
    assert (timeline.first_label, timeline.last_label) == ("2021", "2023")
    assert timeline.summary == "Timeline: 6 dated results by year, 2021 to 2023; most in 2023 (4)."


def test_a_single_result_among_many_still_shows():
    counts = DateCounts("month", D(2023, 1, 1), D(2023, 2, 28), (("2023-01", 1000), ("2023-02", 1)))
    bars = build_timeline(counts, [], noun="statement").bars
    assert [b.height for b in bars] == [80.0, 2.0]


def test_the_summary_names_the_noun_and_unit():
    counts = DateCounts("day", D(2023, 10, 26), D(2023, 10, 26), (("2023-10-26", 1),))
    timeline = build_timeline(counts, [], noun="statement")
    assert timeline.summary == (
        "Timeline: 1 dated statement by day, 26 Oct 2023 to 26 Oct 2023; most in 26 Oct 2023 (1)."
    )


DAYS = {
    datetime.date(2021, 12, 10): 1,
    datetime.date(2023, 1, 18): 2,
    datetime.date(2023, 1, 20): 1,
    datetime.date(2023, 10, 26): 1,
}


def test_day_counts_become_periods_of_the_span_shown():
    assert date_counts(DAYS, None, None) == DateCounts(
        "month",
        datetime.date(2021, 12, 10),
        datetime.date(2023, 10, 26),
        (("2021-12", 1), ("2023-01", 3), ("2023-10", 1)),
    )
    one_year = date_counts(DAYS, datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    assert one_year is not None
    assert one_year.start == datetime.date(2023, 1, 1)
    in_january = {day: n for day, n in DAYS.items() if (day.year, day.month) == (2023, 1)}
    january = date_counts(in_january, datetime.date(2023, 1, 1), datetime.date(2023, 1, 31))
    assert january is not None
    assert (january.unit, january.counts) == ("day", (("2023-01-18", 2), ("2023-01-20", 1)))
    wide = date_counts(DAYS, datetime.date(1990, 1, 1), None)
    assert wide is not None
    assert (wide.start, wide.unit, wide.counts) == (
        D(1990, 1, 1),
        "year",
        (("2021", 1), ("2023", 4)),
    )
    assert date_counts({}, None, None) is None


def test_day_counts_read_as_a_mapping_of_dates():
    days = DayCounts.of(DAYS)
    assert days == DAYS  # and the other way round:
    assert DAYS == days  # noqa: SIM300
    assert list(days) == sorted(DAYS) and len(days) == 4
    assert days[datetime.date(2023, 1, 18)] == 2
    assert days.get(datetime.date(2023, 1, 19)) is None
    with pytest.raises(KeyError):
        days[datetime.date(1999, 1, 1)]  # noqa: B018
    assert (days.first(), days.last()) == (min(DAYS), max(DAYS))
    assert DayCounts() == {} and not DayCounts()


def test_day_counts_total_by_period():
    days = DayCounts.of(DAYS)
    assert days.totals("year") == [(2021, 1), (2023, 4)]
    assert days.totals("month") == [(202112, 1), (202301, 3), (202310, 1)]
    assert days.totals("day")[1] == (20230118, 2)
    assert days.of_year(2023).totals("month") == [(202301, 3), (202310, 1)]
    assert DayCounts().totals("year") == []


@pytest.mark.parametrize(
    ("day", "unit", "key"),
    [
        (D(2023, 10, 5), "year", "2023"),
        (D(2023, 10, 5), "month", "2023-10"),
        (D(2023, 10, 5), "day", "2023-10-05"),
        (D(999, 1, 5), "year", "0999"),
        (D(999, 1, 5), "day", "0999-01-05"),
    ],
)
def test_a_periods_key_is_the_start_of_its_days_iso_dates(day, unit, key):
    ((number, _),) = DayCounts.of({day: 1}).totals(unit)
    assert period_key(number, unit) == key and day.isoformat().startswith(key)
    assert day_date(day_number(day)) == day
