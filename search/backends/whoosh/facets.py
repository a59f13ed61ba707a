"""Facet filters and disjunctive counts as NumPy operations over per-document arrays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np

from search.backends.whoosh.arrays import MULTI_FACETS, TABLES, DocArrays, ValueTable
from search.query import SearchParams
from search.timeline import DayCounts, day_number

VALUE_FACETS = (*MULTI_FACETS, "source")


@dataclass(frozen=True)
class Selection:
    """The facet filters of a search: OR within a facet, AND across facets."""

    values: dict[str, frozenset[str]]
    day_from: int | None
    day_to: int | None

    @classmethod
    def from_params(cls, params: SearchParams) -> Selection:
        return cls(
            values={
                "country": frozenset(params.countries),
                "speaker": frozenset(params.speakers),
                "source": frozenset(params.sources),
            },
            day_from=day_number(params.date_from) or None,
            day_to=day_number(params.date_to) or None,
        )

    def filters(self) -> bool:
        """Whether any filter is chosen."""
        return any(self.values.values()) or self.day_from is not None or self.day_to is not None


class FacetMasks:
    """For the documents of one search: which pass each facet's own filter."""

    def __init__(self, arrays: DocArrays, docs: np.ndarray, selection: Selection) -> None:
        self.arrays, self.docs, self.selection = arrays, docs, selection
        self.ok = {name: self._value_mask(name) for name in VALUE_FACETS}
        self.ok["date"] = self._date_mask()

    def _value_mask(self, name: str) -> np.ndarray:
        wanted = self.selection.values[name]
        if not wanted:
            return np.ones(len(self.docs), dtype=bool)
        ids = [TABLES[name].ids[v] for v in wanted if v in TABLES[name].ids]
        if name == "source":
            return np.isin(self.arrays.sources[self.docs], ids)
        # Reduced along an axis, a 2-D array is an array (NumPy's stubs allow a scalar too).
        return cast(np.ndarray, np.isin(self.arrays.values[name][self.docs], ids).any(axis=1))

    def _date_mask(self) -> np.ndarray:
        low, high = self.selection.day_from, self.selection.day_to
        if low is None and high is None:
            return np.ones(len(self.docs), dtype=bool)
        days: np.ndarray = self.arrays.days[self.docs]
        # An undated document is outside every date range.
        return (days > 0) & (days >= (low or 0)) & (days <= (high or 99999999))

    def passing(self, skip: str | None = None) -> np.ndarray:
        mask = np.ones(len(self.docs), dtype=bool)
        for name, ok in self.ok.items():
            if name != skip:
                mask &= ok
        return mask

    def counts(self) -> dict[str, list[tuple[str, int]]]:
        """Each facet counted with the other facets' filters applied, but not its own."""
        result = {}
        for name in VALUE_FACETS:
            rows = self.docs[self.passing(skip=name)]
            if name == "source":
                ids = self.arrays.sources[rows]
            else:
                ids = self.arrays.values[name][rows].ravel()
            result[name] = _named(np.bincount(ids[ids >= 0]), TABLES[name])
        return result

    def date_facet(self) -> DayCounts:
        """Results per day with every filter applied but the date range's own."""
        return self.day_counts(self.passing(skip="date"))

    def day_counts(self, mask: np.ndarray) -> DayCounts:
        """How many of the documents `mask` picks fall on each day (undated ones left out):
        counted by their places among the index's days, in time linear in their number."""
        table = self.arrays.day_table
        counts = np.bincount(self.arrays.day_places[self.docs[mask]], minlength=len(table))
        found = np.flatnonzero(counts)
        numbers = table[found]
        dated = numbers > 0
        return DayCounts(numbers[dated], counts[found][dated])


def _named(counts: np.ndarray, table: ValueTable) -> list[tuple[str, int]]:
    """(value, count) of every value counted, most first, ties by value: sorted by NumPy (a
    pasted passage's results count thousands of speakers)."""
    found = np.flatnonzero(counts)
    ranks = table.ranks()
    order = found[np.lexsort((ranks[found], -counts[found]))]
    values = table.values
    return [(values[i], int(counts[i])) for i in order]


def by_day(arrays: DocArrays, docs: np.ndarray, *, newest: bool) -> np.ndarray:
    """Date order with undated documents last either way; ties by index order."""
    days = arrays.days[docs].astype(np.int64)
    key = -days if newest else days
    undated = days == 0
    order = np.lexsort((docs if not newest else -docs.astype(np.int64), key, undated))
    return docs[order]


def top(docs: np.ndarray, scores: np.ndarray, count: int) -> np.ndarray:
    """The `count` best-scoring documents, best first (ties: lower docnum first)."""
    if len(docs) > count:
        best = np.argpartition(-scores, count - 1)[:count]
        docs, scores = docs[best], scores[best]
    return docs[np.lexsort((docs, -scores))]
