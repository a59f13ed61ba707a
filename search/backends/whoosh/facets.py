"""Result orders over per-document arrays; facet counts are `search.backends.facet_arrays`."""

from __future__ import annotations

import numpy as np

from search.backends.whoosh.arrays import DocArrays


def by_day(arrays: DocArrays, docs: np.ndarray, *, newest: bool) -> np.ndarray:
    """Date order with undated documents last either way; ties by index order."""
    days = arrays.days[docs].astype(np.int64)
    key = -days if newest else days
    undated = days == 0
    order = np.lexsort((docs if not newest else -docs.astype(np.int64), key, undated))
    return docs[order]


def top(docs: np.ndarray, scores: np.ndarray, count: int) -> np.ndarray:
    """The `count` best-scoring documents, best first (ties: lower docnum first)."""
    if len(docs) > count:
        best = np.argpartition(-scores, count - 1)[:count]
        docs, scores = docs[best], scores[best]
    return docs[np.lexsort((docs, -scores))]
