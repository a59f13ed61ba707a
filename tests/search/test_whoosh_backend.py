from __future__ import annotations

import datetime
import threading
from collections import Counter

import numpy as np
import pytest
from whoosh.searching import Searcher

from search.backends.base import SearchUnavailable
from search.backends.facet_arrays import MULTI_FACETS
from search.backends.whoosh import WhooshBackend
from search.backends.whoosh import engine as whoosh_engine
from search.backends.whoosh.arrays import LENGTH_FIELDS, SegmentArrays
from search.backends.whoosh.engine import Word
from tests.search.backend_contract import DOCS, BackendContract, RankingContract
from tests.search.queries import backend_query, tree


class TestWhooshBackend(BackendContract, RankingContract):
    @pytest.fixture
    def backend(self, tmp_path):
        return WhooshBackend(tmp_path / "whoosh")


def test_missing_index_says_how_to_fix_it(tmp_path):
    backend = WhooshBackend(tmp_path / "nothing-here")
    with pytest.raises(SearchUnavailable, match="rebuild_index"):
        backend.search(backend_query())


def test_a_second_process_view_sees_new_commits(tmp_path):
    writer, reader = WhooshBackend(tmp_path / "ix"), WhooshBackend(tmp_path / "ix")
    writer.index(DOCS[:1])
    assert reader.search(backend_query()).total == 1
    writer.index(DOCS[1:])
    assert reader.search(backend_query()).total == 4


