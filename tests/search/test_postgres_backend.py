"""The PostgreSQL backend against the same contract as Whoosh, on a real server: the run
with `DATABASE_URL=postgres://…` (`make test-postgres`, which `.ci/run` does)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from search.backends.base import SearchUnavailable
from tests.search.backend_contract import DOCS, BackendContract, RankingContract
from tests.search.queries import backend_query
from tests.search.spelling_contract import SpellingContract

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL as the database: run `make test-postgres`",
)


@pytest.fixture
def empty(db):
    from search.backends.postgres import PostgresBackend

    return PostgresBackend()


class TestPostgresBackend(BackendContract, RankingContract):
    @pytest.fixture
    def backend(self, empty):
        return empty


class TestPostgresSpelling(SpellingContract):
    @pytest.fixture
    def backend(self, empty):
        return empty


def test_missing_index_says_how_to_fix_it(empty):
    with pytest.raises(SearchUnavailable, match="rebuild_index"):
        empty.search(backend_query())
    assert empty.rebuild_reason() == "there is no index yet"


def test_a_rebuild_makes_an_index_that_is_up_to_date(empty):
    empty.rebuild(DOCS)
    assert empty.rebuild_reason() is None
    assert empty.search(backend_query()).total == 4
    assert empty.size_bytes() > 0


@pytest.fixture
def committed(transactional_db):
    """A backend whose tables other connections see (no test transaction), dropped after."""
    from search.backends.postgres import PostgresBackend, tables

    yield PostgresBackend()
    with connection.cursor() as cursor:
        for table in (tables.DOCUMENTS, tables.LEXICON):
            cursor.execute(f"DROP TABLE IF EXISTS {table}, {table}{tables.NEW}")


def test_searches_during_a_rebuild_keep_answering_from_the_old_index(committed):
    from django.db import connections

    committed.rebuild(DOCS)
    answers: list[object] = []
    stop = threading.Event()

    def search_until_stopped() -> None:
        try:
            while not stop.is_set():
                try:
                    answers.append(committed.search(backend_query(q="Moscow")).total)
                except Exception as exc:  # noqa: BLE001 (every failure is the finding)
                    answers.append(repr(exc))
        finally:
            connections.close_all()

    def slowly(documents):
        for document in documents:
            time.sleep(0.2)  # a long rebuild, so that searches run all through it
            yield document

    searcher = threading.Thread(target=search_until_stopped)
    searcher.start()
    try:
        renamed = [{**doc, "body": doc["body"].replace("Moscow", "Baku")} for doc in DOCS]
        assert committed.rebuild(slowly(renamed)) == 4
        time.sleep(0.2)
    finally:
        stop.set()
        searcher.join(timeout=30)
    assert len(answers) > 10
    # The old index (Moscow in two documents) until the switch, then the new one (none).
    assert set(answers) <= {2, 0}, {a for a in answers if a not in (2, 0)}
    assert answers[0] == 2 and answers[-1] == 0
    assert committed.search(backend_query(q="Baku")).total == 2


@pytest.mark.parametrize(
    ("q", "strategy"),
    [("trade talks", "all"), ("trade zebra", "most"), ('"talks went" trade zebra', "most")],
)
def test_filtered_results_ranked_after_the_scan_keep_the_order_of_ranking_in_it(
    empty, monkeypatch, q, strategy
):
    """With filters, the scan ranks nothing and the results are ranked by id once
    filtered; past `RANKED_BY_ID` results they are found again, ranked as scanned. Both
    ways give one order."""
    from search.backends.postgres import searching

    many = [
        {
            "id": n,
            "title": f"Talks {n}" if n % 3 else "Trade talks and trade routes",
            "body": "Trade routes were discussed. " * (n % 4 + 1)
            + ("Talks went on." if n % 5 else "Talks ended."),
            "source": "Outlet A",
            "countries": ["AM"] if n % 2 else ["IR"],
            "speakers": [],
            "date": None,
        }
        for n in range(1, 41)
    ]
    empty.index(many)
    query = backend_query(q=q, countries=("AM",), page_size=50)
    scans = []
    real_found = searching.found

    def found(cursor, plan, query):
        scans.append(plan.lead is None)  # ranked as scanned
        return real_found(cursor, plan, query)

    monkeypatch.setattr(searching, "found", found)
    monkeypatch.setattr(searching, "RERANKED", 3)  # the lead's rank orders the rest
    results = empty.search(query)
    after = [hit.id for hit in results.hits]
    assert results.strategy == strategy and scans[-1] is False
    monkeypatch.setattr(searching, "RANKED_BY_ID", 5)
    scans.clear()
    again = empty.search(query)
    assert scans[-2:] == [False, True]  # too many to rank by id: found again, ranked
    assert after == [hit.id for hit in again.hits] and len(after) == results.total > 10
    assert (results.total, results.complete, results.facets) == (
        again.total,
        again.complete,
        again.facets,
    )


def test_a_partial_match_reads_a_common_words_rows_once_while_they_stay_its_rows(
    empty, monkeypatch
):
    """A partial match keeps each common word's rows (`word_ids`) and reads them again
    only when they may have changed: a removed row with the word is never found from them."""
    from search.backends.postgres import searching, word_ids

    monkeypatch.setattr(word_ids, "KEPT", word_ids.WordIds())
    monkeypatch.setattr(word_ids, "KEPT_FROM", 1)  # every word is "common" here
    docs = [
        {**DOCS[0], "id": n, "title": f"Report {n}", "body": f"Trade routes {n}.", "date": None}
        for n in range(1, 7)
    ]
    empty.index(docs)
    scanned: list[int] = []
    real_scanned = searching._scanned

    def counting(cursor, scans):
        scanned.append(len(scans))
        return real_scanned(cursor, scans)

    monkeypatch.setattr(searching, "_scanned", counting)
    query = backend_query(q="trade zebra")  # no article has both: the rows with most words

    def found() -> list[int]:
        results = empty.search(query)
        assert results.strategy == "most"
        return sorted(hit.id for hit in results.hits)

    assert found() == [1, 2, 3, 4, 5, 6] and scanned == [2]
    assert found() == [1, 2, 3, 4, 5, 6] and scanned == [2, 1]  # "zebra" has no rows to keep
    empty.delete([2])  # no newer row: only the word's count tells
    assert found() == [1, 3, 4, 5, 6] and scanned[-1] == 2
    empty.index([{**docs[2], "body": "Shipping routes."}])  # article 3 loses the word
    assert found() == [1, 4, 5, 6] and scanned[-1] == 2
    empty.index([{**docs[0], "id": 9}])
    assert found() == [1, 4, 5, 6, 9] and scanned[-1] == 2


def test_each_kind_of_row_has_its_own_index_of_words(empty):
    """A word in most articles is in most of their statements too: one index of both kinds'
    rows gave a word's bitmap of 730,000 rows at 100,000 articles, ANDed with the kind's."""
    from search.backends.postgres.tables import DOCUMENTS

    empty.index(DOCS)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [DOCUMENTS, "%gin (words)%"],
        )
        found = sorted(definition for (definition,) in cursor.fetchall())
    assert len(found) == 2
    assert [d.endswith(f"WHERE (kind = {kind})") for kind, d in enumerate(found)] == [True] * 2


def test_the_lexicon_counts_follow_removed_and_replaced_rows(empty):
    """Spelling suggestions and related articles read how many rows have each word."""
    from search.backends.postgres.lexicon import SqlLexicon

    docs = [{**DOCS[0], "id": n, "body": "Caravans crossed.", "statements": []} for n in (1, 2)]
    empty.index(docs)
    with connection.cursor() as cursor:
        lexicon = SqlLexicon(cursor)
        assert lexicon.matches("caravan") == 2
        empty.index([{**docs[0], "body": "Camels rested."}])
        assert (lexicon.matches("caravan"), lexicon.matches("camel")) == (1, 1)
        empty.delete([2])
        assert lexicon.matches("caravan") == 0
        assert "caravans" not in lexicon.vocabulary({"caravans", "camels"})


def test_a_rebuild_with_helper_processes_writes_the_rows_one_process_writes(empty, monkeypatch):
    """Rows made by forked helpers, several chunks each, copied in the documents' order."""
    from concurrent.futures import ProcessPoolExecutor

    from search.backends.postgres import bulk, tables

    pools: list[int] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, workers, **options):
            pools.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr(bulk, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(bulk, "CHUNK", 1)
    docs = [{**doc, "id": doc["id"] + 10 * n} for n in range(3) for doc in DOCS]
    seen: list[int] = []

    def written() -> tuple[list[tuple], list[tuple]]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT kind, id, parent, words::text, pairs::text, lead::text, countries, date "
                f"FROM {tables.DOCUMENTS} ORDER BY kind, id"
            )
            rows = cursor.fetchall()
            cursor.execute(f"SELECT kind, word, docs FROM {tables.LEXICON} ORDER BY kind, word")
            return rows, cursor.fetchall()

    assert empty.rebuild(docs, on_progress=lambda: seen.append(1)) == len(docs)
    alone = written()
    assert pools == [] and len(seen) == len(docs)
    assert empty.rebuild(docs, on_progress=lambda: seen.append(2), procs=2) == len(docs)
    assert pools == [2] and seen.count(2) == len(docs)
    assert written() == alone and len(alone[0]) == len(docs)
    assert empty.search(backend_query(q="Lavrov")).total > 0
