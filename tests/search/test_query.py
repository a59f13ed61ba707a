from __future__ import annotations

import datetime

import pytest

from search.query import (
    SearchParams,
    canonical_pairs,
    date_error,
    parse_date_bound,
    parse_params,
)
from search.query_tree import Everything, SearchQuery, Term


def params(**data):
    return parse_params({k: v if isinstance(v, list) else [v] for k, v in data.items()})


def test_empty_query_string_gives_defaults():
    assert parse_params({}) == SearchParams()
    assert SearchQuery(Everything(), SearchParams()).effective_sort == "newest"


def test_words_are_kept_and_whitespace_folded():
    assert params(q="  Lavrov   3+3 ").q == "Lavrov 3+3"
    assert SearchQuery(Term("Lavrov"), params(q="Lavrov")).effective_sort == "relevance"


def test_countries_are_uppercased_and_deduplicated_and_a_bad_code_matches_nothing():
    # Dropping "Iran" would widen the results; kept, it matches nothing, and says so.
    parsed = params(country=["ir", "RU", "IR", "Iran", ""])
    assert parsed.countries == ("IR", "RU", "IRAN")
    assert parsed.notices == ("No country is called 'IRAN'; nothing matches it.",)


@pytest.mark.parametrize("value", ["a b", "é", "a.b", "<script>", "x/y"])
def test_a_speaker_that_is_not_a_slug_matches_nothing_with_a_notice(value):
    parsed = params(speaker=[value])
    assert parsed.speakers == (value,)
    assert parsed.notices == (f"No speaker is called {value!r}; nothing matches it.",)


def test_control_characters_are_removed_and_values_are_bounded():
    parsed = params(q="Lav\x00rov", source=["Reu\x00ters", "x" * 500], speaker=["\x00"])
    assert parsed.q == "Lavrov"
    assert parsed.sources == ("Reuters", "x" * 200)
    assert parsed.speakers == ()
    assert parsed.notices == ()


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


def test_bad_date_is_ignored_and_kept_as_typed_for_its_field():
    result = params(date_from="soon")
    assert result.date_from is None
    assert result.date_errors == (("date_from", "soon"),)
    assert date_error("soon") == (
        "“soon” is not a date we can read: use 2023, 2023-10, 2023-10-05, June 2019 or 5 Oct 2023."
    )


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("June 2019", datetime.date(2019, 6, 1), datetime.date(2019, 6, 30)),
        ("jun 2019", datetime.date(2019, 6, 1), datetime.date(2019, 6, 30)),
        ("5 Oct 2023", datetime.date(2023, 10, 5), datetime.date(2023, 10, 5)),
        ("5th October, 2023", datetime.date(2023, 10, 5), datetime.date(2023, 10, 5)),
        ("Oct 5, 2023", datetime.date(2023, 10, 5), datetime.date(2023, 10, 5)),
        ("2023/10/05", datetime.date(2023, 10, 5), datetime.date(2023, 10, 5)),
        ("Sept. 2020", datetime.date(2020, 9, 1), datetime.date(2020, 9, 30)),
        ("31 Feb 2020", None, None),
        ("Someday 2020", None, None),
        ("5 June 6 2020", None, None),
    ],
)
def test_dates_as_people_write_them(text, start, end):
    assert parse_date_bound(text, start=True) == start
    assert parse_date_bound(text, start=False) == end


def test_a_search_has_one_canonical_address():
    given = [
        ("date_to", ""),
        ("country", "GB"),
        ("mode", "articles"),
        ("q", "election"),
        ("sort", "relevance"),
        ("page", "1"),
        ("country", "US"),
        ("country", "GB"),
        ("q", "ignored"),
        ("utm_source", "x"),
    ]
    assert canonical_pairs(given) == [("q", "election"), ("country", "GB"), ("country", "US")]
    assert canonical_pairs([("page", "2"), ("sort", "newest"), ("mode", "statements")]) == [
        ("mode", "statements"),
        ("sort", "newest"),
        ("page", "2"),
    ]


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
    result = params(q="a" * 6000)
    assert len(result.q) == 5000
    assert result.notices == ("The query was cut to its first 5000 characters.",)


@pytest.mark.parametrize(
    ("text", "exact"), [("1", True), ("true", True), ("on", True), ("0", False), ("", False)]
)
def test_exact_asks_for_the_words_as_typed(text, exact):
    assert params(q="Lavrv", exact=text).exact is exact
