"""Proximity: a passage copied from an article finds that article first.

BM25 scores each word on its own, so an article that says "grain corridor" ranks no higher
than one with "grain" in its first paragraph and "corridor" in its last. After BM25F ranks the
matches, the best RERANK are scored again with a bonus for each pair of consecutive query
words: the smaller the gap at which the second follows the first, the larger (1/d², as in
Büttcher, Clarke and Lushman's BM25TP), weighted by the rarer word's IDF. Stop words leave no
gap in the index's positions, so "Iran and Russia" is an exact run of "Iran Russia".

The bonus is scaled by the square of the share of those pairs that stand side by side in the
document. A passage pasted from an article has nearly all of them there, so an exact run of
the query's words gains the most; a question typed in one's own words has few side by side
anywhere, so its ranking hardly moves. Unscaled, the bonus cost 0.003-0.014 nDCG@10 on the
Cranfield and NPL collections (natural-language questions); scaled, it is within 0.001 of
none there, and puts the pasted passage's article first 3.6 points more often (README, "How
ranking works").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from search.backends.whoosh.analysis import TOKEN, index_term
from search.backends.whoosh.engine import Engine

RERANK = 100  # the best documents by BM25 that proximity re-orders
WEIGHT = 1.0  # of the bonus, against BM25F scores (tuned on Wikinews passages and Cranfield)
FIELD = "body"


def query_terms(text: str) -> list[str]:
    """The index terms of the query text, in order (stop words left out, as in the index)."""
    terms = (index_term(match.group()) for match in TOKEN.finditer(text))
    return [term for term in terms if term]


@dataclass(frozen=True)
class Nearness:
    """How close the query's consecutive words stand in each of `docs` (sorted docnums)."""

    docs: np.ndarray
    bonus: np.ndarray  # the rarer word's IDF over d², summed over the pairs, scaled (above)
    side_by_side: np.ndarray  # the share of the pairs whose second word follows right after

    def quotes(self, share: float) -> bool:
        """Whether some document holds at least `share` of the pairs side by side."""
        return bool(len(self.docs)) and float(self.side_by_side.max()) >= share


def nearness(engine: Engine, terms: list[str], docs: np.ndarray) -> Nearness:
    """For consecutive query words a, b: the smallest distance at which b follows a in each
    of `docs` (sorted docnums), as a bonus and as the share of pairs side by side."""
    total = np.zeros(len(docs), dtype=np.float64)
    pairs = [(a, b) for a, b in zip(terms, terms[1:], strict=False) if a != b]
    if not pairs or not len(docs):
        return Nearness(docs, total, total.copy())
    to_bytes = engine.reader.schema[FIELD].to_bytes
    found = {t: engine.positions(FIELD, to_bytes(t), docs) for t in {*terms}}
    adjacent = np.zeros(len(docs), dtype=np.float64)
    for a, b in pairs:
        nearest = _nearest_follow(found[a], found[b], docs)
        total += min(_idf(engine, a), _idf(engine, b)) / nearest**2
        adjacent += nearest == 1
    share = adjacent / len(pairs)
    return Nearness(docs, total * share**2, share)


def _nearest_follow(
    first: tuple[np.ndarray, np.ndarray], second: tuple[np.ndarray, np.ndarray], docs: np.ndarray
) -> np.ndarray:
    """Per document, the smallest distance at which an occurrence of the second word follows
    one of the first (infinite where it never does)."""
    nearest = np.full(len(docs), np.inf)
    (owners_a, at_a), (owners_b, at_b) = first, second
    if not len(owners_a) or not len(owners_b):
        return nearest
    # Occurrences as one sorted key each (document, then position): the occurrence of a just
    # before each b is one binary search.
    keys_a = (owners_a << 32) | at_a
    before = np.searchsorted(keys_a, (owners_b << 32) | at_b) - 1
    valid = before >= 0
    before, owners, at = before[valid], owners_b[valid], at_b[valid]
    same = owners_a[before] == owners
    gaps = (at[same] - at_a[before[same]]).astype(np.float64)
    np.minimum.at(nearest, np.searchsorted(docs, owners[same]), gaps)
    return nearest


def _idf(engine: Engine, term: str) -> float:
    return engine.idf(len(engine.postings(FIELD, engine.reader.schema[FIELD].to_bytes(term))[0]))


def rerank(docs: np.ndarray, scores: np.ndarray, near: Nearness) -> np.ndarray:
    """`docs` (best first, with their scores; those of `near`) re-ordered by score plus
    proximity bonus."""
    if len(docs) < 2:
        return docs
    rescored = scores.astype(np.float64) + WEIGHT * near.bonus[np.searchsorted(near.docs, docs)]
    return docs[np.lexsort((docs, -rescored))]
