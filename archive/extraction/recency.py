"""Who was named or quoted last before a position, in logarithmic time.

Resolving "he", "the minister" or "the company" looks back for the latest candidate; a scan
of every earlier one per lookup made a long article quadratic.
"""

from __future__ import annotations

import bisect
from typing import Generic, TypeVar

T = TypeVar("T")


class Latest(Generic[T]):
    """The item added last among those at an offset before a position.

    Items come in any offset order. One added later at the same or an earlier offset
    always wins over an earlier one, so that one is dropped: what is left is sorted by
    offset, and a lookup is a bisection.
    """

    def __init__(self) -> None:
        self._offsets: list[int] = []
        self._items: list[T] = []

    def add(self, offset: int, item: T) -> None:
        while self._offsets and self._offsets[-1] >= offset:
            self._offsets.pop()
            self._items.pop()
        self._offsets.append(offset)
        self._items.append(item)

    def before(self, pos: int) -> T | None:
        found = self.latest(pos)
        return found[1] if found else None

    def latest(self, pos: int) -> tuple[int, T] | None:
        """(offset, item) of the item `before` gives."""
        i = bisect.bisect_left(self._offsets, pos)
        return (self._offsets[i - 1], self._items[i - 1]) if i else None


class Furthest:
    """The greatest (offset, name) before a position, names kept in offset order."""

    def __init__(self) -> None:
        self._rows: list[tuple[int, str]] = []

    def add(self, offset: int, name: str) -> None:
        bisect.insort(self._rows, (offset, name))

    def before(self, pos: int) -> tuple[int, str] | None:
        i = bisect.bisect_left(self._rows, (pos,))
        return self._rows[i - 1] if i else None
