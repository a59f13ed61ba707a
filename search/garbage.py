"""Full garbage collections between requests, never during one.

CPython starts a full (generation 2) collection whenever enough young collections have
happened, in the middle of whatever is running. In a web worker that is a request: at 20,000
articles, 7 in 750 results pages paid for one, up to 13 ms each, even with the loaded index
frozen out of the collector's sight (`indexing.prepare_worker`). A serving process therefore
turns the automatic full collections off and runs them itself once a response has gone
(gunicorn's `post_request`, config/gunicorn.py), on the same schedule CPython would have
used. Young collections stay automatic: they are cheap (under 1 ms) and keep a long request's
memory in check.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

FULL_AFTER = 10  # young collections between two full ones: CPython's own default threshold
_NEVER = 2**31 - 1  # a generation-2 threshold no count reaches


def defer_full_collections() -> None:
    """Stop CPython's automatic full collections in this process; the caller then calls
    `collect_between_requests` after every request. (From Python 3.14 the old generation is
    collected in small increments and this threshold is ignored, which is just as good.)"""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)


def collect_between_requests() -> bool:
    """Run the full collection CPython would have run by now, if any; True if it ran."""
    if gc.get_count()[2] < FULL_AFTER:
        return False
    gc.collect()
    return True


@dataclass
class Pauses:
    """Garbage-collection pauses seen while recording, by generation (seconds each)."""

    by_generation: dict[int, list[float]] = field(default_factory=lambda: {0: [], 1: [], 2: []})
    _started: float = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.by_generation[info["generation"]].append(time.perf_counter() - self._started)

    @property
    def full(self) -> list[float]:
        return self.by_generation[2]


@contextmanager
def recording() -> Iterator[Pauses]:
    """Record every collection that runs inside the block."""
    pauses = Pauses()
    gc.callbacks.append(pauses)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(pauses)
