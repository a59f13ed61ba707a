"""Headline, byline and boilerplate handling."""

from __future__ import annotations

from archive.extraction.cleanup import clean, unglue_section


def test_glued_section_name_is_cut():
    assert unglue_section("Lavrov on plans in South CaucasusPolitics") == (
        "Lavrov on plans in South Caucasus"
    )


def test_glued_economy_section_is_cut():
    assert unglue_section("Oil prices fall againEconomy") == "Oil prices fall again"


def test_headline_without_glue_is_kept():
    assert unglue_section("Talks in the New World") == "Talks in the New World"


def test_first_line_is_the_headline():
    cleaned = clean("Leaders meet in Baku\n\nThe leaders met on Monday.")
    assert (cleaned.title, cleaned.body) == ("Leaders meet in Baku", "The leaders met on Monday.")


def test_long_first_sentence_becomes_a_trimmed_title_and_stays_in_body():
    line = "The minister said " + "that the talks went well " * 8 + "and ended."
    cleaned = clean(line + "\n\nMore text.")
    assert cleaned.title.endswith("\u2026")
    assert len(cleaned.title) <= 121
    assert cleaned.body.startswith("The minister said")


def test_a_text_of_one_short_line_is_a_body_not_a_headline_over_nothing():
    cleaned = clean("compact memories have flexible capacities")
    assert cleaned.body == "compact memories have flexible capacities"
    assert cleaned.title == "compact memories have flexible capacities"


def test_date_marker_is_taken_out_of_the_body():
    cleaned = clean(" date 2023-01-30 Russia is working on it, the ministry said.")
    assert cleaned.marker == "2023-01-30"
    assert cleaned.body == "Russia is working on it, the ministry said."


def test_by_line_on_its_own_line():
    cleaned = clean("Headline here\nSome text.\nBy Naila Huseynova")
    assert (cleaned.byline, cleaned.body) == ("Naila Huseynova", "Some text.")


def test_trailing_name_dash_name_line_is_a_byline():
    cleaned = clean("Headline here\n\nSome text.\n\nahmad shirzadian - A.Akbari")
    assert (cleaned.byline, cleaned.body) == ("ahmad shirzadian - A.Akbari", "Some text.")


def test_ordinary_last_sentence_is_no_byline():
    cleaned = clean("Headline here\n\nThe talks - long and hard - ended.")
    assert cleaned.byline is None


def test_source_link_and_collected_notice_are_dropped():
    raw = (
        "Headline here\n\nReal text.\n\nThis news has been collected from reliable news "
        "agencies in the country. Click to enter the source.\n\nSource link"
    )
    assert clean(raw).body == "Real text."


def test_trailing_headline_list_with_dates_is_dropped():
    raw = "Headline\nReal text.\n\nOther story one\n03.Sep.2025\nOther story two\n02.Sep.2025"
    assert clean(raw).body == "Real text."


def test_single_trailing_dated_line_is_kept():
    raw = "Headline\nReal text.\nLast paragraph\n03.Sep.2025"
    assert "Last paragraph" in clean(raw).body


def test_given_title_is_used_and_repeated_first_line_dropped():
    cleaned = clean("Big news\n\nBody text.", title="Big news")
    assert (cleaned.title, cleaned.body) == ("Big news", "Body text.")


def test_leading_date_line_becomes_marker():
    cleaned = clean("Wednesday, January 23, 2019\n\nBody text.", title="T")
    assert (cleaned.marker, cleaned.body) == ("Wednesday, January 23, 2019", "Body text.")


def test_paragraphs_are_separated_by_blank_lines():
    cleaned = clean("Title\nFirst paragraph.\nSecond paragraph.")
    assert cleaned.body == "First paragraph.\n\nSecond paragraph."


def test_no_break_spaces_are_tidied():
    cleaned = clean("Title\n\nKey points:\u00a0 \u00a0\n\u00a0\nText.")
    assert cleaned.body == "Key points:\n\nText."


def test_glued_image_credit_is_dropped():
    cleaned = clean("Howie HawkinsImage: GreenIn2010.\n\nText.", title="T")
    assert cleaned.body == "Howie Hawkins\n\nText."


def test_caption_line_ending_in_a_credit_is_dropped():
    raw = "Real text.\n\nMarchers in the square. Image: Jane Doe (flickr).\n\nMore text."
    assert clean(raw, title="T").body == "Real text.\n\nMore text."


def test_map_legend_and_credit_lines_are_dropped():
    raw = "Real text.\n\n\u2588\u2588 Countries with cases\n\nImage: Jane Doe.\n\nMore text."
    assert clean(raw, title="T").body == "Real text.\n\nMore text."


def test_sentence_mentioning_an_image_is_kept():
    raw = "Real text.\n\nThe ministry released an image: it showed the damaged ship."
    assert "released an image" in clean(raw, title="T").body


def test_wire_copy_angle_brackets_around_names_are_dropped():
    cleaned = clean("<Harbour Freight Lines Inc> said it sold 5 pct of <HFL> shares.", "T")
    assert cleaned.body == "Harbour Freight Lines Inc said it sold 5 pct of HFL shares."
    untouched = "Use a <b> tag and x < y > z here."
    assert clean(untouched, "T").body == untouched


def test_hard_wrapped_wire_copy_is_rejoined_even_with_a_blank_line():
    raw = (
        "The bank said its chairman, appointed by President Jim\n"
        "Carter in 1979, would stay on.\n"
        "    The talks went on, said Treasury\n"
        "Secretary Ann Bell.\n"
        "    Rates fell.\n"
        "\n"
        "    Reuters\n"
    )
    body = clean(raw, "T").body
    assert "President Jim Carter in 1979" in body
    assert "Treasury Secretary Ann Bell" in body
