"""Set algebra of the engine: the sparse and the dense ways of combining give one answer."""

from __future__ import annotations

import numpy as np
import pytest

from search.backends.whoosh import engine
from search.backends.whoosh.engine import Match, MatchWord, intersect, subtract, union
from search.backends.whoosh.partial import Words


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


def test_intersect_of_many_keeps_documents_in_all_and_adds_their_scores():
    rng = np.random.default_rng(5)
    matches = [
        _match(rng.integers(0, 60, size).tolist(), s)
        for size, s in ((40, 1.0), (8, 2.0), (30, 0.5))
    ]
    found = intersect(matches)
    sets = [set(m.docs.tolist()) for m in matches]
    common = sorted(set.intersection(*sets))
    assert found.docs.tolist() == common
    assert np.allclose(found.scores, [3.5] * len(common))
    assert intersect([matches[0], Match.empty(), matches[1]]).docs.tolist() == []


def test_the_words_each_hit_of_a_partial_match_lacks():
    found = [_match([1, 2, 5], 1.0), _match([2, 7], 1.0), _match([1, 2], 1.0), _match([2], 1.0)]
    words = Words(("grain", "corridor", "non", "circular"), tuple(map(MatchWord, found)))
    assert words.missing(np.array([2, 1, 7, 9])) == [
        (),
        ("corridor", "circular"),
        ("grain", "non", "circular"),
        ("grain", "corridor", "non", "circular"),
    ]
    repeated = Words(
        ("non-circular", "non-circular"), (MatchWord(_match([1], 1.0)), MatchWord(Match.empty()))
    )
    assert repeated.missing(np.array([1, 3])) == [("non-circular",), ("non-circular",)]


def test_kept_matches_are_bounded_in_bytes(monkeypatch):
    monkeypatch.setattr(engine, "CACHED_MATCH_BYTES", 10_000)
    kept = engine._Kept(10, engine._size)
    big = _match(list(range(1000)), 1.0)  # 8,000 bytes of docs and scores
    kept.keep("first", big)
    kept.keep("second", big)
    assert list(kept._kept) == ["second"] and kept._bytes == 8_000
    kept.keep("small", _match([1, 2], 1.0))
    assert list(kept._kept) == ["second", "small"]


def test_kept_matches_are_bounded_in_number():
    kept = engine._Kept(2, engine._size)
    for key in ("a", "b", "c"):
        kept.keep(key, _match([1], 1.0))
    assert list(kept._kept) == ["b", "c"] and kept._bytes == 16
