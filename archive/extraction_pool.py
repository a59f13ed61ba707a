"""Extraction in worker processes, ahead of the one process that writes the database.

Extraction is pure Python and takes about 80% of an import; SQLite (and any database)
wants one writer. So the reader hands each batch's texts to `procs` worker processes and
writes batches in their order as their extractions come back, while the workers already
extract the next ones. Extraction depends on the title and text only, so results are keyed
by the content hash and the writer falls back to extracting inline whatever it lacks.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from archive import extraction
from archive.records import RawArticle

CHUNK = 25  # articles per task: small enough to spread a batch over the workers

Extracted = Mapping[str, extraction.Extraction]  # by content hash
Chunk = Future[list[extraction.Extraction]]
Ready = tuple[list[RawArticle], Extracted]  # a batch to write and its extractions


def _extract_chunk(items: list[tuple[str, str | None]]) -> list[extraction.Extraction]:
    return [extraction.extract(text, title=title) for text, title in items]


class ExtractionPool:
    """Batches in, (batch, its extractions) out in the same order; `procs` == 1 extracts
    nothing ahead (the writer extracts inline, as a plain import does)."""

    def __init__(self, procs: int = 1) -> None:
        self.procs = procs
        # "spawn": a worker starts clean, sharing no database connection, thread or lock.
        self._executor = (
            ProcessPoolExecutor(procs, mp_context=multiprocessing.get_context("spawn"))
            if procs > 1
            else None
        )
        self._ahead: deque[tuple[list[RawArticle], list[str], list[Chunk]]] = deque()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._executor:
            self._executor.shutdown(cancel_futures=True)

    def put(
        self, batch: list[RawArticle], stored: Callable[[list[RawArticle]], set[str]]
    ) -> Iterator[Ready]:
        """Queue `batch` and yield the batches ready to write, oldest first, keeping the
        workers busy. `stored(batch)`: the content hashes the archive already holds (those
        are not extracted)."""
        if self._executor is None:
            yield batch, {}
            return
        known = stored(batch)
        wanted: dict[str, RawArticle] = {}
        for raw in batch:
            if raw.content_hash not in known:
                wanted.setdefault(raw.content_hash, raw)
        hashes = list(wanted)
        futures = [
            self._executor.submit(
                _extract_chunk, [(wanted[h].text, wanted[h].title) for h in hashes[i : i + CHUNK]]
            )
            for i in range(0, len(hashes), CHUNK)
        ]
        self._ahead.append((batch, hashes, futures))
        while len(self._ahead) > self.procs:  # enough queued to keep every worker busy
            yield self._next()

    def drain(self) -> Iterator[Ready]:
        while self._ahead:
            yield self._next()

    def _next(self) -> Ready:
        batch, hashes, futures = self._ahead.popleft()
        found = [e for future in futures for e in future.result()]
        return batch, dict(zip(hashes, found, strict=True))
