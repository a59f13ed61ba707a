from __future__ import annotations

import pytest

from archive.error_kinds import missed_date_kind
from archive.evaluation import Evaluation, FieldScore, dates_match, names_match


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


@pytest.mark.parametrize(
    ("found", "gold", "same"),
    [
        ("2020-09-10", "2020-09-10", True),
        ("2019-09-10", "2020-09-10", False),
        ("2019-09-10", "--09-10", True),
        ("1987-05", "--05", True),
        ("1987-05-01", "--05", False),
        ("1987-06-10", "--09-10", False),
    ],
)
def test_dates_match_a_yearless_gold_date_in_any_year(found, gold, same):
    assert dates_match(found, gold) is same


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


def test_a_gold_name_also_matches_the_spellings_listed_with_it():
    evaluation = Evaluation()
    gold = {
        "speakers": ["Presidential Commission on Good Government"],
        "aliases": [["PCGG", "Presidential Commission on Good Government"]],
    }
    evaluation.add("a", {"speakers": ["PCGG"]}, gold)
    assert evaluation.fields["speakers"].true_positives == 1


def test_errors_are_named_by_kind_and_counted():
    evaluation = Evaluation()
    found = {
        "speakers": ["Businessman Don Blankenship", "Meat Export Federation", "Wikinews in August"],
        "dates_mentioned": ["2019-03-04"],
    }
    gold = {
        "speakers": ["Don Blankenship", "U.S. Meat Export Federation", "Texaco Inc", "Ann Lee"],
        "persons": ["Ann Lee", "Don Blankenship"],
        "dates_mentioned": ["2020-03-04", "2020-05"],
    }
    evaluation.add("a", found, gold)
    kinds = evaluation.fields["speakers"].kinds
    assert kinds["a", "Don Blankenship", "miss"] == "role or name glued on"
    assert kinds["a", "Texaco Inc", "miss"] == "organisation"
    assert kinds["a", "Ann Lee", "miss"] == "person: attribution or follow-up"
    assert kinds["a", "Businessman Don Blankenship", "false hit"] == "role or name glued on"
    assert kinds["a", "Meat Export Federation", "false hit"] == "piece of a longer name"
    assert kinds["a", "Wikinews in August", "false hit"] == "fragment"
    dates = evaluation.fields["dates_mentioned"].kinds
    assert dates == {("a", "2020-03-04", "miss"): "another year", ("a", "2020-05", "miss"): "month"}
    lines = evaluation.report_lines()
    assert (
        "speakers false, by kind: fragment 1, piece of a longer name 1, role or name glued on 1"
        in lines
    )
    assert "  miss       speakers: a: Texaco Inc  [organisation]" in lines


def test_missed_dates_without_a_year_are_their_own_kind():
    assert missed_date_kind("--03-31", []) == "day without a year"
    assert missed_date_kind("--06", ["1987-05-01"]) == "month without a year"
    assert missed_date_kind("2020-03-31", ["2019-03-31"]) == "another year"
    assert missed_date_kind("2020-03-31", ["--03-31"]) == "day"
