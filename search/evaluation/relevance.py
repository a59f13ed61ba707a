"""Run a relevance collection's queries through the search service and measure the ranking."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from search.benchmark.runner import Latency
from search.evaluation.asking import ask
from search.evaluation.collection import Collection
from search.evaluation.loading import Loaded
from search.evaluation.measures import MEASURES, NO_RESULT, Scores, measure, ranked_run
from search.evaluation.progress import Progress
from search.evaluation.reference import ReferenceRow

DEPTH = 100  # documents per query in the run: R@100 needs no more


@dataclass(frozen=True)
class Evaluation:
    scores: Scores
    rankings: dict[str, list[str]]  # query id -> document ids, best first
    empty: list[str]  # judged queries with no result
    stopped: dict[str, str]  # query id -> why the search was stopped
    latency: Latency

    @property
    def no_result(self) -> str:
        return f"{len(self.empty)} / {self.scores.queries}"


def evaluate(collection: Collection, loaded: Loaded, lower: bool, progress: Progress) -> Evaluation:
    """Ask every query (lower-cased unless `lower` is False: an upper-case AND, OR or NOT
    would be an operator) and score the first `DEPTH` documents of each."""
    rankings: dict[str, list[str]] = {}
    stopped: dict[str, str] = {}
    latency = Latency("query", [])
    for query_id, text in progress.over(list(collection.queries.items()), "Searching", "query"):
        answer = ask(text.lower() if lower else text)
        latency.samples.append(answer.seconds)
        if answer.problem:
            stopped[query_id] = answer.problem
        rankings[query_id] = _documents(answer.ids, loaded.ids_of)[:DEPTH]
    scores = measure(collection.qrels, ranked_run(rankings), collection.judged)
    empty = [q for q in collection.judged if not rankings.get(q)]
    return Evaluation(scores, rankings, empty, stopped, latency)


def _documents(article_ids: Iterable[int], ids_of: dict[int, list[str]]) -> list[str]:
    """The collection's document ids in the articles' order; an article that several
    identical documents became stands for each of them, side by side (as equal scores)."""
    return [doc for pk in article_ids for doc in ids_of.get(pk, ())]


def table(label: str, evaluation: Evaluation, references: list[ReferenceRow]) -> list[str]:
    """The measures as a Markdown table, a line per reference row below ours."""
    lines = [
        f"| run | {' | '.join((*MEASURES, NO_RESULT))} |",
        f"| --- |{' --- |' * (len(MEASURES) + 1)}",
        f"| {label} | "
        + " | ".join(f"{evaluation.scores.means[c]:.4f}" for c in MEASURES)
        + f" | {evaluation.no_result} |",
    ]
    for row in references:
        cells = [row.values.get(c, "") for c in (*MEASURES, NO_RESULT)]
        lines.append(f"| reference: {row.label} | {' | '.join(cells)} |")
    return lines


def summary(evaluation: Evaluation, references: list[ReferenceRow]) -> list[str]:
    """Plain sentences: what was found, how fast, and the gap to the any-word reference."""
    scores, asked = evaluation.scores, len(evaluation.rankings)
    lines = [
        f"{scores.queries - len(evaluation.empty)} of {scores.queries} judged queries found "
        f"something; query time p50 {evaluation.latency.percentile(50) * 1000:.1f} ms, "
        f"p95 {evaluation.latency.percentile(95) * 1000:.1f} ms over {asked} queries."
    ]
    if evaluation.stopped:
        lines.append(f"{len(evaluation.stopped)} queries were stopped for taking too long.")
    baseline = next((r for r in references if r.any_word), references[0] if references else None)
    value = _number(baseline.values.get("nDCG@10", "")) if baseline else None
    if baseline and value is not None:
        gap = scores.means["nDCG@10"] - value
        lines.append(
            f"nDCG@10 {scores.means['nDCG@10']:.4f} against {value:.4f} for the reference "
            f"({baseline.label}, from {baseline.source}): {gap:+.4f}."
        )
    return lines


def trec_run(rankings: dict[str, list[str]]) -> str:
    """The rankings as a TREC run file: `query Q0 document rank score tag` per line."""
    return "".join(
        f"{query} Q0 {doc} {rank} {len(docs) - rank + 1} dispatch\n"
        for query, docs in rankings.items()
        for rank, doc in enumerate(docs, start=1)
    )


def unanswered(evaluation: Evaluation, collection: Collection, limit: int) -> list[str]:
    """The first `limit` judged queries with no result, with their text."""
    return [
        f"  {query_id}: {collection.queries.get(query_id, '(not in queries.jsonl)')[:100]}"
        + (f" ({evaluation.stopped[query_id]})" if query_id in evaluation.stopped else "")
        for query_id in evaluation.empty[:limit]
    ]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
