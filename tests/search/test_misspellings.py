from __future__ import annotations

import random

import pytest

from search.benchmark.misspellings import (
    Case,
    article_counts,
    generate,
    one_edit,
    pools,
    score,
)

TEXTS = [
    "The government of Armenia met Lavrov. Officials in Yerevan said talks went well.",
    "Lavrov and the government of Türkiye: talks in Ankara. The minister said so.",
    "Government talks in Yerevan ended; Lavrov left for Ankara on Friday.",
]


def test_article_counts_count_each_text_once_per_form():
    counts = article_counts(TEXTS)
    assert counts["government"] == 2 and counts["Government"] == 1
    assert counts["Lavrov"] == 3 and counts["talks"] == 3
    assert "of" not in counts and "met" not in counts  # words of four letters or more


def test_pools_sort_forms_into_words_names_and_accented_words():
    kinds = pools(article_counts(TEXTS), min_articles=2)
    assert kinds == {
        "word": ["government", "said", "talks"],
        # "The" and "Government" start sentences: their lower-case forms are used too.
        "name": ["Ankara", "Lavrov", "Yerevan"],
        "accented": ["Türkiye"],  # however rare
    }


@pytest.mark.parametrize("seed", range(20))
def test_one_edit_is_one_insertion_deletion_substitution_or_swap(seed):
    typed = one_edit("Yerevan", random.Random(seed))
    assert typed[0].isupper() and typed[1:].islower()  # a name is typed as a name
    assert abs(len(typed) - len("Yerevan")) <= 1


def test_generate_is_deterministic_and_splits_each_kind_of_case_in_halves():
    kinds = {"word": ["talks", "government", "minister"], "name": ["Lavrov"], "accented": []}

    def indexed(word: str) -> bool:
        return word in {"talks", "government", "minister", "Lavrov"}

    cases = generate(kinds, indexed, count=3, seed=7)
    assert cases == generate(kinds, indexed, count=3, seed=7)
    misspelled = [c for c in cases if c.misspelled]
    correct = [c for c in cases if not c.misspelled]
    assert len(misspelled) == 3 and len(correct) == 3
    assert [c.part for c in misspelled] == ["tune", "report", "tune"]
    assert all(not indexed(c.typed) and indexed(c.meant) for c in misspelled)
    assert {c.kind for c in misspelled} == {"word", "name"}


def test_score_counts_restored_words_and_changed_correct_ones():
    cases = [
        Case("goverment", "government", "word", "tune"),
        Case("Lavrv", "Lavrov", "name", "tune"),
        Case("plazs", "plays", "word", "tune"),
        Case("Türkiye", "Türkiye", "accented", "tune"),
        Case("talks", "talks", "word", "report"),
    ]
    suggestions = {"goverment": "government", "Lavrv": "Lavrov", "plazs": "plans", "talks": "talk"}
    scores = score(cases, suggestions)
    tune, report = scores["tune"], scores["report"]
    assert (tune.misspelled, tune.made, tune.restored, tune.correct, tune.changed) == (
        3,
        3,
        2,
        1,
        0,
    )
    assert tune.precision == pytest.approx(2 / 3) and tune.recall == pytest.approx(2 / 3)
    assert (report.correct, report.changed, report.precision) == (1, 1, 1.0)
    assert tune.examples == ["plazs → plans (meant plays)"]
    assert report.examples == ["talks → talk (correct)"]


def test_an_accented_word_is_restored_without_its_accents():
    cases = [Case("Sap", "São", "name", "tune")]
    assert score(cases, {"Sap": "Sao"})["tune"].restored == 1
