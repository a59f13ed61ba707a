"""Calendar dates, the article date and dateline sources."""

from __future__ import annotations

import datetime

import pytest

from archive.extraction import extract
from archive.extraction.dates import (
    article_date,
    complete_years,
    find_date_mentions,
    find_dateline,
    iso_dates,
)


def _iso(text: str, anchor: datetime.date | None = None) -> tuple[str, ...]:
    return iso_dates(complete_years(find_date_mentions(text), anchor, text))


def test_month_day_year():
    assert _iso("met in Moscow, October 26, 2023.") == ("2023-10-26",)


def test_day_month_year():
    assert _iso("signed on 9 November 2020 and 26 October 2023") == ("2020-11-09", "2023-10-26")


def test_month_and_year():
    assert _iso("in December 2021 and in October 2024") == ("2021-12", "2024-10")


def test_month_of_year():
    assert _iso("launched in January of 2022") == ("2022-01",)


def test_iso_date():
    assert _iso("published 2023-01-30 here") == ("2023-01-30",)


def test_capitalised_dateline_month():
    assert _iso("STEPANAKERT, JANUARY 30, 2023, ARMENPRESS") == ("2023-01-30",)


def test_day_without_year_takes_the_article_year():
    assert _iso("held on October 23", datetime.date(2023, 10, 26)) == ("2023-10-23",)


def test_day_without_year_near_new_year_takes_previous_year():
    assert _iso("on December 30", datetime.date(2019, 1, 4)) == ("2018-12-30",)


def test_day_without_year_takes_nearest_dated_mention():
    assert _iso("In March 2019 it began; on April 2 it ended.") == ("2019-03", "2019-04-02")


OCTOBER_STORY, JANUARY_STORY = datetime.date(2019, 10, 2), datetime.date(2019, 1, 22)


@pytest.mark.parametrize(
    ("text", "anchor", "found"),
    [
        ("Hurricane Dorian followed in late August.", OCTOBER_STORY, ("2019-08",)),
        ("In September, the governor dissolved parliament.", OCTOBER_STORY, ("2019-09",)),
        ("She stayed until June, endorsing him in July.", OCTOBER_STORY, ("2019-06", "2019-07")),
        ("The book is due out in May.", JANUARY_STORY, ("2019-05",)),  # ahead of the story
        ("May he rest in peace; the march went on.", JANUARY_STORY, ()),
        ("The platform was launched in January of 2022.", OCTOBER_STORY, ("2022-01",)),
    ],
)
def test_a_month_alone_after_a_preposition_is_a_date(text, anchor, found):
    assert _iso(text, anchor) == found


def test_a_year_in_the_same_sentence_completes_a_day_without_one():
    text = "Before the 2020 election on November 3, polls narrowed. In 2016 it was close."
    assert _iso(text) == ("2020-11-03",)


def test_a_month_alone_takes_no_year_from_a_date_of_another_sentence():
    assert _iso("It began on April 2, 1987. Sales rose in March.") == ("1987-04-02",)


def test_day_without_any_year_is_dropped():
    assert _iso("held on October 23") == ()


def test_bare_years_and_lowercase_may_are_not_dates():
    assert _iso("between 2020 and 2022 we may 5 times") == ()


def test_impossible_day_is_ignored():
    assert _iso("on February 30, 2020") == ()


def test_marker_gives_article_date():
    assert article_date("2023-01-30", "Text.") == datetime.date(2023, 1, 30)


def test_date_line_gives_article_date():
    assert article_date("Wednesday, January 23, 2019", "Text.") == datetime.date(2019, 1, 23)


def test_caption_gives_article_date():
    body = "Two men meet in Moscow, October 26, 2023. (Photo by IRNA)\n\nText on November 9, 2020."
    assert article_date(None, body) == datetime.date(2023, 10, 26)


def test_dates_in_running_text_are_no_article_date():
    assert article_date(None, "Statements made on November 9, 2020 matter.") is None


def test_dateline_with_year_gives_article_date():
    body = "Intro.\n\nMOSCOW, March 2, 2021 (Reuters) - Text."
    assert article_date(None, body) == datetime.date(2021, 3, 2)


def test_dateline_agency_is_the_last_one():
    dateline = find_dateline("Intro.\n\nSTEPANAKERT, JANUARY 30, ARTSAKHPRESS-ARMENPRESS: Text")
    assert dateline.agency == "ARMENPRESS"