def test_a_damaged_index_says_how_to_recover(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    folder = backend.store.current()
    for toc in folder.glob("_MAIN_*.toc"):
        toc.write_bytes(b"not a table of contents")
    fresh = WhooshBackend(tmp_path / "ix")
    with pytest.raises(SearchUnavailable, match="cannot be read .*rebuild_index"):
        fresh.search(backend_query())
    fresh.rebuild(DOCS)
    assert fresh.search(backend_query()).total == 4


def test_a_table_of_contents_replaced_while_it_is_read_is_read_again(tmp_path, monkeypatch):
    writer, reader = WhooshBackend(tmp_path / "ix"), WhooshBackend(tmp_path / "ix")
    writer.index(DOCS[:1])
    assert reader.search(backend_query()).total == 1
    writer.index(DOCS[1:])
    opened, calls = reader.store.open, []

    def open_once_stale():  # as if another process committed while this one read the TOC
        index = opened()
        searcher = index.searcher

        def stale_searcher():
            calls.append(1)
            if len(calls) == 1:
                raise FileNotFoundError("_MAIN_2.toc")
            return searcher()

        index.searcher = stale_searcher
        return index

    monkeypatch.setattr(reader.store, "open", open_once_stale)
    reader._ix = None  # the next search opens the index again
    assert reader.search(backend_query()).total == 4


@pytest.mark.parametrize("procs", [1, 2])
def test_segments_are_plain_files_so_opening_the_index_copies_nothing(tmp_path, procs):
    backend = WhooshBackend(tmp_path / "ix")
    backend.rebuild(DOCS[:2], procs=procs)
    backend.index(DOCS[2:])  # an incremental segment, and maybe a merge
    segments = backend.store.open()._segments()
    assert segments and not any(segment.is_compound() for segment in segments)
    assert not list(backend.store.current().glob("*.seg"))


def test_a_search_running_across_an_index_switch_sees_one_generation(tmp_path, monkeypatch):
    backend = WhooshBackend(tmp_path / "ix")
    backend.rebuild(DOCS)
    expected = backend.related(1, count=3)
    assert expected
    paused, resume = threading.Event(), threading.Event()
    key_terms = Searcher.key_terms_from_text

    def key_terms_then_wait(self, *args, **kwargs):
        terms = key_terms(self, *args, **kwargs)
        if threading.current_thread().name == "reader":
            paused.set()
            assert resume.wait(30)
        return terms

    monkeypatch.setattr(Searcher, "key_terms_from_text", key_terms_then_wait)
    found: list[list[int]] = []
    reader = threading.Thread(target=lambda: found.append(backend.related(1, count=3)))
    reader.name = "reader"
    reader.start()
    assert paused.wait(30)
    # Meanwhile another thread of the worker switches to a generation whose documents have
    # other numbers, and searches it.
    backend.rebuild(list(reversed(DOCS)))
    assert backend.search(backend_query()).total == 4
    resume.set()
    reader.join(30)
    assert found == [expected]  # numbered as in the generation it started with


def test_words_stay_scored_between_queries_until_the_postings_are_forgotten(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    backend.search(backend_query("moscow talks"))
    engine = backend._current().engine
    words = dict(engine._words._kept)
    assert words and len(engine._matches._kept) == 1
    backend.forget_cached_queries(postings=False)  # what the benchmark does between queries
    assert not engine._matches._kept and engine._words._kept == words
    backend.search(backend_query("moscow"))
    assert all(engine._words.get(key) is match for key, match in words.items())
    backend.forget_cached_queries(postings=True)
    assert not engine._words._kept


@pytest.mark.parametrize("text", ["moscow", "ministers", "talks", "russia", "nowhere"])
def test_a_word_looked_up_where_asked_scores_as_its_full_match(tmp_path, text):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    engine = backend._current().engine
    docs = np.arange(engine.arrays.size, dtype=np.int32)
    for query in backend.compiler.words(tree(text)):  # every field (BM25F), one field (BM25)
        for word in (query, query.subqueries[0] if hasattr(query, "subqueries") else query):
            full = engine.evaluate(word)
            looked_up = Word(engine, word)
            assert looked_up.contains(docs).tolist() == np.isin(docs, full.docs).tolist()
            assert looked_up.count == len(full.docs)
            expected = np.zeros(len(docs), dtype=np.float32)
            expected[full.docs] = full.scores
            assert np.allclose(looked_up.scores_at(docs), expected, rtol=1e-6)
            counts = np.zeros(len(docs), dtype=np.uint16)
            looked_up.count_into(counts, "every", np.ones(len(docs), dtype=bool))
            assert np.flatnonzero(counts).tolist() == full.docs.tolist()
            articles = np.zeros(len(docs), dtype=np.uint16)
            looked_up.count_into(articles, "odd", docs % 2 == 1)
            assert np.flatnonzero(articles).tolist() == [d for d in full.docs if d % 2]


def test_words_kept_for_long_queries_are_bounded_in_bytes(tmp_path, monkeypatch):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    engine = backend._current().engine
    moscow, talks = (backend.compiler.words(tree(w))[0] for w in ("moscow", "talks"))
    assert engine.matcher(moscow) is engine.matcher(moscow)  # kept
    wanted = np.ones(engine.arrays.size, dtype=bool)
    counts = np.zeros(engine.arrays.size, dtype=np.uint16)
    engine.matcher(moscow).count_into(counts, "every", wanted)
    kept = engine._kind_docs.get(f"every:{moscow!r}")
    assert kept is not None and len(kept) == 2
    monkeypatch.setattr(whoosh_engine, "CACHED_MATCH_BYTES", kept.nbytes)
    engine.matcher(talks).count_into(counts, "every", wanted)  # over the bound with both
    assert engine._kind_docs.get(f"every:{moscow!r}") is None
    assert engine._kind_docs.get(f"every:{talks!r}") is not None


def test_postings_kept_between_queries_are_bounded_in_bytes(tmp_path, monkeypatch):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    engine = backend._current().engine
    moscow = engine.postings("body", b"moscow")
    assert engine.postings("body", b"moscow") is moscow  # kept
    monkeypatch.setattr(whoosh_engine, "CACHED_MATCH_BYTES", moscow[0].nbytes + moscow[1].nbytes)
    engine.postings("body", b"minist")  # over the bound with both: the older one goes
    assert engine.postings("body", b"moscow") is not moscow


def test_days_are_counted_across_segments_deletions_and_undated_documents(tmp_path):
    # Each segment numbers its own days; the counts must agree with a plain tally.
    backend = WhooshBackend(tmp_path / "ix")
    days = [datetime.date(2019 + n % 5, 1 + n % 12, 1 + n % 28) for n in range(40)]
    docs = [
        {"id": n, "title": f"Report {n}", "body": "talks on trade", "date": day if n % 7 else None}
        for n, day in enumerate(days, start=1)
    ]
    for start in range(0, 40, 10):  # four commits, four segments (merge=False keeps them)
        backend.index(docs[start : start + 10], merge=False)
    backend.delete([2, 3])
    live = [d for d in docs if d["id"] not in (2, 3)]
    results = backend.search(backend_query(q="trade"))
    assert results.days == Counter(d["date"] for d in live if d["date"])
    span = {"date_from": datetime.date(2020, 1, 1), "date_to": datetime.date(2021, 12, 31)}
    ranged = backend.search(backend_query(q="trade", **span))
    assert ranged.facet_days == results.days
    assert ranged.days == {day: n for day, n in results.days.items() if day.year in (2020, 2021)}


def test_saved_arrays_keep_the_day_index_and_older_files_still_load(tmp_path):
    days = np.array([20230118, 0, 20211210, 20230118], dtype=np.int32)
    arrays = SegmentArrays(
        kinds=np.ones(4, np.uint8),
        days=days,
        values={facet: np.full((4, 1), -1, np.int32) for facet in MULTI_FACETS},
        sources=np.full(4, -1, np.int32),
        lengths={field: np.ones(4, np.float32) for field in LENGTH_FIELDS},
        ids=np.arange(4),
        parents=np.full(4, -1),
    )
    path = tmp_path / "segment.npz"
    arrays.save(path)
    loaded = SegmentArrays.load(path)
    assert loaded._day_index is not None  # read from the file, not worked out again
    table, places = loaded.day_index()
    assert table.tolist() == [0, 20211210, 20230118] and table[places].tolist() == days.tolist()
    with np.load(path) as data:  # as saved before days were indexed
        older = {name: data[name] for name in data.files if not name.startswith("day_")}
    np.savez(path, **older)
    loaded = SegmentArrays.load(path)
    assert loaded._day_index is None
    table, places = loaded.day_index()
    assert table[places].tolist() == days.tolist()
