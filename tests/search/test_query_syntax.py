"""Each piece of query syntax → the query tree a backend is handed (pure: no database, no index)."""

from __future__ import annotations

import datetime

import pytest

from search.query_syntax import parse
from search.query_tree import (
    And,
    Everything,
    Fuzzy,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Wildcard,
)

COUNTRIES = {"armenian": "AM", "armenia": "AM", "am": "AM", "turkey": "TR", "tr": "TR"}
ALIASES = {
    "turkey": ["Turkey", "Türkiye"],
    "sergey lavrov": ["Sergei Lavrov", "Sergey Lavrov"],
}


def run(q: str):
    return parse(q, lambda v: COUNTRIES.get(v.lower()), lambda t: ALIASES.get(t.lower(), []))


TURKEY = Or((Term("Turkey"), Term("Türkiye")))
LAVROV = Or((Phrase("Sergei Lavrov"), Phrase("Sergey Lavrov")))


@pytest.mark.parametrize(
    ("q", "tree"),
    [
        ("", Everything()),
        ("Lavrov", Term("Lavrov")),
        ("Lavrov 3+3", And((Term("Lavrov"), Term("3+3")))),
        ('"South Caucasus" talks', And((Phrase("South Caucasus"), Term("talks")))),
        ('"peace talks"~3', Phrase("peace talks", slop=3)),
        ("Iran AND Russia", And((Term("Iran"), Term("Russia")), strict=True)),
        ("Iran OR Russia", Or((Term("Iran"), Term("Russia")))),
        ("Iran NOT Russia", And((Term("Iran"), Not(Term("Russia"))))),
        ("Iran -Russia", And((Term("Iran"), Not(Term("Russia"))))),
        ("+Iran Russia", And((Term("Iran"), Term("Russia")))),
        (
            "(Iran OR Russia) AND talks",
            And((Or((Term("Iran"), Term("Russia"))), Term("talks")), strict=True),
        ),
        # NOT binds closest, then AND, then OR; side by side binds loosest.
        ("a b OR c", And((Term("a"), Or((Term("b"), Term("c")))))),
        ("a AND b OR c", Or((And((Term("a"), Term("b")), strict=True), Term("c")))),
        ("a OR b AND c", Or((Term("a"), And((Term("b"), Term("c")), strict=True)))),
        ("a OR b OR c", Or((Term("a"), Term("b"), Term("c")))),
        ("NOT a b", And((Not(Term("a")), Term("b")))),
        ("a NOT (b OR c)", And((Term("a"), Not(Or((Term("b"), Term("c"))))))),
        ("minist*", Prefix("minist")),
        ("w?rd", Wildcard("w?rd")),
        ("why interfering?", And((Term("why"), Term("interfering")))),
        ("w?rd?", Wildcard("w?rd?")),
        ("*", Wildcard("*")),
        ("Lavrv~", Fuzzy("Lavrv")),
        ("Lavrv~2", Fuzzy("Lavrv", distance=2)),
        ("Lavrv~1/3", Fuzzy("Lavrv", distance=1, prefix=3)),
        ("Lavrov^2", Term("Lavrov", boost=2.0)),
        ('"South Caucasus"^1.5', Phrase("South Caucasus", boost=1.5)),
        ("title:Lavrov", Term("Lavrov", "title")),
        ('title:"South Caucasus"', Phrase("South Caucasus", "title")),
        ("title:minist*", Prefix("minist", "title")),
        ("speaker:Lavrov 3+3", And((Term("Lavrov", "speaker"), Term("3+3")))),
        ("source:ARMENPRESS", Term("ARMENPRESS", "source")),
        ("country:Armenian", Term("AM", "country")),
        ("country:am talks", And((Term("AM", "country"), Term("talks")))),
        ("Turkey relations", And((TURKEY, Term("relations")))),
        ("Sergey Lavrov said", And((LAVROV, Term("said")))),
        ('"Sergey Lavrov"', LAVROV),
        ("Turkey*", Prefix("Turkey")),
        ("-Turkey", Not(Term("Turkey"))),  # as typed: what is excluded is not widened
        ("Party", Term("Party")),  # only a spelling of the alias itself expands it
    ],
)
def test_syntax(q, tree):
    result = run(q)
    assert result.tree == tree
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
    assert (result.tree, result.date_from, result.date_to) == (Everything(), start, end)


@pytest.mark.parametrize(
    ("q", "tree", "notice"),
    [
        (
            '"unclosed phrase',
            And((Term("unclosed"), Term("phrase"))),
            "An unclosed quote was ignored.",
        ),
        (
            "(Iran OR Russia",
            Or((Term("Iran"), Term("Russia"))),
            "Unbalanced parentheses were ignored.",
        ),
        ("Iran)", Term("Iran"), "Unbalanced parentheses were ignored."),
        (
            "author:Smith talks",
            And((Term("author"), Term("Smith"), Term("talks"))),
            "There is no field 'author'; searched for author Smith as words.",
        ),
        (
            "country:Narnia",
            Term("Narnia"),
            "No country called 'Narnia'; searched for the word instead.",
        ),
        (
            "date:soon",
            Everything(),
            "Ignored date:soon: use date:2023, date:2023-10 or date:[2021-01 TO 2022-06].",
        ),
        ("Lavrv~7", Fuzzy("Lavrv", distance=2), "Fuzzy matching allows at most 2 edits per word."),
    ],
)
def test_what_cannot_be_read_becomes_words_with_a_notice(q, tree, notice):
    result = run(q)
    assert result.tree == tree
    assert result.notices == [notice]


@pytest.mark.parametrize(
    ("q", "tree", "notices"),
    [
        ("NOT -x", Not(Term("x")), ["A repeated NOT was read as one."]),
        (
            "Iran NOT -Russia",
            And((Term("Iran"), Not(Term("Russia")))),
            ["A repeated NOT was read as one."],
        ),
        ("NOT NOT NOT x", Not(Term("x")), ["A repeated NOT was read as one."]),
        ("-NOT x", Not(Term("x")), ["A repeated NOT was read as one."]),
        ("AND Iran OR", Term("Iran"), []),
        ("Iran NOT", Term("Iran"), []),
        ("OR AND NOT", Everything(), []),
        ("( AND x )", Term("x"), []),
        ("(a OR) b", And((Term("a"), Term("b"))), []),
        ("()", Everything(), []),
        ('""', Everything(), []),
    ],
)
def test_operators_with_nothing_to_join_are_dropped(q, tree, notices):
    result = run(q)
    assert result.tree == tree
    assert result.notices == notices
