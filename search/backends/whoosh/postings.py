"""Each segment's frequent terms decoded once into flat NumPy arrays saved beside the index.

Whoosh keeps a term's postings in blocks of 128 pickled tuples; reading a word found in most
of 700,000 documents takes about half a second, and a phrase of two such words several more.
Segments never change once written, so when a generation is built its frequent terms are
decoded into arrays that every process maps from disk: a term's documents, weights and word
positions become slices. Rare terms, and small segments from later saves, are read from
Whoosh as before (a block or two each).
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import IndexReader

from search.backends.whoosh import internals
from search.backends.whoosh.analysis import RawPositions
from search.backends.whoosh.arrays import forget_other_segments

MIN_DOCS = 256  # terms in fewer documents are two blocks or less: cheap to read from Whoosh
MIN_SEGMENT_DOCS = 5_000  # smaller segments (later saves) are cheap to read from Whoosh
UNSAVED_FIELDS = frozenset({"id", "parent", "words", "names"})  # looked up one by one, or unranked
# Postings whose terms a segment keeps read: 12 bytes each (weights and offsets), 48 MB.
KEPT_POSTINGS = 4_000_000
FILES = ("keys", "key_starts", "starts", "docs", "weights", "pos_starts", "positions")


@dataclass
class TermPostings:
    """One term in one segment: segment-local docnums, weights, and (for positional fields)
    every posting's word positions, consecutive in `positions` from `first_position` on."""

    docs: np.ndarray
    weights: np.ndarray
    positions: np.ndarray | None
    first_position: int = 0

    @functools.cached_property
    def offsets(self) -> np.ndarray:
        """Where each posting's positions start (and the last one ends) in `positions`."""
        counts = self.weights.astype(np.int64)  # positional fields: weight = position count
        return np.concatenate(([0], np.cumsum(counts))) + self.first_position

    def positions_at(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row of each position, position) for the postings at `rows`."""
        starts, ends = self.offsets[rows], self.offsets[rows + 1]
        counts = ends - starts
        owner = np.repeat(rows, counts)
        # Concatenated ranges without a Python loop: each range's start, shifted per item.
        shift = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        assert self.positions is not None, "positions of a field saved without them"
        return owner, self.positions[shift + np.arange(int(counts.sum()))].astype(np.int64)


class SegmentPostings:
    """The saved frequent terms of one segment."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.arrays = arrays
        blob, starts = arrays["keys"].tobytes(), arrays["key_starts"].tolist()
        # Python ints, not NumPy's: this runs in every new worker, over every saved term.
        self.rows = {blob[a:b]: i for i, (a, b) in enumerate(itertools.pairwise(starts))}
        # Terms asked for again keep their position offsets: a running sum over every
        # posting, which for a common word of 100,000 articles cost more than the positions
        # of the hundred documents proximity reads.
        self._kept: OrderedDict[int, TermPostings] = OrderedDict()
        self._kept_postings = 0
        self._lock = threading.Lock()

    def term(self, field: str, text: bytes) -> TermPostings | None:
        row = self.rows.get(_key(field, text))
        if row is None:
            return None
        with self._lock:
            kept = self._kept.get(row)
            if kept is not None:
                self._kept.move_to_end(row)
                return kept
        found = self._read(row)
        with self._lock:
            if row in self._kept:  # another thread read it meanwhile
                return self._kept[row]
            self._kept[row] = found
            self._kept_postings += len(found.docs)
            while self._kept_postings > KEPT_POSTINGS:
                _, dropped = self._kept.popitem(last=False)
                self._kept_postings -= len(dropped.docs)
        return found

    def _read(self, row: int) -> TermPostings:
        a = self.arrays
        start, end = int(a["starts"][row]), int(a["starts"][row + 1])
        docs, weights = a["docs"][start:end], a["weights"][start:end].astype(np.float32)
        pos_start, pos_end = int(a["pos_starts"][row]), int(a["pos_starts"][row + 1])
        positions = a["positions"] if pos_end > pos_start else None
        return TermPostings(np.asarray(docs), weights, positions, pos_start)

    @classmethod
    def load(cls, folder: Path) -> SegmentPostings | None:
        try:
            arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in FILES}
        except (OSError, ValueError):
            return None  # not built (small segment), or from another version: Whoosh reads it
        return cls(arrays)


def _key(field: str, text: bytes) -> bytes:
    return field.encode() + b"\x00" + text


# (docnums, weights, positions or None, position counts or None) of one term's postings
Blocks = tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]


