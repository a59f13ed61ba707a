"""The measures are ir-measures' own, averaged over every judged query (no result scores 0)."""

from __future__ import annotations

import importlib.util

import ir_measures
import pytest
from ir_measures import AP, P, R, nDCG

from search.evaluation.measures import (
    INSTALL_HINT,
    MeasuresUnavailable,
    measure,
    ranked_run,
    require_measures,
)

QRELS = {"1": {"a": 2, "b": 1, "c": 0}, "2": {"d": 1}, "3": {"e": 1}}


def test_a_perfect_run_scores_one():
    scores = measure({"1": {"a": 1}}, ranked_run({"1": ["a"]}), ["1"])
    assert scores.means == {"nDCG@10": 1.0, "MAP": 1.0, "P@10": 0.1, "R@100": 1.0}


def test_figures_are_ir_measures_own_with_a_query_without_result_scoring_zero():
    rankings = {"1": ["c", "b", "x", "a"], "2": ["y", "d"], "3": []}
    run = ranked_run(rankings)
    scores = measure(QRELS, run, ["1", "2", "3"])
    asked = {q: docs for q, docs in run.items() if docs}
    expected = {
        m: sum(v.value for v in ir_measures.iter_calc([m], QRELS, asked)) / 3
        for m in (nDCG @ 10, AP, P @ 10, R @ 100)
    }
    assert scores.means == pytest.approx(
        {
            "nDCG@10": expected[nDCG @ 10],
            "MAP": expected[AP],
            "P@10": expected[P @ 10],
            "R@100": expected[R @ 100],
        }
    )
    # By hand: relevant b at 2 and a at 4 of 2 relevant: AP (1/2 + 2/4) / 2; 2 of 10; both.
    assert scores.per_query["1"] == pytest.approx(
        {"nDCG@10": scores.per_query["1"]["nDCG@10"], "MAP": 0.5, "P@10": 0.2, "R@100": 1.0}
    )
    assert scores.per_query["3"] == {"nDCG@10": 0.0, "MAP": 0.0, "P@10": 0.0, "R@100": 0.0}
    assert scores.queries == 3


def test_the_run_keeps_our_order_not_the_ids_order():
    assert ranked_run({"1": ["z", "a"]}) == {"1": {"z": 2.0, "a": 1.0}}
    assert measure({"1": {"z": 1}}, ranked_run({"1": ["z", "a"]}), ["1"]).means["MAP"] == 1.0


def test_without_ir_measures_the_message_says_how_to_install_it(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "ir_measures" else real(name)
    )
    with pytest.raises(MeasuresUnavailable) as raised:
        require_measures()
    assert str(raised.value) == INSTALL_HINT
    assert "pip install -e '.[dev]'" in INSTALL_HINT
