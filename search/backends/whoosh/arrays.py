"""Per-document arrays (kind, day, facet values, field lengths) kept in NumPy per segment.

Segments never change once written, so their arrays are read once and reused by every later
searcher; only the deleted-documents mask is rebuilt when a generation changes.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

# `np.unique` imports `numpy.ma` at its first call: 14 ms of a new worker's first search,
# unless this module (which gunicorn's master imports before it forks) already has.
import numpy.ma  # noqa: F401
import numpy.typing as npt
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.backends.facet_arrays import MULTI_FACETS, TABLES, ValueTable, join_padded

KIND_CODES = {"article": 1, "statement": 2}
LENGTH_FIELDS = ("title", "body")


@dataclass
class SegmentArrays:
    kinds: np.ndarray  # uint8, KIND_CODES
    days: np.ndarray  # int32 YYYYMMDD, 0 undated
    values: dict[str, np.ndarray]  # facet -> int32 [docs, width] padded with -1
    sources: np.ndarray  # int32 value id, -1 none
    lengths: dict[str, np.ndarray]  # field -> float32 length
    ids: np.ndarray  # int64: the article's or statement's database id
    parents: np.ndarray  # int64: a statement's article id, -1 for articles

    # The segment's distinct days in order, and each document's place among them: saved with
    # the arrays (working it out is 40 ms of a worker's cold start at 100,000 articles).
    _day_index: tuple[np.ndarray, np.ndarray] | None = None

    def day_index(self) -> tuple[np.ndarray, np.ndarray]:
        if self._day_index is None:
            table, places = np.unique(self.days, return_inverse=True)
            self._day_index = (table, places.astype(np.int32))
        return self._day_index

    @classmethod
    def read(cls, reader: IndexReader) -> SegmentArrays:
        size = reader.doc_count_all()

        def column(name: str) -> list[Any]:
            if not reader.has_column(name):
                return [None] * size
            values = reader.column_reader(name, translate=True)
            return [values[n] for n in range(size)]

        kinds = np.array([KIND_CODES.get(k, 0) for k in column("kind")], dtype=np.uint8)
        days = np.array([d or 0 for d in column("day")], dtype=np.int32)
        values = {
            facet: _padded([[TABLES[facet].id(v) for v in (vals or ())] for vals in column(field)])
            for facet, field in MULTI_FACETS.items()
        }
        sources = np.array(
            [TABLES["source"].id(s) if s else -1 for s in column("source")], dtype=np.int32
        )
        lengths = {
            field: np.array(
                [reader.doc_field_length(n, field, 0) or 0 for n in range(size)], dtype=np.float32
            )
            for field in LENGTH_FIELDS
        }
        ids = np.array([_number(v) for v in column("id")], dtype=np.int64)
        parents = np.array([_number(v) for v in column("parent")], dtype=np.int64)
        return cls(kinds, days, values, sources, lengths, ids, parents)

    def save(self, path: Path) -> None:
        """Write the arrays with facet values as strings (ids differ between processes)."""
        data: dict[str, Any] = {
            "kinds": self.kinds,
            "days": self.days,
            "ids": self.ids,
            "parents": self.parents,
        }
        data["day_table"], data["day_places"] = self.day_index()
        for field, lengths in self.lengths.items():
            data[f"length_{field}"] = lengths
        for facet, ids in (*self.values.items(), ("source", self.sources)):
            local, vocabulary = _localise(ids, TABLES[facet])
            data[f"ids_{facet}"], data[f"vocabulary_{facet}"] = local, vocabulary
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
        np.savez(temporary, **data)
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> SegmentArrays:
        with np.load(path) as data:

            def ids(facet: str) -> np.ndarray:
                table = TABLES[facet]
                vocabulary = data[f"vocabulary_{facet}"].tolist()  # str, not np.str_: faster
                mapping = np.array([*map(table.id, vocabulary), -1], dtype=np.int32)
                local: np.ndarray = mapping[data[f"ids_{facet}"]]
                return local  # local -1 maps to the last entry, -1

            return cls(
                kinds=data["kinds"],
                days=data["days"],
                values={facet: ids(facet) for facet in MULTI_FACETS},
                sources=ids("source"),
                lengths={f: data[f"length_{f}"] for f in LENGTH_FIELDS},
                ids=data["ids"],
                parents=data["parents"],
                # Files saved before days were indexed: worked out when first needed.
                _day_index=(data["day_table"], data["day_places"])
                if "day_table" in data.files
                else None,
            )


def _number(doc_id: str | None) -> int:
    """Stored ids are "123" (article) or "s123" (statement); -1 for none or other forms."""
    digits = (doc_id or "").lstrip("s")
    return int(digits) if digits.isdigit() else -1


def _localise(ids: np.ndarray, table: ValueTable) -> tuple[np.ndarray, np.ndarray]:
    used = np.unique(ids[ids >= 0])
    local = np.full(ids.shape, -1, dtype=np.int32)
    if len(used):
        local[ids >= 0] = np.searchsorted(used, ids[ids >= 0])
    vocabulary = np.array([table.values[i] for i in used] or [""], dtype=str)[: len(used)]
    return local, vocabulary


def _padded(rows: list[list[int]]) -> np.ndarray:
    width = max((len(r) for r in rows), default=0) or 1
    out = np.full((len(rows), width), -1, dtype=np.int32)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row
    return out


def leaf_readers(searcher: Searcher) -> list[tuple[IndexReader, int]]:
    """(segment reader, docnum offset) for each segment of a searcher."""
    reader = searcher.reader()
    leaves: list[tuple[IndexReader, int]] = (
        reader.leaf_readers() if searcher.subsearchers else [(reader, 0)]
    )
    return leaves


_segment_cache: dict[str, SegmentArrays] = {}
_cache_lock = threading.Lock()


def segment_arrays(reader: IndexReader, folder: Path | None) -> SegmentArrays:
    """A segment's arrays: from memory, else from the file another process saved, else read
    from the segment (slow: per document) and saved for every later process."""
    segment = reader.segment()
    if segment is None:  # an index with no documents at all
        return SegmentArrays.read(reader)
    key = segment.segment_id()  # random per segment, so unique across indexes
    with _cache_lock:
        found = _segment_cache.get(key)
    if found is None:
        path = folder / f"{key}.npz" if folder else None
        if path and path.exists():
            found = _load_or_none(path)
        if found is None:
            found = SegmentArrays.read(reader)
            if path:
                path.parent.mkdir(parents=True, exist_ok=True)
                found.save(path)
        with _cache_lock:
            _segment_cache[key] = found
    return found


def _load_or_none(path: Path) -> SegmentArrays | None:
    """Saved arrays, or None when the file is from another version or damaged (then they
    are read again from the segment and saved anew)."""
    try:
        return SegmentArrays.load(path)
    except (KeyError, ValueError, OSError, EOFError):
        return None


def forget_other_segments(
    cache: dict[str, Any], lock: threading.Lock, leaves: list[tuple[IndexReader, int]]
) -> None:
    """Drop what `cache` holds for segments merged away, once it holds several times more
    than `leaves` (bounded memory in a long-lived worker)."""
    keep = {r.segment().segment_id() for r, _ in leaves if r.segment() is not None}
    with lock:
        if len(cache) > 4 * max(len(keep), 1):
            for key in list(cache):
                if key not in keep:
                    del cache[key]


class DocArrays:
    """The arrays of every document of one searcher, segments concatenated by docnum."""

    def __init__(self, searcher: Searcher, folder: Path | None = None) -> None:
        self.searcher = searcher
        leaves = leaf_readers(searcher)
        parts = [segment_arrays(reader, folder) for reader, _ in leaves]
        forget_other_segments(_segment_cache, _cache_lock, leaves)
        self.size = searcher.reader().doc_count_all()
        self.kinds = _join([p.kinds for p in parts], np.uint8)
        self.days = _join([p.days for p in parts], np.int32)
        self.sources = _join([p.sources for p in parts], np.int32)
        self.values = {
            facet: join_padded([p.values[facet] for p in parts]) for facet in MULTI_FACETS
        }
        self.lengths = {f: _join([p.lengths[f] for p in parts], np.float32) for f in LENGTH_FIELDS}
        # Each document's day as a place in `day_table` (undated: the place of 0), so that a
        # search counts its results' days with `np.bincount`, not by sorting them.
        indexes = [p.day_index() for p in parts]
        self.day_table = np.unique(_join([table for table, _ in indexes], np.int32))
        self.day_places = _join(
            [np.searchsorted(self.day_table, table)[places] for table, places in indexes], np.int32
        )
        live = np.ones(self.size, dtype=bool)
        for reader, offset in leaves:
            if reader.has_deletions():
                deleted = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                live[deleted + offset] = False
        self.live = live
        self._kind_masks: dict[str, np.ndarray] = {}
        self.all_live = bool(live.all())  # no deletion since the last merge: nothing to drop
        self.ids = _join([p.ids for p in parts], np.int64)
        self.parents = _parent_docnums(
            self.ids,
            _join([p.parents for p in parts], np.int64),
            self.kinds,
            live,
        )
        self.average_lengths = {f: _average(self.lengths[f][live]) for f in LENGTH_FIELDS}

    def facet_values(self, facet: str, docnum: int) -> tuple[str, ...]:
        """One document's values of a multi-valued facet, in the order they were indexed."""
        values = TABLES[facet].values
        return tuple(values[i] for i in self.values[facet][docnum].tolist() if i >= 0)

    def of_kind(self, kind: str) -> np.ndarray:
        return np.flatnonzero(self.of_kind_mask(kind)).astype(np.int32)

    def of_kind_mask(self, kind: str) -> np.ndarray:
        """A flag per docnum: a live document of `kind`. Worked out once per kind."""
        found = self._kind_masks.get(kind)
        if found is None:
            found = self.live & (self.kinds == KIND_CODES[kind])
            self._kind_masks[kind] = found
        return found


def _average(lengths: np.ndarray) -> float:
    """Mean length over the documents that have the field at all."""
    present = lengths[lengths > 0]
    return float(present.mean()) if len(present) else 1.0


def _parent_docnums(
    ids: np.ndarray, parents: np.ndarray, kinds: np.ndarray, live: np.ndarray
) -> np.ndarray:
    """For each statement, the docnum of its live article (-1 for articles and orphans)."""
    result = np.full(len(ids), -1, dtype=np.int32)
    articles = np.flatnonzero(live & (kinds == KIND_CODES["article"]))
    statements = np.flatnonzero(live & (kinds == KIND_CODES["statement"]))
    if not len(articles) or not len(statements):
        return result
    order = np.argsort(ids[articles])
    sorted_ids = ids[articles][order]
    wanted = parents[statements]
    at = np.clip(np.searchsorted(sorted_ids, wanted), 0, len(sorted_ids) - 1)
    found = sorted_ids[at] == wanted
    result[statements[found]] = articles[order][at[found]]
    return result


def _join(arrays: list[np.ndarray], dtype: npt.DTypeLike) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype)