def test_dateline_agency_in_brackets():
    assert find_dateline("MOSCOW (Reuters) - Text.").agency == "Reuters"


def test_no_dateline_in_plain_text():
    assert find_dateline("Russia is working, the ministry said.") is None


def test_dateline_without_year_takes_the_year_of_the_article():
    body = "BUENOS AIRES, March 2 - The bank said on January 30, 2021 it would act."
    assert article_date(None, body) == datetime.date(2021, 3, 2)


def test_shouted_dateline_takes_year_from_later_paragraph():
    body = (
        "Intro line.\n\nSTEPANAKERT, JANUARY 30, ARTSAKHPRESS: Text.\n\nIn December 2022 it began."
    )
    assert article_date(None, body) == datetime.date(2023, 1, 30)


def test_dateline_without_any_year_gives_no_date():
    assert article_date(None, "BUENOS AIRES, March 2 - The bank said it would act.") is None


def test_dateline_with_state_after_city():
    body = "PORTLAND, Ore., Feb 26, 2021 - The company said it would act."
    assert article_date(None, body) == datetime.date(2021, 2, 26)


def test_article_date_counts_as_mentioned():
    mentions = complete_years(find_date_mentions("It began on March 1."), None)
    assert iso_dates(mentions, datetime.date(2019, 1, 23)) == ("2019-01-23",)


def test_month_abbreviation_with_full_stop():
    assert _iso("on Oct. 26, 2023 and Sept. 3, 2023") == ("2023-09-03", "2023-10-26")


def test_iso_and_day_month_year_in_same_text():
    assert _iso("From 2019-01-04 to 4 March 2019.") == ("2019-01-04", "2019-03-04")


def test_undated_days_take_the_article_s_only_year():
    body = "Iowa held its caucuses on February 3 and Nevada on February 22, in March too."
    result = extract(body, title="Sanders leads the 2020 primaries")
    assert result.dates_mentioned == ("2020-02-03", "2020-02-22", "2020-03")  # the headline's
    two_years = extract(body, title="From the 2016 race to the 2020 primaries")
    assert two_years.dates_mentioned == ()


def test_undated_days_and_months_take_the_headline_s_year_before_the_body_s_others():
    body = (
        "It is four years after the 2016 race. Iowa held its caucuses on February 3. The "
        "network had first applied in July 2019. Nevada votes in March."
    )
    result = extract(body, title="2020 United States presidential election: Sanders leads")
    assert result.dates_mentioned == ("2019-07", "2020-02-03", "2020-03")
    untitled = extract(body, title="Sanders leads")
    assert "2020-02-03" not in untitled.dates_mentioned


def test_an_ordinal_day_of_a_month_is_one_day_and_mid_month_a_month():
    body = (
        "Monday, March 2, 2020\n\nThe talks, held on the 4th of March, ended. "
        "Results are due mid-April."
    )
    assert extract(body, title="T").dates_mentioned == ("2020-03-02", "2020-03-04", "2020-04")


def test_this_past_month_takes_the_year_written_nearby():
    body = "At the virtual 2020 convention this past May, she won the nomination."
    assert "2020-05" in extract(body, title="T").dates_mentioned


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks on March 5 went well.", ("2019-03-05",)),
        ("The talks were held in March.", ("2019-03",)),
        ("The talks will be held on March 5.", ("2020-03-05",)),
        ("The talks are on March 5.", ("2020-03-05",)),  # no tense: the nearest March 5
        ("He was elected and intends to leave by the end of January.", ("2020-01",)),
    ],
)
def test_the_sentence_s_tense_picks_the_year_on_its_side_of_the_article_date(sentence, expected):
    assert _iso(sentence, datetime.date(2019, 10, 21)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "from 10 to 12 December",
        "on December 10-12",
        "from December 10 to 12",
        "between 10 and 12 December",
    ],
)
def test_both_ends_of_a_range_of_days(text):
    assert _iso(f"The summit ran {text} 2019.".replace(" 2019.", ", 2019.")) == (
        "2019-12-10",
        "2019-12-12",
    )


def test_a_number_after_and_is_no_second_day():
    assert _iso("On September 3 and 4 pct of voters left.", datetime.date(2019, 10, 21)) == (
        "2019-09-03",
    )
