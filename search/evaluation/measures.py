"""nDCG@10, MAP, P@10 and R@100 of a run, from `ir-measures` (a dev extra), over every
judged query: a query with no result scores 0, as in the collections' reference figures."""

from __future__ import annotations

import importlib.util
import statistics
from dataclasses import dataclass

# The column each measure is printed under -> its name in ir-measures.
MEASURES = {"nDCG@10": "nDCG@10", "MAP": "AP", "P@10": "P@10", "R@100": "R@100"}
NO_RESULT = "queries with no result"
COLUMNS = (*MEASURES, NO_RESULT)

INSTALL_HINT = (
    "The measures come from ir-measures, a dev extra that is not installed: "
    "pip install -e '.[dev]' (or pip install ir-measures)."
)

# query id -> document id -> score (higher ranks first)
Run = dict[str, dict[str, float]]


class MeasuresUnavailable(Exception):
    """ir-measures is not installed; the message says how to install it."""


def require_measures() -> None:
    if importlib.util.find_spec("ir_measures") is None:
        raise MeasuresUnavailable(INSTALL_HINT)


@dataclass(frozen=True)
class Scores:
    means: dict[str, float]  # column of MEASURES -> mean over the judged queries
    per_query: dict[str, dict[str, float]]  # query id -> column -> value

    @property
    def queries(self) -> int:
        return len(self.per_query)


def measure(qrels: dict[str, dict[str, int]], run: Run, judged: list[str]) -> Scores:
    """Score `run` against `qrels`, averaging over `judged` with absent values as 0 (ir-measures
    leaves out a query the run lacks with some providers; we never do)."""
    require_measures()
    import ir_measures  # a dev extra: imported only when measuring

    parsed = {column: ir_measures.parse_measure(name) for column, name in MEASURES.items()}
    column_of = {measure: column for column, measure in parsed.items()}
    per_query = {query: dict.fromkeys(MEASURES, 0.0) for query in judged}
    asked = {query: docs for query, docs in run.items() if docs}
    for metric in ir_measures.iter_calc(list(parsed.values()), qrels, asked):
        if metric.query_id in per_query:
            per_query[metric.query_id][column_of[metric.measure]] = float(metric.value)
    means = {
        column: statistics.fmean(values[column] for values in per_query.values()) if judged else 0.0
        for column in MEASURES
    }
    return Scores(means, per_query)


def ranked_run(rankings: dict[str, list[str]]) -> Run:
    """A run from ranked document ids: scores fall with rank, so ir-measures keeps our order
    (it sorts by score, and would break ties by document id)."""
    return {
        query: {doc: float(len(docs) - rank) for rank, doc in enumerate(docs)}
        for query, docs in rankings.items()
    }
