"""Set algebra of the engine: the sparse and the dense ways of combining give one answer."""

from __future__ import annotations

import numpy as np
import pytest

from search.backends.whoosh.engine import Match, intersect, subtract, union


def _match(docs: list[int], score: float) -> Match:
    unique = np.array(sorted(set(docs)), dtype=np.int32)
    return Match(unique, np.full(len(unique), score, dtype=np.float32))


def _expected(matches: list[Match]) -> dict[int, float]:
    summed: dict[int, float] = {}
    for m in matches:
        for doc, score in zip(m.docs.tolist(), m.scores.tolist(), strict=True):
            summed[doc] = summed.get(doc, 0.0) + score
    return summed


@pytest.mark.parametrize("spread", [10, 1_000_000])  # dense slots, then a sort of few docs
def test_union_adds_scores_of_documents_in_several_matches(spread):
    rng = np.random.default_rng(3)
    matches = [_match(rng.integers(0, spread, 50).tolist(), s) for s in (1.0, 2.0, 0.5)]
    found = union(matches)
    expected = _expected(matches)
    assert found.docs.tolist() == sorted(expected)
    assert np.allclose(found.scores, [expected[d] for d in sorted(expected)])


def test_intersect_and_subtract():
    a, b = _match([1, 2, 3, 9], 1.0), _match([2, 3, 4], 2.0)
    both = intersect([a, b])
    assert both.docs.tolist() == [2, 3] and both.scores.tolist() == [3.0, 3.0]
    assert subtract(a, b).docs.tolist() == [1, 9]
    assert union([a, Match.empty()]) is a
