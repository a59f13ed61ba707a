"""Where each indexed word of a body starts, saved at index time, so passages need no tokenising.

A hit's passages used to come from tokenising its whole stored body again: about half a
millisecond a hit, most of a results page's passages. The index already knows where the
query's words stand, as word positions; a column saved beside each body maps those positions
to characters, so a hit's matches are a lookup per query word and a slice of its text.

Each body's value: three little-endian uint32s (how many words, the first word's position, how
many patches), then each word's start as the gap from the one before in one byte, a gap of 255
or more as 0 and "patched" after them as (word, gap) uint32 pairs. Words are about seven
characters apart, so that is a byte a word (PFOR, as in Zukowski et al.'s compression).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from itertools import compress

import numpy as np
from whoosh import columns, fields
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.backends.whoosh.analysis import TOKEN, token_bounds
from search.backends.whoosh.arrays import leaf_readers
from search.backends.whoosh.engine import Engine
from search.backends.whoosh.highlight import Phrases, Spans, merge

FIELD = "body"  # the field whose stored text the column describes
COLUMN = "body_starts"
# A wildcard can stand for hundreds of words: past this many, one position lookup per word
# costs more than tokenising the hits' text.
MAX_WORDS = 64
_HEADER = np.dtype("<u4")
_HEADER_BYTES = 3 * _HEADER.itemsize
_PATCHED = 255


def encode(text: str) -> bytes:
    """The starts of `text`'s indexed words (stop words left out), as the column keeps them."""
    starts, _, terms = token_bounds(text)
    kept = np.fromiter(compress(starts, terms), dtype=np.int64)
    if not len(kept):
        return b""
    # The first indexed word's position is its place among all words (`NewsAnalyzer`).
    first = next(i for i, term in enumerate(terms) if term is not None)
    gaps = np.diff(kept, prepend=0)
    patched = np.flatnonzero(gaps >= _PATCHED)
    small = np.where(gaps < _PATCHED, gaps, 0).astype(np.uint8)
    header = np.array([len(kept), first, len(patched)], dtype=_HEADER)
    patches = np.column_stack((patched, gaps[patched])).astype(_HEADER)
    return header.tobytes() + small.tobytes() + patches.tobytes()


def decode(value: bytes) -> tuple[int, np.ndarray]:
    """(the first word's position, each indexed word's start) from a column value."""
    count, first, patched = (int(n) for n in np.frombuffer(value, _HEADER, 3))
    gaps = np.frombuffer(value, np.uint8, count, _HEADER_BYTES).astype(np.int64)
    if patched:
        pairs = np.frombuffer(value, _HEADER, 2 * patched, _HEADER_BYTES + count).reshape(-1, 2)
        gaps[pairs[:, 0]] = pairs[:, 1]
    return first, np.cumsum(gaps)


class WordStartsColumn(fields.COLUMN):  # type: ignore[misc]  # Whoosh is untyped
    """A column fed the same text as `body`, keeping `encode` of it (never searched)."""

    def __init__(self) -> None:
        super().__init__(columns.VarBytesColumn())

    def to_column_value(self, value: str) -> bytes:
        return encode(value)


class WordStarts:
    """The column's values for one searcher's documents; segments written before the column
    existed have none, and their hits are tokenised as before."""

    def __init__(self, searcher: Searcher) -> None:
        self._leaves = leaf_readers(searcher)
        self._offsets = [offset for _, offset in self._leaves]

    @functools.cached_property
    def _columns(self) -> list[columns.ColumnReader | None]:
        # Opened on first use: each reads its segment's table of value offsets.
        return [
            reader.column_reader(COLUMN, translate=False) if _has_column(reader) else None
            for reader, _ in self._leaves
        ]

    def of(self, docnum: int) -> tuple[int, np.ndarray] | None:
        leaf = bisect.bisect_right(self._offsets, docnum) - 1
        column = self._columns[leaf]
        value = column[docnum - self._offsets[leaf]] if column is not None else b""
        return decode(value) if value else None


def _has_column(reader: IndexReader) -> bool:
    # An index made before the column has no such field, and Whoosh raises for it.
    return COLUMN in reader.schema and bool(reader.has_column(COLUMN))


def hit_spans(
    engine: Engine,
    starts: WordStarts,
    docnums: Sequence[int],
    texts: Sequence[str],
    terms: frozenset[str],
    phrases: Phrases,
) -> list[Spans | None]:
    """Each hit's match spans (as `highlight.match_spans` finds them), from the query words'
    positions in the index; None for a hit whose word starts are not saved."""
    words = terms.union(*phrases)
    if not words or len(words) > MAX_WORDS or not len(docnums):
        return [None] * len(docnums)
    docs = np.unique(np.asarray(docnums, dtype=np.int64))
    to_bytes = engine.reader.schema[FIELD].to_bytes
    keys = {}  # each word's occurrences as (docnum << 32 | position), sorted
    for word in words:
        owners, positions = engine.positions(FIELD, to_bytes(word), docs)
        keys[word] = np.sort((owners << 32) | positions)
    singles = [keys[t] for t in terms]
    runs = [(_phrase_starts(keys, phrase), len(phrase) - 1) for phrase in phrases]
    first = np.concatenate([*singles, *(found for found, _ in runs)])
    last = np.concatenate([*singles, *(found + size for found, size in runs)])
    order = np.argsort(first, kind="stable")
    first, last = first[order], last[order]
    owners = first >> 32
    return [
        _spans(starts.of(docnum), text, *_of_doc(owners, first, last, docnum))
        for docnum, text in zip(docnums, texts, strict=True)
    ]


def _phrase_starts(keys: dict[str, np.ndarray], phrase: tuple[str, ...]) -> np.ndarray:
    """Where each whole run of `phrase`'s words starts (stop words leave no gap)."""
    found = keys[phrase[0]]
    for offset, word in enumerate(phrase[1:], start=1):
        found = found[np.isin(found + offset, keys[word])]
    return found


def _of_doc(
    owners: np.ndarray, first: np.ndarray, last: np.ndarray, docnum: int
) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.searchsorted(owners, [docnum, docnum + 1])
    low_bits = (1 << 32) - 1
    return first[lo:hi] & low_bits, last[lo:hi] & low_bits


def _spans(
    saved: tuple[int, np.ndarray] | None, text: str, first: np.ndarray, last: np.ndarray
) -> Spans | None:
    if saved is None:
        return None
    position, word_starts = saved
    first, last = first - position, last - position
    if len(first) and (first.min() < 0 or last.max() >= len(word_starts)):
        return None  # saved for another text: tokenise instead
    spans = []
    ends = word_starts[last].tolist()
    for start, end_word in zip(word_starts[first].tolist(), ends, strict=True):
        word = TOKEN.match(text, end_word)
        if word is None:
            return None
        spans.append((start, word.end()))
    return merge(spans, text)
