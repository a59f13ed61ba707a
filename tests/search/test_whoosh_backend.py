from __future__ import annotations

import pytest

from search.backends.base import SearchUnavailable
from search.backends.whoosh import WhooshBackend
from search.query import SearchParams
from tests.search.backend_contract import DOCS, BackendContract


class TestWhooshBackend(BackendContract):
    @pytest.fixture
    def backend(self, tmp_path):
        return WhooshBackend(tmp_path / "whoosh")


def test_missing_index_says_how_to_fix_it(tmp_path):
    backend = WhooshBackend(tmp_path / "nothing-here")
    with pytest.raises(SearchUnavailable, match="rebuild_index"):
        backend.search(SearchParams())


def test_a_second_process_view_sees_new_commits(tmp_path):
    writer, reader = WhooshBackend(tmp_path / "ix"), WhooshBackend(tmp_path / "ix")
    writer.index(DOCS[:1])
    assert reader.search(SearchParams()).total == 1
    writer.index(DOCS[1:])
    assert reader.search(SearchParams()).total == 4
