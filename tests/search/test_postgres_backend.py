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