def read_blocks(matcher: Any, positions: bool = False) -> Blocks:
    """All postings of a leaf matcher: (docnums, weights, positions or None, counts or None),
    decoded a block at a time with NumPy where the codec allows it."""
    if not isinstance(matcher, W3LeafMatcher) or internals.has_byte_ids(matcher):
        id_list: list[int] = []
        weight_list: list[float] = []
        flat_list: list[int] = []
        count_list: list[int] = []
        while matcher.is_active():
            id_list.append(matcher.id())
            weight_list.append(matcher.weight())
            if positions:
                found = matcher.value_as("positions")
                flat_list.extend(found)
                count_list.append(len(found))
            matcher.next()
        return (
            np.asarray(id_list, dtype=np.int64),
            np.asarray(weight_list, dtype=np.float32),
            np.asarray(flat_list, dtype=np.int64) if positions else None,
            np.asarray(count_list, dtype=np.int64) if positions else None,
        )
    id_blocks: list[np.ndarray] = []
    weight_blocks: list[np.ndarray] = []
    value_blocks: list[list[bytes]] = []
    while matcher.is_active():
        deltas, weights, values = internals.block_data(matcher)
        id_blocks.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        count = len(deltas)
        if weights is None:
            weight_blocks.append(np.ones(count, dtype=np.float32))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(count, weights, dtype=np.float32))
        else:
            weight_blocks.append(np.asarray(weights, dtype=np.float32))
        if positions:
            value_blocks.append(values)
        internals.next_block(matcher)
    if not id_blocks:
        empty = np.zeros(0, dtype=np.int64)
        return empty, np.zeros(0, dtype=np.float32), None, None
    ids, weights = np.concatenate(id_blocks), np.concatenate(weight_blocks)
    if not positions:
        return ids, weights, None, None
    values = [v for block in value_blocks for v in block]  # each posting's encoded positions
    flat = np.frombuffer(b"".join(values), dtype="<u4").astype(np.int64)
    counts = np.fromiter((len(v) // 4 for v in values), dtype=np.int64, count=len(values))
    return ids, weights, flat, counts


def build(reader: IndexReader) -> dict[str, np.ndarray]:
    """The arrays of one segment's frequent terms, read from Whoosh."""
    keys: list[bytes] = []
    docs: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    positions: list[np.ndarray] = []
    starts, pos_starts = [0], [0]
    for field in sorted(reader.schema.names()):
        field_type = reader.schema[field]
        if field in UNSAVED_FIELDS or not field_type.indexed:
            continue
        fmt = field_type.format
        positional = type(fmt) is RawPositions and fmt.field_boost == 1.0
        for text, info in reader.iter_field(field):
            if info.doc_frequency() < MIN_DOCS:
                continue
            matcher = internals.term_matcher(reader, field, text)
            ids, found_weights, flat, counts = read_blocks(matcher, positional)
            counted = counts is not None and np.array_equal(counts, found_weights.astype(np.int64))
            if positional and not counted:
                flat = None  # weights that are not counts: phrases read Whoosh instead
            keys.append(_key(field, text))
            docs.append(ids.astype(np.int32))
            weights.append(found_weights)
            starts.append(starts[-1] + len(ids))
            if flat is not None:
                positions.append(flat)
            pos_starts.append(pos_starts[-1] + (len(flat) if flat is not None else 0))
    key_starts = np.cumsum([0] + [len(k) for k in keys])
    flat = np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)
    return {
        "keys": np.frombuffer(b"".join(keys), dtype=np.uint8),
        "key_starts": key_starts.astype(np.int64),
        "starts": np.asarray(starts, dtype=np.int64),
        "docs": np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32),
        "weights": _compact(np.concatenate(weights) if weights else np.zeros(0, np.float32)),
        "pos_starts": np.asarray(pos_starts, dtype=np.int64),
        "positions": flat.astype(np.uint16 if flat.size and flat.max() < 2**16 else np.uint32),
    }


def _compact(weights: np.ndarray) -> np.ndarray:
    """Whole-number weights below 65,536 (term frequencies) as uint16: half the size."""
    small = weights.astype(np.uint16)
    return small if np.array_equal(small, weights) else weights.astype(np.float32)


def save(arrays: dict[str, np.ndarray], folder: Path) -> None:
    """Write the arrays into `folder` all at once (a rename), so readers never see half."""
    temporary = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    for name in FILES:
        np.save(temporary / f"{name}.npy", arrays[name])
    try:
        os.replace(temporary, folder)
    except OSError:  # another process saved it first
        shutil.rmtree(temporary, ignore_errors=True)


def folder_for(arrays_folder: Path, segment_id: str) -> Path:
    return arrays_folder / f"{segment_id}.postings"


def prepare(reader: IndexReader, arrays_folder: Path) -> None:
    """Build and save a segment's arrays unless it is small or they exist already."""
    segment = reader.segment()
    if segment is None or reader.doc_count_all() < MIN_SEGMENT_DOCS:
        return
    folder = folder_for(arrays_folder, segment.segment_id())
    if not folder.exists():
        save(build(reader), folder)


_loaded: dict[str, SegmentPostings | None] = {}
_lock = threading.Lock()


def for_leaves(
    leaves: list[tuple[IndexReader, int]], arrays_folder: Path | None
) -> list[SegmentPostings | None]:
    """The saved postings of each leaf reader (None where there are none), loaded once per
    process and segment."""
    forget_other_segments(_loaded, _lock, leaves)
    found: list[SegmentPostings | None] = []
    for reader, _ in leaves:
        segment = reader.segment()
        if segment is None or arrays_folder is None:
            found.append(None)
            continue
        key = segment.segment_id()
        with _lock:
            if key not in _loaded or _loaded[key] is None:
                _loaded[key] = SegmentPostings.load(folder_for(arrays_folder, key))
            found.append(_loaded[key])
    return found
