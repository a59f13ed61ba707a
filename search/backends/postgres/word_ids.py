"""The rows of common words, kept by this process between searches, as Whoosh's backend keeps
the postings it has read.

A partial match counts every row with any of its words: a pasted 40-word passage reads the
rows of twenty words found in most of 100,000 articles, 25 to 60 ms each from the index, where
Whoosh reads its postings in under 1 ms. A common word's rows kept here are used for as long as
they are its rows now: while the table (its oid), the newest generation of the rows of its
kind (every write of a row makes a newer one) and the lexicon's count of rows with the word
(every row removed with the word lowers it, in the same transaction) are those they were read
with. A removal the count does not see took a row without the word: its rows are the same.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

# Only a common word's rows are worth keeping: a rare word's come from the index in a few ms.
KEPT_FROM = 2_000
# What one process keeps at most, the least recently used word dropped first: 8 million ids,
# stored in 4 bytes each (the rows of 80 words found in all of 100,000 articles).
MAX_BYTES = 32 * 2**20
NARROW = np.iinfo(np.int32).max


@dataclass(frozen=True)
class Stamp:
    """What a word's rows were read with: they are its rows while all three are the same."""

    table: int
    generation: int
    docs: int  # the lexicon's count of rows with the word, of either kind


class WordIds:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._kept: OrderedDict[tuple[int, str], tuple[Stamp, np.ndarray]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # a threaded server (runserver) shares one per process

    def get(self, kind: int, term: str, stamp: Stamp) -> np.ndarray | None:
        """The rows of `kind` with `term`, if kept with this stamp."""
        with self._lock:
            found = self._kept.get((kind, term))
            if found is None or found[0] != stamp:
                return None
            self._kept.move_to_end((kind, term))
            return found[1]

    def keep(self, kind: int, term: str, stamp: Stamp, ids: np.ndarray) -> None:
        if len(ids) < KEPT_FROM:
            return
        if ids.max() <= NARROW:
            ids = ids.astype(np.int32)
        if ids.nbytes > self.max_bytes:
            return
        with self._lock:
            self._drop((kind, term))
            self._kept[(kind, term)] = (stamp, ids)
            self._size += ids.nbytes
            while self._size > self.max_bytes:
                self._drop(next(iter(self._kept)))

    def forget(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0

    def _drop(self, key: tuple[int, str]) -> None:
        found = self._kept.pop(key, None)
        if found is not None:
            self._size -= found[1].nbytes


KEPT = WordIds()  # this process's
