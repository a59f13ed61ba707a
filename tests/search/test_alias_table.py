"""Query-time alias lookup: a spelling of the group expands it, a word inside it does not."""

from __future__ import annotations

from search.aliases import AliasTable

TABLE = AliasTable(
    [
        ["Justice Party", "JP"],
        ["AAA", "American Arbitration Association"],
        ["Sergei Lavrov", "Sergey Lavrov"],
        ["Türkiye", "Turkey"],
    ]
)


def test_any_spelling_of_a_group_finds_all_of_them():
    assert TABLE("sergey  LAVROV") == ["Sergei Lavrov", "Sergey Lavrov"]
    assert TABLE("turkiye") == ["Türkiye", "Turkey"]


def test_a_common_word_is_not_read_as_a_name_that_contains_it():
    # `name_key` made these one key: the query lost the word itself.
    assert TABLE("Party") == []
    assert TABLE("a") == []
    assert TABLE("Lavrov") == []
