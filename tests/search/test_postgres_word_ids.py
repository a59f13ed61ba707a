"""The common words' rows a process keeps between searches (`word_ids`): used only with the
stamp they were read with, only for common words, and within a size."""

from __future__ import annotations

import numpy as np

from search.backends.postgres.word_ids import KEPT_FROM, Stamp, WordIds

STAMP = Stamp(table=7, generation=40, docs=3_000)


def ids(count: int, start: int = 1) -> np.ndarray:
    return np.arange(start, start + count, dtype=np.int64)


def listed(found: np.ndarray | None) -> list[int]:
    assert found is not None
    return found.tolist()


def test_a_words_rows_are_given_back_only_with_the_stamp_they_were_read_with():
    kept = WordIds()
    kept.keep(0, "trade", STAMP, ids(KEPT_FROM))
    assert listed(kept.get(0, "trade", STAMP)) == ids(KEPT_FROM).tolist()
    for changed in (
        Stamp(8, 40, 3_000),  # a rebuilt table
        Stamp(7, 41, 3_000),  # a row written since
        Stamp(7, 40, 2_999),  # a row with the word removed since
    ):
        assert kept.get(0, "trade", changed) is None
    assert kept.get(1, "trade", STAMP) is None  # the other kind's rows are not these


def test_only_common_words_are_kept_and_in_four_bytes_an_id():
    kept = WordIds()
    kept.keep(0, "rare", STAMP, ids(KEPT_FROM - 1))
    kept.keep(0, "common", STAMP, ids(KEPT_FROM))
    assert kept.get(0, "rare", STAMP) is None
    assert kept.get(0, "common", STAMP).dtype == np.int32
    wide = ids(KEPT_FROM, start=2**40)
    kept.keep(0, "wide", STAMP, wide)
    assert listed(kept.get(0, "wide", STAMP)) == wide.tolist()  # too large for 4 bytes: as read


def test_the_least_recently_used_words_are_dropped_past_the_size():
    kept = WordIds(max_bytes=KEPT_FROM * 4 * 2)  # two words' rows
    for word in ("a", "b"):
        kept.keep(0, word, STAMP, ids(KEPT_FROM))
    assert kept.get(0, "a", STAMP) is not None  # "a" used last: "b" goes first
    kept.keep(0, "c", STAMP, ids(KEPT_FROM))
    assert [kept.get(0, w, STAMP) is not None for w in "abc"] == [True, False, True]
    kept.keep(0, "c", STAMP, ids(KEPT_FROM))  # kept again: counted once
    assert [kept.get(0, w, STAMP) is not None for w in "ac"] == [True, True]
    kept.forget()
    assert kept.get(0, "a", STAMP) is None and kept.get(0, "c", STAMP) is None
