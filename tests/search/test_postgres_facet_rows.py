"""The PostgreSQL backend's per-process facet arrays: decoding PostgreSQL's binary arrays,
and bringing kept arrays up to date with the rows written since."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from django.db import connection

from search.backends.facet_arrays import TABLES
from search.backends.postgres import facet_rows
from search.backends.postgres.facet_rows import RowArrays


def sent(values: list[int], oid: int = 20) -> bytes:
    """An int8 (oid 20) or int4 (23) array as PostgreSQL's `array_send` writes it."""
    size, code = (8, "q") if oid == 20 else (4, "i")
    header = struct.pack(">iiiii", 1, 0, oid, len(values), 1)
    return header + b"".join(struct.pack(f">i{code}", size, v) for v in values)


@pytest.mark.parametrize("oid", [20, 23])
def test_binary_arrays_decode_to_numbers(oid):
    assert facet_rows.decoded(sent([5, -1, 2**31 - 1], oid)).tolist() == [5, -1, 2**31 - 1]


def test_no_array_decodes_empty():
    assert facet_rows.decoded(None).tolist() == []
    assert facet_rows.decoded(struct.pack(">iii", 0, 0, 20)).tolist() == []


def arrays(generation, ids, countries, days):
    code = TABLES["country"].id
    width = max(len(c) for c in countries)
    values = np.array([[code(v) for v in c] + [-1] * (width - len(c)) for c in countries])
    return RowArrays.of(
        1,
        generation,
        np.array(ids, dtype=np.int64),
        {"country": values.astype(np.int32), "speaker": np.full((len(ids), 1), -1, np.int32)},
        np.full(len(ids), -1, np.int32),
        np.array(days, dtype=np.int32),
    )


def test_newer_rows_replace_the_same_ids_and_the_rest_are_added_in_order():
    kept = arrays(4, [2, 5, 9], [["AM"], ["RU", "IR"], ["TR"]], [20230101, 0, 20240101])
    newer = arrays(7, [1, 5], [["GE"], ["AZ"]], [20220101, 20250101])
    both = kept.updated(newer)
    assert both.generation == 7
    assert both.ids.tolist() == [1, 2, 5, 9]
    names = TABLES["country"].values
    assert [[names[i] for i in row if i >= 0] for row in both.values["country"]] == [
        ["GE"],
        ["AM"],
        ["AZ"],
        ["TR"],
    ]
    assert both.days.tolist() == [20220101, 20230101, 20250101, 20240101]
    assert both.day_table[both.day_places].tolist() == both.days.tolist()
    places, known = both.places_of(np.array([9, 3, 1]))
    assert places.tolist() == [3, 0] and known.tolist() == [True, False, True]


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL as the database: run `make test-postgres`",
)


@needs_postgres
def test_postgres_binary_arrays_decode(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_send(ARRAY[3, 1, 2]::int8[]), array_send(ARRAY[7]::int4[]), "
            "array_send(ARRAY[0.25, -2]::float8[]), array_send('{}'::int4[])"
        )
        int8, int4, float8, empty = cursor.fetchone()
    assert facet_rows.decoded(int8).tolist() == [3, 1, 2]
    assert facet_rows.decoded(int4).tolist() == [7]
    assert facet_rows.decoded(float8).tolist() == [0.25, -2.0]
    assert facet_rows.decoded(empty).tolist() == []


@needs_postgres
def test_a_search_reads_only_the_rows_written_since_the_last(db, monkeypatch):
    from search.backends.postgres import PostgresBackend
    from tests.search.backend_contract import DOCS
    from tests.search.queries import backend_query

    backend = PostgresBackend()
    backend.index(DOCS)
    backend.search(backend_query())
    read = []
    real_read = facet_rows.read

    def spy(cursor, kind, since=0):
        found = real_read(cursor, kind, since)
        read.append((since, found.ids.tolist()))
        return found

    monkeypatch.setattr(facet_rows, "read", spy)
    backend.search(backend_query())
    assert read == []  # nothing written since: the kept arrays serve
    backend.index([{**DOCS[1], "countries": ["GE"]}])
    results = backend.search(backend_query(countries=("GE",)))
    assert results.total == 1 and ("GE", 1) in results.facets["country"]
    assert len(read) == 1 and read[0][0] > 0 and read[0][1] == [2]


@needs_postgres
def test_gunicorns_master_reads_the_arrays_and_leaves_no_connection_open(transactional_db):
    """`preload` reads the articles' arrays once for every worker it forks; the connection
    it read them through is closed, since a forked worker must not share it."""
    import gc

    from django.test import override_settings

    from config.preload import preload
    from search import backends
    from search.backends.postgres import PostgresBackend, tables
    from search.backends.postgres.rows import ARTICLE, STATEMENT
    from tests.search.backend_contract import DOCS

    PostgresBackend().index(DOCS)
    facet_rows.forget()
    try:
        with override_settings(DISPATCH_SEARCH_BACKEND="search.backends.postgres.PostgresBackend"):
            backends.reset_backend()
            preload()
            assert connection.connection is None
            assert sorted(facet_rows._kept[ARTICLE].ids.tolist()) == [1, 2, 3, 4]
            assert STATEMENT in facet_rows._kept  # none here, but read: a kind is read whole
    finally:
        gc.unfreeze()
        backends.reset_backend()
        facet_rows.forget()
        with connection.cursor() as cursor:
            for table in (tables.DOCUMENTS, tables.LEXICON):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")


@needs_postgres
def test_reading_the_arrays_is_not_bound_by_the_search_budget(db, monkeypatch):
    """A search's transaction stops any statement past its budget; reading the arrays (3 s
    for 640,000 statements) is exempt, and the budget holds again after it."""
    from django.db import transaction
    from django.db.utils import OperationalError

    from search.backends.postgres import PostgresBackend
    from search.backends.postgres.rows import ARTICLE
    from tests.search.backend_contract import DOCS

    PostgresBackend().index(DOCS)
    facet_rows.forget()
    real_read = facet_rows.read

    def slow_read(cursor, kind, since=0):
        cursor.execute("SELECT pg_sleep(0.2)")
        return real_read(cursor, kind, since)

    monkeypatch.setattr(facet_rows, "read", slow_read)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = '50ms'")
        table, generation = facet_rows.state(cursor, ARTICLE)
        assert len(facet_rows.current(cursor, ARTICLE, table, generation).ids) == 4
        with pytest.raises(OperationalError), transaction.atomic():
            cursor.execute("SELECT pg_sleep(0.2)")
    facet_rows.forget()
