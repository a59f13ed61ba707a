"""Passages from the index's word positions and the saved word starts equal tokenising again."""

from __future__ import annotations

import random

import pytest

from search.backends.whoosh import WhooshBackend, highlight
from search.backends.whoosh import postings as whoosh_postings
from search.backends.whoosh.word_starts import COLUMN, decode, encode
from tests.search.queries import backend_query, tree

SENTENCE = (
    "the talks of 3+3 Türkiye Turkey's U.S. minister said peace corridor Zangezur and "
    "gas border Erdoğan naïve élan visit summit a in, on. «trade» (grain) — 2023"
)
WORDS = SENTENCE.split()
FAR = " " + "-" * 300 + " "  # a gap of more than 255 characters between two words


def _text(rng: random.Random, size: int) -> str:
    words = rng.choices(WORDS, k=size)
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), FAR)
    return " ".join(words)


def _documents(count: int, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "id": str(n),
            "title": _text(rng, 5),
            "body": _text(rng, rng.randint(1, 300)),
            "source": "Outlet",
            "countries": ["AM"],
            "speakers": ["x"],
            "statements": [{"id": n, "text": _text(rng, 15), "speaker": "x"}],
        }
        for n in range(1, count + 1)
    ]


QUERIES = [
    "talks",
    "peace corridor",
    "Turkiye",
    '"the talks of the minister"',
    '"peace corridor" gas',
    "3+3",
    "corrid*",
    "pease~",
    "grain OR trade",
    "said -visit",
]


@pytest.mark.parametrize(
    "text",
    [
        "The talks of the minister",
        "the of a" + FAR + "talks",
        "Türkiye" + FAR + FAR + "and 3+3, U.S. talks",
        "x",
    ],
)
def test_word_starts_round_trip(text):
    kept = [(start, i) for i, (start, _, term) in enumerate(highlight.tokens(text)) if term]
    first, starts = decode(encode(text))
    assert first == kept[0][1]
    assert starts.tolist() == [start for start, _ in kept]


@pytest.mark.parametrize("text", ["", "the of a", " — "])
def test_a_text_without_indexed_words_saves_nothing(text):
    assert encode(text) == b""


def _passages_by_tokenising(backend, hits, q):
    terms, phrases = backend.marking(tree(q))
    stored = backend._current().searcher.document
    expected = []
    for hit in hits:
        kind_id = f"s{hit.id}" if hit.article_id else str(hit.id)
        text = stored(id=kind_id)["body"]
        passages = highlight.passages(text, terms, phrases)
        if hit.article_id and passages and not terms:
            passages = [highlight.whole(text, terms)]
        expected.append(tuple(passages))
    return expected


def _search_without_tokenising(backend, q, monkeypatch, **params):
    with monkeypatch.context() as patched:

        def tokenising(*args):
            raise AssertionError("a hit's body was tokenised")

        patched.setattr(highlight, "passages", tokenising)
        return backend.search(backend_query(q=q, page_size=50, **params)).hits


@pytest.fixture(params=[False, True], ids=["read-from-whoosh", "saved-postings"])
def backend(request, tmp_path, monkeypatch):
    """Two segments; with every term's postings saved beside them, or none."""
    if request.param:
        monkeypatch.setattr(whoosh_postings, "MIN_DOCS", 2)
        monkeypatch.setattr(whoosh_postings, "MIN_SEGMENT_DOCS", 1)
    backend = WhooshBackend(tmp_path / "ix")
    documents = _documents(160)
    backend.rebuild(documents[:120], procs=1)
    backend.index(documents[120:])
    return backend


@pytest.mark.parametrize("q", QUERIES)
def test_passages_come_from_saved_word_starts_and_equal_tokenising(backend, q, monkeypatch):
    for kind in ("articles", "statements"):
        hits = _search_without_tokenising(backend, q, monkeypatch, mode=kind)
        assert hits, q
        assert [hit.passages for hit in hits] == _passages_by_tokenising(backend, hits, q)


def test_an_index_written_before_word_starts_tokenises_its_hits(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.schema.remove(COLUMN)  # the index is made with the schema from before the column
    backend.index(_documents(40))
    assert COLUMN not in backend._current().searcher.schema
    hits = backend.search(backend_query(q='talks "peace corridor"', page_size=50)).hits
    assert hits
    assert [hit.passages for hit in hits] == _passages_by_tokenising(
        backend, hits, 'talks "peace corridor"'
    )
