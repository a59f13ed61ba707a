"""Saved postings arrays must answer exactly what Whoosh's own postings and phrases answer."""

from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh import query as wq

from search.backends.whoosh import WhooshBackend
from search.backends.whoosh import postings as whoosh_postings
from search.backends.whoosh.analysis import index_term
from search.backends.whoosh.postings import read_blocks
from tests.search.queries import backend_query

WORDS = [
    "peace",
    "talks",
    "minister",
    "border",
    "trade",
    "gas",
    "visit",
    "summit",
    "the",
    "of",
    "corridor",
    "Zangezur",
]


def _documents(count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "id": str(n),
            "title": " ".join(rng.choices(WORDS, k=4)),
            "body": " ".join(rng.choices(WORDS, k=rng.randint(3, 400))),
            "source": "Outlet",
            "countries": rng.sample(["AM", "AZ", "GE", "IR"], 2),
            "speakers": [],
            "statements": [
                {"id": n * 10 + k, "text": " ".join(rng.choices(WORDS, k=12)), "speaker": "x"}
                for k in range(rng.randint(0, 2))
            ],
        }
        for n in range(1, count + 1)
    ]


@pytest.fixture
def saved(tmp_path, monkeypatch):
    """A two-segment index whose every term is saved (thresholds lowered to fit a test)."""
    monkeypatch.setattr(whoosh_postings, "MIN_DOCS", 2)
    monkeypatch.setattr(whoosh_postings, "MIN_SEGMENT_DOCS", 1)
    backend = WhooshBackend(tmp_path / "ix")
    documents = _documents(300)
    backend.rebuild(documents[:200], procs=1)
    backend.index(documents[200:])  # a second segment: both are saved only after a rebuild
    backend.rebuild(documents, procs=2)
    backend.search(backend_query(q="peace"))
    return backend


def test_every_frequent_term_is_saved_and_equals_whoosh(saved):
    engine = saved._snapshot.engine
    assert len(engine.leaves) == 2 and all(engine.saved)
    for (reader, _), segment in zip(engine.leaves, engine.saved, strict=True):
        for field in ("body", "title", "countries"):
            for text, _info in reader.iter_field(field):
                term = segment.term(field, text)
                assert term is not None, (field, text)
                matcher = reader._terms.matcher(field, text, reader.schema[field].format)
                ids, weights, positions, counts = read_blocks(matcher, field != "countries")
                assert np.array_equal(term.docs, ids)
                assert np.array_equal(term.weights, weights)
                if field != "countries":
                    rows = np.arange(len(ids))
                    owners, found = term.positions_at(rows)
                    assert positions is not None and counts is not None
                    assert np.array_equal(found, positions)
                    assert np.array_equal(np.bincount(owners, minlength=len(ids)), counts)


@pytest.mark.parametrize(
    "words",
    [("peace", "talks"), ("border", "trade", "gas"), ("zangezur", "corridor"), ("talks", "talks")],
)
def test_phrases_match_what_whoosh_matches(saved, words):
    engine = saved._snapshot.engine
    phrase = wq.Phrase("body", [index_term(w) for w in words])
    expected = sorted(saved._snapshot.searcher.docs_for_query(phrase))
    assert expected, "the corpus should contain each phrase"
    assert engine._phrase(phrase).docs.tolist() == expected


def test_phrases_read_from_whoosh_when_nothing_is_saved(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.rebuild(_documents(60), procs=1)  # below the saving thresholds
    backend.search(backend_query(q="peace"))
    assert not any(backend._snapshot.engine.saved)
    phrase = wq.Phrase("body", [index_term("peace"), index_term("talks")])
    expected = sorted(backend._snapshot.searcher.docs_for_query(phrase))
    assert expected and backend._snapshot.engine._phrase(phrase).docs.tolist() == expected


def test_a_big_segment_written_by_saves_is_decoded_by_the_writer(tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh_postings, "MIN_DOCS", 2)
    monkeypatch.setattr(whoosh_postings, "MIN_SEGMENT_DOCS", 50)
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(_documents(20))  # small: left to Whoosh
    backend.search(backend_query(q="peace"))
    assert not any(backend._snapshot.engine.saved)
    backend.index(_documents(80, seed=6))  # its segment, or a merge, passes the threshold
    backend.search(backend_query(q="peace"))
    assert any(backend._snapshot.engine.saved)


@pytest.mark.parametrize("use_saved", [True, False])
def test_a_phrase_with_slop_still_goes_through_whoosh_positions(tmp_path, monkeypatch, use_saved):
    if use_saved:
        monkeypatch.setattr(whoosh_postings, "MIN_DOCS", 2)
        monkeypatch.setattr(whoosh_postings, "MIN_SEGMENT_DOCS", 1)
    backend = WhooshBackend(tmp_path / "ix")
    backend.rebuild(
        [
            {"id": "1", "title": "", "body": "peace and lasting talks", "statements": []},
            {"id": "2", "title": "", "body": "talks about peace", "statements": []},
            {"id": "3", "title": "", "body": "peace talks", "statements": []},
        ],
        procs=1,
    )
    near = backend.search(backend_query(q='"peace talks"~3'))
    exact = backend.search(backend_query(q='"peace talks"'))
    assert sorted(hit.id for hit in near.hits) == [1, 3]
    assert [hit.id for hit in exact.hits] == [3]
