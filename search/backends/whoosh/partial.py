"""Partial matches: documents with most of a query's words, when too few have them all.

Like Meilisearch's default matching strategy and Elasticsearch's `minimum_should_match`, a
query that finds fewer than FEW_RESULTS documents with every word also finds the documents
with the most of its words. Phrases, fields and exclusions stay required
(`query_tree.clauses` says which parts are words).

They are ranked by score alone (BM25F, which already adds up each word found): not by the
number of words first, which put documents with one more common word ("what", "effect")
above far better matches (nDCG@10 0.264 against 0.361 on Cranfield), nor by score times the
share of words present (Lucene's classic "coord"), which cost 0.006-0.010 nDCG@10 on
Cranfield and NPL and 3-4 points of known-item search (README, "How ranking works").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from search.backends.whoosh.engine import Match, Matcher, scores_at

FEW_RESULTS = 10  # fewer results with every word than this: add those with most of them
# Documents a partial match keeps at least (when that many have any word): those with the
# most words, all of them down to the word count of the ENOUGH-th best. A pasted paragraph
# shares some word with nearly every article: those with one or two are not results.
ENOUGH = 1000
# Which of some documents (sorted docnums) pass a search's facet filters.
PassingMask = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Words:
    """The optional words of a query (labels as the user typed them), each found where asked."""

    labels: tuple[str, ...]
    matchers: tuple[Matcher, ...]

    def missing(self, docs: np.ndarray) -> list[tuple[str, ...]]:
        """The words each of `docs` lacks: one search per word for all of them (a search per
        word and document cost 40 ms for a page of a pasted passage's results)."""
        docs = np.asarray(docs, dtype=np.int32)
        lacking: list[list[str]] = [[] for _ in range(len(docs))]
        for label, matcher in zip(self.labels, self.matchers, strict=True):
            for i in np.flatnonzero(~matcher.contains(docs)):
                lacking[i].append(label)
        return [tuple(dict.fromkeys(words)) for words in lacking]  # `non-circular` once

    def scores(self, docs: np.ndarray) -> np.ndarray:
        """The words' scores summed for each of `docs` (sorted docnums)."""
        total = np.zeros(len(docs), dtype=np.float64)
        for matcher in self.matchers:
            total += matcher.scores_at(docs)
        return total.astype(np.float32)


def most_words(
    words: Words,
    required: Match | None,
    kind: str,
    wanted: np.ndarray,
    passing: PassingMask | None = None,
) -> tuple[Match, np.ndarray]:
    """The documents with the most of the words (and every required part), with how many
    distinct words each has, among the documents of `kind` (flagged by `wanted`, one flag per
    docnum). They are those with at least as many words as the ENOUGH-th best
    document that `passing` lets through (the search's facet filters; all when None), and
    all of their ties.

    Their scores are the required parts' only: `Words.scores` adds the words' scores to those
    kept. Words are counted in one slot per docnum, and the fewest a document must have comes
    from those counts, so only the documents kept are ever listed or scored: scoring every
    document with any word of a pasted passage, and listing them to count and filter them,
    cost over 100 ms in 100,000 articles.
    """
    counts = np.zeros(len(wanted), dtype=np.uint16)  # a query has far fewer distinct words
    for matcher in words.matchers:
        matcher.count_into(counts, kind, wanted)
    if required is not None:
        has_required = np.zeros(len(wanted), dtype=bool)
        has_required[required.docs] = True
        counts[~has_required] = 0
    if passing is None:
        least = _fewest(np.bincount(counts))
    else:
        candidates = np.flatnonzero(counts).astype(np.int32)
        least = _fewest(np.bincount(counts[candidates[passing(candidates)]], minlength=1))
    docs = np.flatnonzero(counts >= max(least, 1)).astype(np.int32)
    scores = np.zeros(len(docs), dtype=np.float32)
    if required is not None:
        scores = scores_at(required, docs)
    return Match(docs, scores), counts[docs].astype(np.int32)


def _fewest(histogram: np.ndarray) -> int:
    """The fewest words a document of a partial match must have, from how many documents
    have each number of words: the ENOUGH-th best's count (all of its ties kept), so that the
    results stay those with most of the words."""
    with_words = histogram[1:]  # documents without any word are no results
    at_least = np.cumsum(with_words[::-1])[::-1]  # documents with at least 1, 2, … words
    enough = np.flatnonzero(at_least >= ENOUGH)
    return int(enough[-1]) + 1 if len(enough) else 1
