"""Signals the archive sends, and a switch for bulk work; it does not know who listens."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.dispatch import Signal

# Sent with `ids` (a set of article pks) after bulk writes that bypass `post_save`.
articles_changed = Signal()

# Sent with `ids` (a set of article pks) once per import batch, after the batch is written,
# naming the articles the batch found stored already with the same text; not sent when there
# are none or while updates are deferred. An import killed after its transaction committed
# but before derived data (the search index) caught up leaves articles that a rerun finds
# unchanged: listeners can check those ids and bring what is missing or stale up to date.
# Hidden articles are included; listeners decide what they keep.
articles_unchanged = Signal()

_state = threading.local()


@contextmanager
def deferred_updates() -> Iterator[None]:
    """Tell listeners that keep derived data (the search index) to skip per-change work:
    the caller rebuilds it afterwards, which is far faster for large imports."""
    previous = getattr(_state, "deferred", False)
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = previous


def updates_deferred() -> bool:
    return getattr(_state, "deferred", False)
