from __future__ import annotations

import pytest

from archive.evaluation import Evaluation, FieldScore, names_match


@pytest.mark.parametrize(
    ("found", "gold", "same"),
    [
        ("Sergei Lavrov", "Sergei Lavrov", True),
        ("Sergey Lavrov", "Sergei Lavrov", True),
        ("Lavrov", "Sergei Lavrov", True),
        ("Sergei Lavrov", "Lavrov", True),
        ("Erdogan", "Recep Tayyip Erdoğan", True),
        ("the Russian Foreign Ministry", "Russian foreign ministry", True),
        ("Maria Zakharova", "Sergei Lavrov", False),
        ("Sergei Ryabkov", "Sergei Lavrov", False),
    ],
)
def test_names_match(found, gold, same):
    assert names_match(found, gold) is same


def test_field_score_counts_and_lists_errors():
    score = FieldScore()
    score.add("a", ["IR", "RU", "GR"], ["IR", "RU", "AM"], ["TR"], lambda f, g: f == g)
    score.add("b", ["TR"], [], ["TR"], lambda f, g: f == g)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (2, 1, 1)
    assert score.misses == [("a", "AM")]
    assert score.false_hits == [("a", "GR")]
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_one_gold_speaker_is_matched_once():
    score = FieldScore()
    score.add("a", ["Sergei Lavrov", "Lavrov"], ["Sergei Lavrov"], [], names_match)
    assert (score.true_positives, score.false_positives) == (1, 1)


def test_evaluation_scores_fields_and_dates():
    evaluation = Evaluation()
    found = {"countries": ["IR"], "speakers": ["Lavrov"], "date": "2023-01-30"}
    gold = {
        "countries": ["IR"],
        "speakers": ["Sergei Lavrov"],
        "date": "2023-01-30",
        "speakers_acceptable": [],
    }
    evaluation.add("a", found, gold)
    evaluation.add("b", {"date": None}, {"date": "2020-01-01"})
    result = evaluation.as_dict()
    assert result["fields"]["countries"]["f1"] == 1.0
    assert result["fields"]["speakers"]["f1"] == 1.0
    assert result["date"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert "  wrong date b: found None, gold 2020-01-01" in evaluation.report_lines()
