"""The PostgreSQL backend against the same contract as Whoosh, on a real server: the run
with `DATABASE_URL=postgres://…` (`make test-postgres`, which `.ci/run` does)."""

from __future__ import annotations

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
