"""Which articles hold a passage, and the per-form table of where they ranked."""

from __future__ import annotations

from search.evaluation.known_items import Outcome, holders, table
from search.evaluation.passages import Passage, Source


def passage(core: str, form: str = "clean", source: str = "a") -> Passage:
    return Passage(source, form, core, core)


def test_a_passage_is_held_by_every_article_with_its_words_in_that_order():
    sources = [
        Source("a", "the wire said\nthe talks ended"),
        Source("b", "the talks   ended today"),
        Source("c", "talks ended"),  # no "the"
    ]
    assert holders([passage("the talks ended"), passage("said the")], sources) == [
        {"a", "b"},
        {"a"},
    ]


def test_no_passage_spans_two_articles():
    sources = [Source("a", "one two"), Source("b", "three four")]
    assert holders([passage("two three")], sources) == [{"a"}]  # its own source only


def outcome(form: str, rank: int | None, hits: int = 5) -> Outcome:
    return Outcome(passage("x", form), frozenset({1}), rank, hits, 0.01)


def test_the_table_has_a_row_per_form_drawn_and_one_for_all():
    outcomes = [outcome("clean", 1), outcome("clean", 4), outcome("curly", None, hits=0)]
    assert table(outcomes) == [
        "| passages | count | rank 1 | rank ≤ 10 | MRR | no result |",
        "| --- | --- | --- | --- | --- | --- |",
        "| clean | 2 | 50.0% | 100.0% | 0.625 | 0 |",
        "| curly quotes and apostrophes | 1 | 0.0% | 0.0% | 0.000 | 1 |",
        "| all | 3 | 33.3% | 66.7% | 0.417 | 1 |",
    ]
