"""Country mentions: names, demonyms, capitals, variants, and what must not count."""

from __future__ import annotations

from archive.extraction.countries import find_countries


def test_plain_names():
    assert find_countries("Armenia, Georgia and Azerbaijan") == ["AM", "AZ", "GE"]


def test_demonym():
    assert find_countries("the Iranian minister") == ["IR"]


def test_hyphenated_demonyms():
    assert find_countries("Armenian-Azerbaijani relations") == ["AM", "AZ"]


def test_palestinian_demonym():
    assert find_countries("the Palestinian movement") == ["PS"]


def test_capital_as_metonym():
    assert find_countries("talks between Ankara and Yerevan") == ["AM", "TR"]


def test_turkiye_and_turkey_variants():
    assert find_countries("Türkiye") == find_countries("Turkey") == ["TR"]


def test_official_name_variant():
    assert find_countries("the Republic of Azerbaijan") == ["AZ"]


def test_abbreviations_are_case_sensitive():
    assert find_countries("the U.S. and the UK") == ["GB", "US"]
    assert find_countries("tell us about it") == []


def test_regions_are_not_countries():
    assert find_countries("the South Caucasus and Central Asia") == []


def test_american_continents_are_not_the_us():
    assert find_countries("North and South American countries") == []


def test_supranational_bodies_are_not_countries():
    assert find_countries("NATO, the EU, the UN, BRICS and the CSTO") == []


def test_whole_words_only():
    assert find_countries("Caliber.Az and Omanisation and Iranology") == []


def test_possessive_counts():
    assert find_countries("Russia\u2019s position") == ["RU"]


def test_ambiguous_name_inside_a_persons_name():
    assert find_countries("Jordan Peterson spoke") == []
    assert find_countries("King of Jordan") == ["JO"]


def test_us_state_georgia_is_not_the_country():
    assert find_countries("a runoff in Atlanta, Georgia") == []


def test_dateline_capitals():
    assert find_countries("MOSCOW, Oct 26 (Reuters)") == ["RU"]
