from __future__ import annotations

import datetime

from search.facets import FacetValue, build_facets, page_url, selected_year, toggle_url
from search.query import SearchParams


def test_toggle_adds_a_value_and_resets_the_page():
    query = [("q", "3+3"), ("country", "IR"), ("page", "2")]
    assert toggle_url(query, "country", "RU", False) == "?q=3%2B3&country=IR&country=RU"


def test_toggle_removes_a_selected_value():
    query = [("q", "x"), ("country", "IR"), ("country", "RU")]
    assert toggle_url(query, "country", "IR", True) == "?q=x&country=RU"


def test_toggle_year_sets_and_clears_the_date_range():
    query = [("q", "x"), ("date_from", "2020")]
    assert toggle_url(query, "year", "2023", False) == "?q=x&date_from=2023&date_to=2023"
    assert toggle_url([("date_from", "2023"), ("date_to", "2023")], "year", "2023", True) == "?"


def test_page_url():
    assert page_url([("q", "x"), ("page", "3")], 2) == "?q=x&page=2"
    assert page_url([("q", "x"), ("page", "3")], 1) == "?q=x"


def test_selected_year_only_for_a_whole_year():
    whole = SearchParams(date_from=datetime.date(2023, 1, 1), date_to=datetime.date(2023, 12, 31))
    part = SearchParams(date_from=datetime.date(2023, 1, 1), date_to=datetime.date(2023, 6, 30))
    assert selected_year(whole) == "2023"
    assert selected_year(part) is None


def test_build_facets_labels_counts_and_keeps_selected_values_at_zero():
    params = SearchParams(countries=("IR", "GR"))
    counts = {"country": [("RU", 3), ("IR", 2)], "speaker": [], "year": [("2023", 2)]}
    labels = {"country": {"RU": "Russia", "IR": "Iran", "GR": "Greece"}}
    query = [("country", "IR"), ("country", "GR")]
    [country, speaker, year] = build_facets(counts, params, labels, query)
    assert country.values == (
        FacetValue("RU", "Russia", 3, False, "?country=IR&country=GR&country=RU"),
        FacetValue("IR", "Iran", 2, True, "?country=GR"),
        FacetValue("GR", "Greece", 0, True, "?country=IR"),
    )
    assert speaker.values == ()
    assert year.values == (
        FacetValue("2023", "2023", 2, False, "?country=IR&country=GR&date_from=2023&date_to=2023"),
    )
