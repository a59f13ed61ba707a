from __future__ import annotations

import pytest

from search.backends.base import SearchUnavailable
from search.backends.whoosh import WhooshBackend
from search.query import SearchParams
from tests.search.backend_contract import DOCS, BackendContract, RankingContract


class TestWhooshBackend(BackendContract, RankingContract):
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


def test_the_fast_highlighter_tokenizes_exactly_like_the_index():
    from search.backends.whoosh_highlight import tokens
    from search.backends.whoosh_schema import TEXT_ANALYZER

    text = (
        "The 3+3 platform: Türkiye's ministers said they're 'talking' with U.S. officials — "
        "Erdoğan, Araghchi and Lavrov met in 2023 at the U.N. in New York; élan, naïve, Ⅻ."
    )
    expected = [t.text for t in TEXT_ANALYZER(text)]
    assert [term for _, _, term in tokens(text) if term is not None] == expected


def test_a_damaged_index_says_how_to_recover(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    folder = backend.store.current()
    for toc in folder.glob("_MAIN_*.toc"):
        toc.write_bytes(b"not a table of contents")
    fresh = WhooshBackend(tmp_path / "ix")
    with pytest.raises(SearchUnavailable, match="cannot be read .*rebuild_index"):
        fresh.search(SearchParams())
    fresh.rebuild(DOCS)
    assert fresh.search(SearchParams()).total == 4
