"""Every use of Whoosh's private API, in one module: what to re-check when Whoosh changes.

Whoosh's public matchers hand out postings one at a time through Python calls; reading a
block's ids, weights and encoded values whole lets NumPy decode them at once (WHOOSH_NOTES).
These functions are written against whoosh-reloaded 2.7.5's W3 codec.
"""

from __future__ import annotations

from collections.abc import Iterable
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
