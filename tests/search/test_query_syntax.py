"""Each piece of query syntax → what the index is asked (pure: no database, no index)."""

from __future__ import annotations

import datetime

import pytest

from search.query_syntax import prepare

COUNTRIES = {"armenian": "AM", "armenia": "AM", "am": "AM", "turkey": "TR", "tr": "TR"}
ALIASES = {
    "turkey": ["Turkey", "Türkiye"],
    "sergey lavrov": ["Sergei Lavrov", "Sergey Lavrov"],
}


def run(q: str):
    return prepare(q, lambda v: COUNTRIES.get(v.lower()), lambda t: ALIASES.get(t.lower(), []))


@pytest.mark.parametrize(
    ("q", "text"),
    [
        ("Lavrov 3+3", "Lavrov 3+3"),
        ('"South Caucasus" talks', '"South Caucasus" talks'),
        ("Iran AND Russia", "Iran AND Russia"),
        ("Iran OR Russia", "Iran OR Russia"),
        ("Iran NOT Russia", "Iran NOT Russia"),
        ("Iran -Russia", "Iran NOT Russia"),
        ("+Iran Russia", "Iran Russia"),
        ("(Iran OR Russia) AND talks", "( Iran OR Russia ) AND talks"),
        ("minist*", "minist*"),
        ("Lavrv~", "Lavrv~"),
        ("title:Lavrov", "title:Lavrov"),
        ('title:"South Caucasus"', 'title:"South Caucasus"'),
        ("speaker:Lavrov 3+3", "speaker_names:Lavrov 3+3"),
        ("source:ARMENPRESS", "source_text:ARMENPRESS"),
        ("country:Armenian", "countries:AM"),
        ("country:am talks", "countries:AM talks"),
        ("Turkey relations", "(Turkey OR Türkiye) relations"),
        ("Sergey Lavrov said", '("Sergei Lavrov" OR "Sergey Lavrov") said'),
        ('"Sergey Lavrov"', '("Sergei Lavrov" OR "Sergey Lavrov")'),
        ("Turkey*", "Turkey*"),
    ],
)
def test_syntax(q, text):
    result = run(q)
    assert result.text == text
    assert result.notices == []


@pytest.mark.parametrize(
    ("q", "start", "end"),
    [
        ("date:2023", datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)),
        ("date:2023-10", datetime.date(2023, 10, 1), datetime.date(2023, 10, 31)),
        ("date:[2021-01 TO 2022-06]", datetime.date(2021, 1, 1), datetime.date(2022, 6, 30)),
        ("date:[2021 TO *]", datetime.date(2021, 1, 1), None),
        ("date:2022 date:2022-05", datetime.date(2022, 5, 1), datetime.date(2022, 5, 31)),
    ],
)
def test_date_ranges_become_filters(q, start, end):
    result = run(q)
    assert (result.text, result.date_from, result.date_to) == ("", start, end)


@pytest.mark.parametrize(
    ("q", "text", "notice"),
    [
        ('"unclosed phrase', "unclosed phrase", "An unclosed quote was ignored."),
        ("(Iran OR Russia", "Iran OR Russia", "Unbalanced parentheses were ignored."),
        ("Iran)", "Iran", "Unbalanced parentheses were ignored."),
        (
            "author:Smith talks",
            "author Smith talks",
            "There is no field 'author'; searched for author Smith as words.",
        ),
        ("country:Narnia", "Narnia", "No country called 'Narnia'; searched for the word instead."),
        (
            "date:soon",
            "",
            "Ignored date:soon: use date:2023, date:2023-10 or date:[2021-01 TO 2022-06].",
        ),
    ],
)
def test_what_cannot_be_read_becomes_words_with_a_notice(q, text, notice):
    result = run(q)
    assert result.text == text
    assert result.notices == [notice]


@pytest.mark.parametrize(
    ("q", "text", "notices"),
    [
        ("NOT -x", "NOT x", ["A repeated NOT was read as one."]),
        ("Iran NOT -Russia", "Iran NOT Russia", ["A repeated NOT was read as one."]),
        ("NOT NOT NOT x", "NOT x", ["A repeated NOT was read as one."]),
        ("-NOT x", "NOT x", ["A repeated NOT was read as one."]),
        ("AND Iran OR", "Iran", []),
        ("Iran NOT", "Iran", []),
        ("OR AND NOT", "", []),
    ],
)
def test_operators_with_nothing_to_join_are_dropped(q, text, notices):
    result = run(q)
    assert result.text == text
    assert result.notices == notices
