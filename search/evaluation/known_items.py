"""Known-item search: each pasted passage asked as it is; where its article ranks, per form."""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from archive.models import Article
from search.benchmark.runner import Latency
from search.evaluation.asking import ask
from search.evaluation.passages import FORMS, Passage, Source
from search.evaluation.progress import Progress


@dataclass(frozen=True)
class Outcome:
    passage: Passage
    wanted: frozenset[int]  # the articles holding the passage: any of them first is a find
    rank: int | None  # the best rank of those articles, None when none was found
    hits: int
    seconds: float
    problem: str = ""  # the service's message when the search was stopped

    @property
    def reciprocal_rank(self) -> float:
        return 1 / self.rank if self.rank else 0.0


def holders(passages: Sequence[Passage], sources: Sequence[Source]) -> list[set[str]]:
    """For each passage, the ids of every source whose text holds it verbatim (whitespace
    collapsed): the corpus repeats some stories, and a passage in two is found in either."""
    texts = [" ".join(source.text.split()) for source in sources]
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    joined = "\x00".join(texts)  # no passage spans two texts: none holds a NUL
    found = []
    for passage in passages:
        ids = set()
        at = joined.find(passage.core)
        while at != -1:
            which = bisect.bisect_right(starts, at) - 1
            ids.add(sources[which].id)
            at = joined.find(passage.core, starts[which + 1])
        found.append(ids | {passage.source})
    return found


def search_passages(
    passages: Sequence[Passage],
    holders_of: Sequence[set[str]],
    article_of: dict[str, int],
    progress: Progress,
) -> list[Outcome]:
    """Ask every passage as pasted and rank the articles that hold it."""
    outcomes = []
    pairs = list(zip(passages, holders_of, strict=True))
    for passage, ids in progress.over(pairs, "Searching", "query"):
        wanted = frozenset(article_of[i] for i in ids if i in article_of)
        answer = ask(passage.text)
        rank = next((k for k, pk in enumerate(answer.ids, start=1) if pk in wanted), None)
        outcomes.append(
            Outcome(passage, wanted, rank, len(answer.ids), answer.seconds, answer.problem)
        )
    return outcomes


def table(outcomes: Sequence[Outcome]) -> list[str]:
    """Per form and in all: passages, source at rank 1, at rank 10 or better, MRR, no result."""
    lines = [
        "| passages | count | rank 1 | rank ≤ 10 | MRR | no result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    groups = [(label, [o for o in outcomes if o.passage.form == f]) for f, label in FORMS.items()]
    for label, group in [*groups, ("all", list(outcomes))]:
        if group:
            count = len(group)
            first = sum(o.rank == 1 for o in group)
            top = sum(o.rank is not None and o.rank <= 10 for o in group)
            mrr = statistics.fmean(o.reciprocal_rank for o in group)
            empty = sum(not o.hits for o in group)
            lines.append(
                f"| {label} | {count} | {first / count:.1%} | {top / count:.1%} | {mrr:.3f} "
                f"| {empty} |"
            )
    return lines


def latency(outcomes: Sequence[Outcome]) -> Latency:
    return Latency("query", [o.seconds for o in outcomes])


def misses(outcomes: Sequence[Outcome], limit: int) -> list[str]:
    """The first `limit` passages whose article was not first: where it ranked, and whether
    the indexed text holds the passage at all (extraction drops captions and page furniture)."""
    missed = [[o for o in outcomes if o.rank != 1 and o.passage.form == f] for f in FORMS]
    # Taken from each form in turn: one form's misses would otherwise hide the others'.
    chosen = [o for row in itertools.zip_longest(*missed) for o in row if o][:limit]
    lines = []
    for outcome in chosen:
        passage = outcome.passage
        where = f"rank {outcome.rank}" if outcome.rank else "not found"
        held = "" if _indexed_text_holds(outcome) else "; not in the indexed text"
        stopped = f"; {outcome.problem}" if outcome.problem else ""
        lines.append(
            f"  {passage.source} ({FORMS[passage.form]}, {passage.words} words): {where} of "
            f"{outcome.hits}{held}{stopped}: {passage.text[:160]!r}"
        )
    return lines


def _indexed_text_holds(outcome: Outcome) -> bool:
    texts = Article.objects.filter(pk__in=outcome.wanted).values_list("title", "body")
    core = outcome.passage.core
    return any(core in " ".join(f"{title}\n{body}".split()) for title, body in texts)
