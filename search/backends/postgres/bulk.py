"""Rows written in bulk: `COPY` into the search table, and a rebuild's rows made from its
documents in chunks, by helper processes when it has several.

Making a document's rows (analysing its text into vectors, pairs and lexicon words) is most
of a rebuild's work in Python: the helpers make them while this process reads the next
documents and copies the rows made, in the documents' order.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from django.db.backends.utils import CursorWrapper

from search.backends import lifeline
from search.backends.base import Document
from search.backends.postgres.rows import COLUMNS, lexicon_of, rows_of

CHUNK = 500  # documents read, then made into rows and copied, at a time
AHEAD = 2  # chunks waiting for each helper process, read ahead of the copying

Made = tuple[int, list[tuple[Any, ...]], Counter[tuple[str, str]]]


def insert(cursor: CursorWrapper, table: str, values: list[tuple[Any, ...]]) -> None:
    if not values:
        return
    with cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def copy_documents(
    cursor: CursorWrapper,
    table: str,
    documents: Iterable[Document],
    on_progress: Callable[[], None] | None,
    procs: int = 1,
) -> tuple[int, Counter[tuple[str, str]]]:
    """Copy the documents' rows into `table`, a chunk per COPY; returns how many documents
    and their lexicon words. `documents` may read the archive through this same connection,
    which can do nothing else during a COPY: a chunk is read between two COPYs."""
    lexicon: Counter[tuple[str, str]] = Counter()
    count = 0
    for size, values, words in _made(documents, procs):
        insert(cursor, table, values)
        lexicon.update(words)
        count += size
        if on_progress:
            for _ in range(size):
                on_progress()
    return count, lexicon


def chunk_rows(chunk: list[Document]) -> Made:
    """A chunk's rows, articles together and statements together (a search reads rows of one
    kind: fewer pages when they are not spread among the other kind's), and their words."""
    rows = [row for document in chunk for row in rows_of(document)]
    rows.sort(key=lambda row: row.kind)
    return len(chunk), [row.values() for row in rows], lexicon_of(rows)


def _made(documents: Iterable[Document], procs: int) -> Iterator[Made]:
    """Each chunk's rows in the documents' order: made here, or by `procs` forked helpers
    (they die with this process, as the Whoosh rebuild's do)."""
    iterator = iter(documents)
    chunks = iter(lambda: list(itertools.islice(iterator, CHUNK)), [])
    if procs <= 1:
        yield from map(chunk_rows, chunks)
        return
    context = multiprocessing.get_context("fork")
    with (
        lifeline.children_die_with_parent(),
        ProcessPoolExecutor(procs, mp_context=context) as pool,
    ):
        waiting: deque[Future[Made]] = deque()
        for chunk in chunks:
            waiting.append(pool.submit(chunk_rows, chunk))
            if len(waiting) >= AHEAD * procs:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()
