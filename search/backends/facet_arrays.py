"""Facet filters and disjunctive counts as NumPy operations over per-document arrays, for
any backend that keeps its documents' facet values in arrays (`FacetArrays`).

Facet values are small integers from one `ValueTable` per facet, shared by the process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol, cast

import numpy as np

from search.query import SearchParams
from search.timeline import DayCounts, day_number

MULTI_FACETS = {"country": "countries", "speaker": "speakers"}
VALUE_FACETS = (*MULTI_FACETS, "source")


class ValueTable:
    """Facet value ↔ small integer, shared by every array of this process."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.values: list[str] = []
        self._lock = threading.Lock()
        self._ranks = np.zeros(0, dtype=np.int64)

    def ranks(self) -> np.ndarray:
        """Each id's place in the values' sorted order (computed again only when values
        were added), so that counts sort with their ties by value in NumPy."""
        ranks = self._ranks
        if len(ranks) != len(self.values):
            with self._lock:
                values = np.array(self.values, dtype=object)
                ranks = np.empty(len(values), dtype=np.int64)
                ranks[np.argsort(values, kind="stable")] = np.arange(len(values))
                self._ranks = ranks
        return ranks

    def id(self, value: str) -> int:
        found = self.ids.get(value)
        if found is None:
            with self._lock:
                found = self.ids.setdefault(value, len(self.values))
                if found == len(self.values):
                    self.values.append(value)
        return found


TABLES = {name: ValueTable() for name in VALUE_FACETS}


class FacetArrays(Protocol):
    """What counting facets reads of a backend's documents, one entry per document."""

    @property
    def values(self) -> dict[str, np.ndarray]:
        """facet -> int32 [docs, width] of TABLES ids, padded with -1"""

    @property
    def sources(self) -> np.ndarray:
        """int32 TABLES["source"] id, -1 for none"""

    @property
    def days(self) -> np.ndarray:
        """int32 YYYYMMDD, 0 undated"""

    @property
    def day_table(self) -> np.ndarray:
        """The distinct days, in order."""

    @property
    def day_places(self) -> np.ndarray:
        """int32: each document's day as a place in `day_table`."""


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

    def __init__(self, arrays: FacetArrays, docs: np.ndarray, selection: Selection) -> None:
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


def join_padded(arrays: list[np.ndarray]) -> np.ndarray:
    """[docs, width] facet arrays one after another, each padded with -1 to the widest."""
    width = max((a.shape[1] for a in arrays), default=1)
    padded = [np.pad(a, ((0, 0), (0, width - a.shape[1])), constant_values=-1) for a in arrays]
    return np.concatenate(padded) if padded else np.zeros((0, 1), np.int32)
