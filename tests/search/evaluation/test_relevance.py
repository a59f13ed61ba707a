"""The run's document ids, the table and the summary of a relevance evaluation."""

from __future__ import annotations

from pathlib import Path

from search.benchmark.runner import Latency
from search.evaluation.measures import Scores
from search.evaluation.reference import ReferenceRow
from search.evaluation.relevance import Evaluation, _documents, summary, table, trec_run

REFERENCE = ReferenceRow(
    "any word (OR)",
    {"nDCG@10": "0.5000", "MAP": "0.4", "P@10": "0.3", "R@100": "0.9"},
    Path("README.md"),
)


def evaluation() -> Evaluation:
    values = {"nDCG@10": 0.25, "MAP": 0.125, "P@10": 0.05, "R@100": 0.5}
    scores = Scores(values, {"1": values, "2": dict.fromkeys(values, 0.0)})
    return Evaluation(scores, {"1": ["a", "b"], "2": []}, ["2"], {}, Latency("q", [0.01, 0.03]))


def test_an_article_that_identical_documents_became_stands_for_each_of_them():
    assert _documents([7, 9, 8], {7: ["a"], 8: ["b", "c"]}) == ["a", "b", "c"]


def test_the_table_puts_the_reference_below_our_figures():
    assert table("Dispatch", evaluation(), [REFERENCE]) == [
        "| run | nDCG@10 | MAP | P@10 | R@100 | queries with no result |",
        "| --- | --- | --- | --- | --- | --- |",
        "| Dispatch | 0.2500 | 0.1250 | 0.0500 | 0.5000 | 1 / 2 |",
        "| reference: any word (OR) | 0.5000 | 0.4 | 0.3 | 0.9 |  |",
    ]


def test_the_summary_counts_answers_and_compares_with_the_any_word_reference():
    assert summary(evaluation(), [REFERENCE]) == [
        "1 of 2 judged queries found something; query time p50 10.0 ms, p95 30.0 ms over 2 "
        "queries.",
        "nDCG@10 0.2500 against 0.5000 for the reference (any word (OR), from README.md): -0.2500.",
    ]


def test_a_trec_run_lists_each_document_with_its_rank():
    assert trec_run({"1": ["a", "b"], "2": []}) == "1 Q0 a 1 2 dispatch\n1 Q0 b 2 1 dispatch\n"
