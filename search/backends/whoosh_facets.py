"""Facet values per document, read from Whoosh columns once per searcher, and counted in Python."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.searching import Searcher

from search.query import SearchParams


def _day_number(date) -> int | None:
    return date.year * 10000 + date.month * 100 + date.day if date else None


@dataclass(frozen=True)
class Selection:
    """The facet filters of a search: OR within a facet, AND across facets."""

    countries: frozenset[str]
    speakers: frozenset[str]
    day_from: int | None
    day_to: int | None

    @classmethod
    def from_params(cls, params: SearchParams) -> Selection:
        return cls(
            countries=frozenset(params.countries),
            speakers=frozenset(params.speakers),
            day_from=_day_number(params.date_from),
            day_to=_day_number(params.date_to),
        )

    def country_ok(self, values: Iterable[str]) -> bool:
        return not self.countries or not self.countries.isdisjoint(values)

    def speaker_ok(self, values: Iterable[str]) -> bool:
        return not self.speakers or not self.speakers.isdisjoint(values)

    def day_ok(self, day: int) -> bool:
        if self.day_from is None and self.day_to is None:
            return True
        if not day:
            return False  # an undated article is outside every date range
        return (self.day_from or 0) <= day <= (self.day_to or 99999999)

    def accepts(self, columns: FacetColumns, docnum: int) -> bool:
        return (
            self.country_ok(columns.countries[docnum])
            and self.speaker_ok(columns.speakers[docnum])
            and self.day_ok(columns.days[docnum])
        )


class FacetColumns:
    """docnum → countries, speakers and day, for every document of one searcher."""

    def __init__(self, searcher: Searcher, countries, speakers, days) -> None:
        self.searcher = searcher
        self.countries: list[tuple[str, ...]] = countries
        self.speakers: list[tuple[str, ...]] = speakers
        self.days: list[int] = days

    @classmethod
    def load(cls, searcher: Searcher) -> FacetColumns:
        reader = searcher.reader()
        size = reader.doc_count_all()

        def column(name: str, decode) -> list:
            if not reader.has_column(name):
                return [decode(None)] * size
            values = reader.column_reader(name, translate=True)
            return [decode(values[docnum]) for docnum in range(size)]

        def keywords(values) -> tuple[str, ...]:
            return tuple(values) if values else ()

        return cls(
            searcher,
            countries=column("countries", keywords),
            speakers=column("speakers", keywords),
            days=column("day", lambda raw: int(raw or 0)),
        )

    def disjunctive_counts(
        self, matched: list[int], selection: Selection
    ) -> dict[str, list[tuple[str, int]]]:
        """Each facet counted with the other facets' filters applied, but not its own."""
        countries: Counter[str] = Counter()
        speakers: Counter[str] = Counter()
        years: Counter[str] = Counter()
        for docnum in matched:
            c_ok = selection.country_ok(self.countries[docnum])
            s_ok = selection.speaker_ok(self.speakers[docnum])
            day = self.days[docnum]
            d_ok = selection.day_ok(day)
            if s_ok and d_ok:
                countries.update(self.countries[docnum])
            if c_ok and d_ok:
                speakers.update(self.speakers[docnum])
            if c_ok and s_ok and day:
                years[str(day // 10000)] += 1
        return {
            "country": _by_count(countries),
            "speaker": _by_count(speakers),
            "year": sorted(years.items(), reverse=True),
        }

    def sorted_by_day(self, docnums: list[int], *, newest: bool) -> list[int]:
        """Date order with undated articles last either way; ties by index order."""
        dated = [d for d in docnums if self.days[d]]
        undated = [d for d in docnums if not self.days[d]]
        dated.sort(key=lambda d: (self.days[d], d), reverse=newest)
        return dated + undated


def _by_count(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
