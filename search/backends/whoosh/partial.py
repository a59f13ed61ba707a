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

from dataclasses import dataclass

import numpy as np

from search.backends.whoosh.engine import Match, find_sorted, intersect, scores_at

FEW_RESULTS = 10  # fewer results with every word than this: add those with most of them
# Documents a partial match keeps at least (when that many have any word): those with the
# most words, all of them down to the word count of the ENOUGH-th best. A pasted paragraph
# shares some word with nearly every article: those with one or two are not results.
ENOUGH = 1000


@dataclass(frozen=True)
class Words:
    """Which documents have each optional word of a query (labels as the user typed them)."""

    labels: tuple[str, ...]
    matches: tuple[Match, ...]

    def missing(self, docs: np.ndarray) -> list[tuple[str, ...]]:
        """The words each of `docs` lacks: one search per word for all of them (a search per
        word and document cost 40 ms for a page of a pasted passage's results)."""
        docs = np.asarray(docs, dtype=np.int32)
        lacking: list[list[str]] = [[] for _ in range(len(docs))]
        for label, match in zip(self.labels, self.matches, strict=True):
            _, found = find_sorted(docs, match.docs)
            for i in np.flatnonzero(~found):
                lacking[i].append(label)
        return [tuple(dict.fromkeys(words)) for words in lacking]  # `non-circular` once

    def scores(self, docs: np.ndarray) -> np.ndarray:
        """The words' scores summed for each of `docs` (sorted docnums)."""
        total = np.zeros(len(docs), dtype=np.float64)
        for match in self.matches:
            total += scores_at(match, docs)
        return total.astype(np.float32)


def most_words(words: Words, required: Match | None) -> tuple[Match, np.ndarray]:
    """Documents with at least one of the words (and every required part), with how many
    distinct words each has. Their scores are the required parts' only: most of these
    documents are left out (`fewest_words`), and `Words.scores` adds the words' scores to
    those kept (summing them here for every document cost a pasted passage 10 ms in 20,000
    articles)."""
    present = [m for m in words.matches if len(m.docs)]
    if not present:
        return Match.empty(), np.zeros(0, dtype=np.int32)
    # One slot per docnum: counting in one pass, without a sort.
    size = max(int(m.docs[-1]) for m in present) + 1
    counts = np.bincount(np.concatenate([m.docs for m in present]), minlength=size)
    docs = np.flatnonzero(counts).astype(np.int32)
    found = Match(docs, np.zeros(len(docs), dtype=np.float32))
    if required is not None:
        found = intersect([found, required])
    return found, counts[found.docs].astype(np.int32)


def fewest_words(counts: np.ndarray) -> int:
    """The fewest words a document of a partial match must have: the ENOUGH-th best's count
    (all of its ties kept), so that the results stay those with most of the words."""
    if len(counts) <= ENOUGH:
        return 1
    return int(np.partition(counts, len(counts) - ENOUGH)[len(counts) - ENOUGH])
