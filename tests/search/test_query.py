from __future__ import annotations

import datetime

import pytest

from search.query import SearchParams, parse_date_bound, parse_params


def params(**data):
    return parse_params({k: v if isinstance(v, list) else [v] for k, v in data.items()})


def test_empty_query_string_gives_defaults():
    assert parse_params({}) == SearchParams()
    assert SearchParams().effective_sort == "newest"


def test_words_are_kept_and_whitespace_folded():
    assert params(q="  Lavrov   3+3 ").q == "Lavrov 3+3"
    assert params(q="Lavrov").effective_sort == "relevance"


def test_countries_are_uppercased_deduplicated_and_invalid_codes_dropped():
    assert params(country=["ir", "RU", "IR", "Iran", ""]).countries == ("IR", "RU")


def test_speakers_keep_their_order():
    assert params(speaker=["sergei-lavrov", "maria-zakharova"]).speakers == (
        "sergei-lavrov",
        "maria-zakharova",
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        ("2023-10-05", datetime.date(2023, 10, 5), datetime.date(2023, 10, 5)),
        ("2023-13", None, None),
        ("yesterday", None, None),
    ],
)
def test_date_bounds(text, start, end):
    assert parse_date_bound(text, start=True) == start
    assert parse_date_bound(text, start=False) == end


def test_bad_date_is_ignored_with_a_notice():
    result = params(date_from="soon")
    assert result.date_from is None
    assert result.notices == (
        "Ignored date_from='soon': use a date like 2023, 2023-10 or 2023-10-05.",
    )


def test_reversed_range_is_swapped():
    result = params(date_from="2024", date_to="2023")
    assert (result.date_from, result.date_to) == (
        datetime.date(2023, 1, 1),
        datetime.date(2024, 12, 31),
    )


def test_unknown_sort_falls_back_to_relevance_with_notice():
    result = params(sort="random")
    assert result.sort == "relevance"
    assert result.notices == ("Unknown sort 'random'; sorted by relevance.",)


@pytest.mark.parametrize(("text", "page"), [("3", 3), ("0", 1), ("-2", 1), ("x", 1), ("", 1)])
def test_page(text, page):
    assert params(page=text).page == page


def test_overlong_query_is_cut():
    result = params(q="a" * 600)
    assert len(result.q) == 500
    assert result.notices == ("The query was cut to its first 500 characters.",)
