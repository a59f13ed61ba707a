"""Every use of Whoosh's private API, in one module: what to re-check when Whoosh changes.

Whoosh's public matchers hand out postings one at a time through Python calls; reading a
block's ids, weights and encoded values whole lets NumPy decode them at once (WHOOSH_NOTES).
These functions are written against whoosh-reloaded 2.7.5's W3 codec.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.reading import IndexReader

# The name of the lock file Whoosh's writers take in an index folder.
WRITE_LOCK_NAME = f"{whoosh_index._DEF_INDEX_NAME}_WRITELOCK"


def segments(ix: FileIndex) -> list[Any]:
    """The index's current segments (Whoosh offers no public accessor)."""
    found: list[Any] = ix._segments()
    return found


def term_matcher(reader: IndexReader, field: str, text: bytes) -> Any:
    """A segment reader's raw matcher for one term: no deletion filter, no scorer wrapped
    around it (callers drop deleted documents through their own arrays)."""
    return reader._terms.matcher(field, text, reader.schema[field].format)


def has_byte_ids(matcher: Any) -> bool:
    """Whether the matcher's ids are still undecoded bytes (then read it the public way)."""
    return bool(matcher._byteids)


def block_data(matcher: Any) -> tuple[Any, Any, Any]:
    """The current block's (id deltas, weights, encoded values), decoded once."""
    if matcher._data is None:
        matcher._read_data()
    data: tuple[Any, Any, Any] = matcher._data
    return data


def block_ids(matcher: Any) -> list[int]:
    """The current block's document numbers, without decoding its weights or values."""
    matcher._read_ids()
    ids: list[int] = matcher._ids
    return ids


def block_values(matcher: Any) -> list[Any]:
    """The current block's encoded values (positions), one per posting."""
    matcher._read_values()
    values: list[Any] = matcher._values
    return values


def next_block(matcher: Any) -> None:
    matcher._next_block()


def expansions(query: wq.MultiTerm, reader: IndexReader) -> Iterable[Any]:
    """The indexed words a wildcard, prefix, fuzzy word or range stands for (fuzzy words
    come back as text, the others as bytes)."""
    found: Iterable[Any] = query._btexts(reader)
    return found


def remember_missing_length_columns() -> None:
    """Make a segment's per-document reader remember that a field has no lengths column.

    Whoosh caches the lengths reader of a field that has one but looks for the file again
    (a `stat`) for every posting of a field that has none (ids, facets): 1.8 million
    `stat`s for 5,000 articles, about 15% of writing a segment. A written segment's files
    never change, so the answer can be kept. Idempotent.
    """
    from whoosh.codec import whoosh3

    reader_class: Any = whoosh3.W3PerDocReader
    if getattr(reader_class, "_dispatch_remembers_missing", False):
        return

    def cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        try:
            return self._readers[fieldname]
        except KeyError:
            found = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
            self._readers[fieldname] = found
            return found

    reader_class._cached_reader = cached_reader
    reader_class._dispatch_remembers_missing = True


RUN_CHUNK = 10_000  # postings per pickle in a writer's sorted runs


def pickle_runs_in_chunks() -> None:
    """Make writers' external sort pickle its runs a chunk of postings at a time.

    A writer keeps its postings in memory up to `limitmb` and then writes them, sorted, to a
    temporary "run" file, merged when the segment is written; Whoosh pickles each posting
    with its own `dump` call and reads it back with its own `load`, 19% of building an index.
    A list of postings per call does the same work in C. Runs live only while one writer
    writes one segment, and the reader and writer are patched together. Idempotent.
    """
    import pickle

    from whoosh import externalsort

    pool: Any = externalsort.SortingPool
    if getattr(pool, "_dispatch_chunked", False):
        return

    def write_run(self: Any, f: Any, items: Iterable[Any]) -> None:
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == RUN_CHUNK:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                chunk = []
        if chunk:
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def read_run(self: Any, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                yield from pickle.load(f)
        except EOFError:
            return
        finally:
            f.close()
            self._remove_run(path)

    pool._write_run = write_run
    pool._read_run = read_run
    pool._dispatch_chunked = True


class _LengthsReadOnce:
    """A segment's per-document lengths, each field's read whole the first time it is asked
    for: what writing a segment's postings asks once per posting."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._fields: dict[str, list[Any]] = {}

    def doc_field_length(self, docnum: int, fieldname: str) -> Any:
        lengths = self._fields.get(fieldname)
        if lengths is None:
            reader, count = self._reader, self._reader.doc_count_all()
            lengths = [reader.doc_field_length(n, fieldname) for n in range(count)]
            self._fields[fieldname] = lengths
        return lengths[docnum]


def read_lengths_once() -> None:
    """Make writing a segment read each field's document lengths once.

    Writing the postings asks for the document's field length with every posting (for the
    term's shortest and longest documents), each a seek and a read in the lengths column:
    1.57 million for 2,000 articles, about 10% of a build. Idempotent.
    """
    from whoosh.codec import base

    field_writer: Any = base.FieldWriter
    if getattr(field_writer, "_dispatch_reads_lengths_once", False):
        return
    add_postings = field_writer.add_postings

    def add_postings_reading_lengths_once(
        self: Any, schema: Any, lengths: Any, items: Iterable[Any]
    ) -> None:
        add_postings(self, schema, _LengthsReadOnce(lengths) if lengths else lengths, items)

    add_postings_reading_lengths_once.__wrapped__ = add_postings  # type: ignore[attr-defined]
    field_writer.add_postings = add_postings_reading_lengths_once
    field_writer._dispatch_reads_lengths_once = True
