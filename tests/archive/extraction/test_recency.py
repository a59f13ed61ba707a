"""The latest-candidate lookups against a plain scan of everything added."""

from __future__ import annotations

import random

from archive.extraction.recency import Furthest, Latest


def _scan_latest(rows, pos):
    return next((item for offset, item in reversed(rows) if offset < pos), None)


def test_latest_is_the_last_added_item_before_a_position():
    latest: Latest[str] = Latest()
    for offset, item in [(10, "a"), (30, "b"), (20, "c"), (40, "d")]:
        latest.add(offset, item)
    assert [latest.before(p) for p in (5, 11, 21, 31, 41)] == [None, "a", "c", "c", "d"]


def test_latest_agrees_with_a_scan_on_random_offsets():
    rng = random.Random(9)
    for _ in range(200):
        latest: Latest[int] = Latest()
        rows: list[tuple[int, int]] = []
        for n in range(rng.randrange(1, 30)):
            offset = rng.randrange(50)
            latest.add(offset, n)
            rows.append((offset, n))
            pos = rng.randrange(55)
            assert latest.before(pos) == _scan_latest(rows, pos)


def test_furthest_is_the_greatest_offset_and_name_before_a_position():
    rng = random.Random(9)
    furthest, rows = Furthest(), []
    for _ in range(300):
        row = (rng.randrange(100), rng.choice("abc"))
        furthest.add(*row)
        rows.append(row)
        pos = rng.randrange(105)
        assert furthest.before(pos) == max((r for r in rows if r[0] < pos), default=None)
