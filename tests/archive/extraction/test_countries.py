"""Country mentions: names, demonyms, capitals, variants, and what must not count."""

from __future__ import annotations

import datetime

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


def test_short_forms():
    assert find_countries("the UAE, the U.K. and the USA") == ["AE", "GB", "US"]


def test_more_demonyms():
    assert find_countries("an Afghan, a Filipino and a South Korean") == ["AF", "KR", "PH"]


def test_capital_as_speaker_counts():
    assert find_countries("Moscow said the deal was off.") == ["RU"]
    assert find_countries("Ankara\u2019s decision surprised many.") == ["TR"]


def test_capital_as_mere_place_does_not_count():
    assert find_countries("a fire broke out in Oslo on Monday") == []
    assert find_countries("a concert in Toronto") == []


def test_national_institutions():
    assert find_countries("the Parliament of Iraq and the Armenian Foreign Ministry") == [
        "AM",
        "IQ",
    ]
    assert find_countries("the Kremlin and the Bundestag") == ["DE", "RU"]


def test_us_states_are_not_countries():
    assert find_countries("New Mexico and Washington state") == []


def test_supranational_and_regions():
    assert find_countries("Latin America, the Middle East and NATO") == []


def test_historic_states():
    assert find_countries("the Soviet Union and East German troops") == ["DD", "SU"]
    assert find_countries("West German exports") == ["DE"]


def test_era_hint_maps_capitals_to_former_states():
    text = "Moscow said it would buy grain."
    assert find_countries(text) == ["RU"]
    assert find_countries(text, datetime.date(1987, 3, 2)) == ["SU"]
    assert find_countries("Bonn said so.", datetime.date(1987, 3, 2)) == ["DE"]
    assert find_countries("Bonn said so.") == []


def test_wire_datelines_give_the_country():
    assert find_countries("HOUSTON, March 2 - The company said.") == ["US"]
    assert find_countries("SPRINGFIELD, Ill., Feb 26 - Net profit rose.") == ["US"]
    assert find_countries("LONDON, Ontario, March 3 - Dividend raised.") == ["CA"]
    assert find_countries("TORONTO (Reuters) - Shares fell.") == ["CA"]


def test_dateline_city_in_running_text_does_not_count():
    assert find_countries("She moved to Houston, March 2 was her start.") == []


def test_shouted_headline_names():
    assert find_countries("IRAN AND CUBA SIGN PACT") == ["CU", "IR"]
    assert find_countries("TELL US WHY") == []


def test_surname_holland_is_not_the_netherlands():
    assert find_countries("Nikki Holland of the agency") == []
