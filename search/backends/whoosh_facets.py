"""Facet values per document, read from Whoosh columns once per searcher, counted in Python."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from whoosh.searching import Searcher

from search.backends.whoosh_schema import day_number
from search.query import SearchParams

# facet name -> (column, multi-valued)
VALUE_FACETS = {
    "country": ("countries", True),
    "speaker": ("speakers", True),
    "source": ("source", False),
}


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

    def day_ok(self, day: int) -> bool:
        if self.day_from is None and self.day_to is None:
            return True
        if not day:
            return False  # an undated article is outside every date range
        return (self.day_from or 0) <= day <= (self.day_to or 99999999)

    @property
    def one_year(self) -> int | None:
        """The year the date range lies in, if it lies in one: the date facet shows months."""
        if self.day_from and self.day_to and self.day_from // 10000 == self.day_to // 10000:
            return self.day_from // 10000
        return None


class FacetColumns:
    """docnum → kind, countries, speakers, source and day, for every document of a searcher."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        size = reader.doc_count_all()

        def column(name: str, empty) -> list:
            if not reader.has_column(name):
                return [empty] * size
            values = reader.column_reader(name, translate=True)
            return [values[n] or empty for n in range(size)]

        self.kinds: list[str] = column("kind", "")
        self.days: list[int] = column("day", 0)
        self.values: dict[str, list] = {
            "country": [tuple(v) for v in column("countries", ())],
            "speaker": [tuple(v) for v in column("speakers", ())],
            "source": [(v,) if v else () for v in column("source", "")],
        }

    def of_kind(self, docnums, kind: str) -> list[int]:
        kinds = self.kinds
        return [d for d in docnums if kinds[d] == kind]

    def passes(self, docnum: int, selection: Selection, skip: str | None = None) -> bool:
        for name, wanted in selection.values.items():
            if wanted and name != skip and wanted.isdisjoint(self.values[name][docnum]):
                return False
        return skip == "date" or selection.day_ok(self.days[docnum])

    def filter(self, docnums: list[int], selection: Selection) -> list[int]:
        return [d for d in docnums if self.passes(d, selection)]

    def disjunctive_counts(
        self, matched: list[int], selection: Selection
    ) -> dict[str, list[tuple[str, int]]]:
        """Each facet counted with the other facets' filters applied, but not its own."""
        counts: dict[str, Counter[str]] = {name: Counter() for name in (*VALUE_FACETS, "year")}
        months: Counter[str] = Counter()
        year = selection.one_year
        for docnum in matched:
            for name in VALUE_FACETS:
                if self.passes(docnum, selection, skip=name):
                    counts[name].update(self.values[name][docnum])
            day = self.days[docnum]
            if day and self.passes(docnum, selection, skip="date"):
                counts["year"][str(day // 10000)] += 1
                if year and day // 10000 == year:
                    months[f"{year}-{day // 100 % 100:02d}"] += 1
        result = {name: _by_count(counts[name]) for name in VALUE_FACETS}
        result["year"] = sorted(counts["year"].items(), reverse=True)
        result["month"] = sorted(months.items())
        return result

    def sorted_by_day(self, docnums: list[int], *, newest: bool) -> list[int]:
        """Date order with undated documents last either way; ties by index order."""
        dated = [d for d in docnums if self.days[d]]
        undated = [d for d in docnums if not self.days[d]]
        dated.sort(key=lambda d: (self.days[d], d), reverse=newest)
        return dated + undated


def _by_count(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
