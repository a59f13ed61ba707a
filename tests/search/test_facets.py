from __future__ import annotations

import datetime

import pytest

from archive.models import Person
from search.backends.base import SearchResults
from search.facets import (
    FacetValue,
    build_facets,
    date_facet_counts,
    page_url,
    selected_month,
    selected_year,
    toggle_query,
    toggle_url,
    within_limit,
)
from search.query import SearchParams
from search.service import _labels


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
    [country, speaker, source, year] = build_facets(counts, params, labels, query)
    # Chosen values first (in the order chosen), then the others by count.
    assert country.values == (
        FacetValue("IR", "Iran", 2, True, "?country=GR"),
        FacetValue("GR", "Greece", 0, True, "?country=IR"),
        FacetValue("RU", "Russia", 3, False, "?country=IR&country=GR&country=RU"),
    )
    assert speaker.values == source.values == ()
    assert year.values == (
        FacetValue("2023", "2023", 2, False, "?country=IR&country=GR&date_from=2023&date_to=2023"),
    )


def test_month_facet_appears_within_one_year_and_unticks_back_to_the_year():
    params = SearchParams(date_from=datetime.date(2023, 10, 1), date_to=datetime.date(2023, 10, 31))
    counts = {"year": [("2023", 3)], "month": [("2023-01", 1), ("2023-10", 2)]}
    query = [("date_from", "2023-10"), ("date_to", "2023-10")]
    month = build_facets(counts, params, {}, query)[-1]
    assert month.name == "month"
    assert month.values == (
        FacetValue("2023-01", "2023-01", 1, False, "?date_from=2023-01&date_to=2023-01"),
        FacetValue("2023-10", "2023-10", 2, True, "?date_from=2023&date_to=2023"),
    )
    assert selected_month(params) == "2023-10"


def test_long_facets_are_cut_and_say_so():
    counts = {"speaker": [(f"p{i}", 20 - i) for i in range(15)]}
    speaker = build_facets(counts, SearchParams(), {}, [])[1]
    assert len(speaker.values) == 10
    assert (speaker.truncated, speaker.total_values) == (True, 15)
    everything = build_facets(counts, SearchParams(), {}, [], limits={})[1]
    assert len(everything.values) == 15


def test_toggle_query_replaces_one_parameter():
    assert toggle_query([("q", "lavrv"), ("page", "2"), ("country", "RU")], "q", "lavrov") == (
        "?q=lavrov&country=RU"
    )


def test_date_facets_count_years_and_the_months_of_one_year():
    days = {
        datetime.date(2021, 12, 10): 1,
        datetime.date(2023, 1, 18): 2,
        datetime.date(2023, 10, 26): 1,
    }
    assert date_facet_counts(days, None, None) == {
        "year": [("2023", 3), ("2021", 1)],
        "month": [],
    }
    in_2023 = date_facet_counts(days, datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    assert in_2023["month"] == [("2023-01", 2), ("2023-10", 1)]
    assert in_2023["year"] == [("2023", 3), ("2021", 1)]
    across = date_facet_counts(days, datetime.date(2021, 1, 1), datetime.date(2023, 6, 30))
    assert across["month"] == []


def test_speaker_values_link_to_their_pages_when_known():
    pages = {"sergey-lavrov": "/speakers/sergey-lavrov/"}
    counts = {"speaker": [("sergey-lavrov", 3), ("nobody", 1)]}
    labels = {"speaker": {"sergey-lavrov": "Sergey Lavrov"}}
    groups = build_facets(counts, SearchParams(), labels, [], links={"speaker": pages})
    speaker = next(g for g in groups if g.name == "speaker")
    assert [(v.value, v.page_url) for v in speaker.values] == [
        ("sergey-lavrov", "/speakers/sergey-lavrov/"),
        ("nobody", None),
    ]


@pytest.mark.django_db
def test_only_the_speakers_a_facet_shows_are_named():
    people = [Person.objects.create(name=f"Speaker {n:02}") for n in range(12)]
    counts = [(p.slug, 12 - n) for n, p in enumerate(people)]
    results = SearchResults(0, (), {"speaker": counts}, 1, 1)
    chosen = SearchParams(speakers=(people[11].slug,))
    labels = _labels(results, chosen, {"speaker": 3})
    assert set(labels["speaker"]) == {p.slug for p in people[:3]} | {people[11].slug}
    assert len(_labels(results, SearchParams(), {})["speaker"]) == 12  # no limit: all
    assert within_limit([1, 2, 3], "speaker", {"speaker": 2}) == [1, 2]


def test_ties_are_ordered_by_label_and_ten_values_show_before_show_all():
    codes = ["AS", "AZ", "BY", "CA", "CH", "DE", "FR", "GB", "IR", "RU", "US", "AM"]
    names = {"AS": "American Samoa", "AZ": "Azerbaijan", "BY": "Belarus", "CA": "Canada"}
    names |= {"CH": "Switzerland", "DE": "Germany", "FR": "France", "GB": "United Kingdom"}
    names |= {"IR": "Iran", "RU": "Russia", "US": "United States", "AM": "Armenia"}
    counts = {"country": [("RU", 5), *((code, 1) for code in codes if code != "RU")]}
    [country, *_] = build_facets(counts, SearchParams(), {"country": names}, [])
    assert [v.label for v in country.values] == [
        "Russia",
        "American Samoa",
        "Armenia",
        "Azerbaijan",
        "Belarus",
        "Canada",
        "France",
        "Germany",
        "Iran",
        "Switzerland",
    ]
    assert country.truncated and country.total_values == 12


def test_a_country_typed_in_the_query_is_ticked_and_unticking_edits_the_text():
    counts = {"country": [("GB", 4), ("IR", 2)]}
    typed = {"country": {"IR": "?q=election"}}
    labels = {"country": {"GB": "United Kingdom", "IR": "Iran"}}
    query = [("q", "election country:Iran")]
    [country, *_] = build_facets(
        counts, SearchParams(q="election country:Iran"), labels, query, typed=typed
    )
    iran = country.values[0]
    assert (iran.value, iran.selected, iran.typed, iran.toggle_url) == (
        "IR",
        True,
        True,
        "?q=election",
    )
    assert not country.values[1].selected
