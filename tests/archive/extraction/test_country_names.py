from archive.extraction import country_name


def test_short_names_for_labels():
    assert country_name("RU") == "Russia"
    assert country_name("IR") == "Iran"
    assert country_name("TR") == "Türkiye"
    assert country_name("PS") == "Palestine"
    assert country_name("am") == "Armenia"


def test_historic_and_unknown_codes():
    assert country_name("SU") == "Soviet Union"
    assert country_name("ZZ") == "ZZ"
