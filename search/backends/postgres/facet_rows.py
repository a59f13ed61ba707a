"""Each search row's facet values and day as NumPy arrays kept in this process, so that a
search's facets and timeline are counted over arrays (`facet_arrays`, as the Whoosh backend
counts them) and PostgreSQL only finds the matching rows.

Counting them in SQL, row by row, was most of a common word's search: at 100,000 articles,
the countries, speakers, outlets and days of 90,000 matches cost 290 ms of 585.

Every row carries the generation it was written in (a sequence, taken by one writer at a
time, so the generations committed are always those up to the newest). A search reads the
table's newest generation with its matches; this process then reads only the rows written
since it last looked. Rows deleted since are left in the arrays: no search finds them. A
rebuild fills a new table (a new oid), which is read whole.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from django.db.backends.utils import CursorWrapper

from search.backends.facet_arrays import MULTI_FACETS, TABLES, join_padded
from search.backends.postgres.session import configure
from search.backends.postgres.tables import DOCUMENTS

# PostgreSQL's element types, by the oid `array_send` writes: int8, int4, float8.
_ELEMENTS = {20: ">i8", 23: ">i4", 701: ">f8"}
TABLE_OID = f"'{DOCUMENTS}'::regclass::oid::bigint"


@dataclass(frozen=True)
class RowArrays:
    """The facet values of every row of one kind, by place in `ids` (`FacetArrays`)."""

    table: int  # the oid of the table they were read from
    generation: int  # the newest generation read
    ids: np.ndarray  # int64, sorted
    values: dict[str, np.ndarray]  # facet -> int32 [rows, width] of TABLES ids, -1 padded
    sources: np.ndarray  # int32, -1 for none
    days: np.ndarray  # int32 YYYYMMDD, 0 undated
    day_table: np.ndarray
    day_places: np.ndarray

    @classmethod
    def of(
        cls,
        table: int,
        generation: int,
        ids: np.ndarray,
        values: dict[str, np.ndarray],
        sources: np.ndarray,
        days: np.ndarray,
    ) -> RowArrays:
        day_table, places = np.unique(days, return_inverse=True)
        return cls(
            table, generation, ids, values, sources, days, day_table, places.astype(np.int32)
        )

    def places_of(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The places of those of `ids` these arrays hold, and which of `ids` they are."""
        if not len(self.ids):
            return np.zeros(0, dtype=np.int64), np.zeros(len(ids), dtype=bool)
        at = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        known = self.ids[at] == ids
        return at[known], known

    def updated(self, newer: RowArrays) -> RowArrays:
        """These arrays with `newer`'s rows added, or in place of the same ids'."""
        ids = np.concatenate([self.ids, newer.ids])
        order = np.argsort(ids, kind="stable")  # an id's newer row comes after its older one
        ordered = ids[order]
        last = np.append(ordered[1:] != ordered[:-1], True)
        take = order[last]
        values = {
            facet: join_padded([self.values[facet], newer.values[facet]])[take]
            for facet in MULTI_FACETS
        }
        return RowArrays.of(
            newer.table,
            max(self.generation, newer.generation),
            ids[take],
            values,
            np.concatenate([self.sources, newer.sources])[take],
            np.concatenate([self.days, newer.days])[take],
        )


_kept: dict[int, RowArrays] = {}
_lock = threading.Lock()


def current(cursor: CursorWrapper, kind: int, table: int, generation: int) -> RowArrays:
    """The arrays of `kind`'s rows, at least as new as `generation` of table `table` (what a
    search just read): kept from an earlier search, brought up to date, or read whole."""
    with _lock:
        found = _kept.get(kind)
        if found is not None and found.table == table and found.generation >= generation:
            return found
        with _unbounded(cursor):
            if found is None or found.table != table:
                found = read(cursor, kind)
            else:
                found = found.updated(read(cursor, kind, since=found.generation))
        _kept[kind] = found
        return found


@contextmanager
def _unbounded(cursor: CursorWrapper) -> Iterator[None]:
    """Lift the search's time budget (its transaction's statement timeout) for reading the
    arrays, which is not a search: the 640,000 statements of 100,000 articles take 3 s."""
    previous = configure(cursor, {"statement_timeout": "0"})
    yield
    # Restored only after a read that worked: a failed one ends the transaction, and its
    # setting with it.
    configure(cursor, previous)


def state(cursor: CursorWrapper, kind: int) -> tuple[int, int]:
    """The table's oid and the newest generation of its rows of `kind`."""
    cursor.execute(f"SELECT {TABLE_OID}, ({newest_generation()})", [kind])
    table, generation = cursor.fetchone()
    return int(table), int(generation)


def newest_generation() -> str:
    """SQL for the newest generation of the rows of one kind (a parameter): from the index
    on (kind, generation), one entry read."""
    return f"SELECT COALESCE(max(generation), 0) FROM {DOCUMENTS} WHERE kind = %s"


def read(cursor: CursorWrapper, kind: int, since: int = 0) -> RowArrays:
    """The rows of `kind` written after generation `since`, read as arrays in one statement:
    numbers come as PostgreSQL's binary arrays, decoded by NumPy without a Python object per
    row (a row at a time, 700,000 rows took seconds)."""
    cursor.execute(
        f"WITH r AS MATERIALIZED (SELECT row_number() OVER (ORDER BY id) - 1 AS place, id, "
        f"date, source, countries, speakers, generation FROM {DOCUMENTS} "
        "WHERE kind = %s AND generation > %s) "
        f"SELECT 'table', NULL::text, {TABLE_OID}, NULL::bytea "
        "UNION ALL SELECT 'generation', NULL, max(generation), NULL FROM r "
        "UNION ALL SELECT 'id', NULL, NULL, array_send(array_agg(id ORDER BY place)) FROM r "
        "UNION ALL SELECT 'day', NULL, NULL, array_send(array_agg("
        "COALESCE(to_char(date, 'YYYYMMDD')::int, 0) ORDER BY place)) FROM r "
        "UNION ALL SELECT 'source', source, NULL, array_send(array_agg(place)) FROM r "
        "WHERE source <> '' GROUP BY source "
        "UNION ALL SELECT 'country', v, NULL, array_send(array_agg(place ORDER BY place)) "
        "FROM r, unnest(r.countries) v GROUP BY v "
        "UNION ALL SELECT 'speaker', v, NULL, array_send(array_agg(place ORDER BY place)) "
        "FROM r, unnest(r.speakers) v GROUP BY v",
        [kind, since],
    )
    numbers: dict[str, int] = {}
    arrays: dict[str, np.ndarray] = {}
    places: dict[str, list[np.ndarray]] = {facet: [] for facet in (*MULTI_FACETS, "source")}
    codes: dict[str, list[int]] = {facet: [] for facet in places}
    for part, value, number, data in cursor.fetchall():
        if part in places:
            at = decoded(data)
            places[part].append(at)
            codes[part].append(TABLES[part].id(value))
            continue
        if data is None:
            numbers[part] = int(number or 0)
        else:
            arrays[part] = decoded(data)
    ids = arrays.get("id", np.zeros(0, dtype=np.int64))
    size = len(ids)
    sources = np.full(size, -1, dtype=np.int32)
    for at, code in zip(places["source"], codes["source"], strict=True):
        sources[at] = code
    return RowArrays.of(
        numbers["table"],
        max(since, numbers.get("generation", 0)),
        ids,
        {facet: _padded(places[facet], codes[facet], size) for facet in MULTI_FACETS},
        sources,
        arrays.get("day", np.zeros(0, dtype=np.int64)).astype(np.int32),
    )


def decoded(data: bytes | memoryview | None) -> np.ndarray:
    """A one-dimensional int4, int8 (as int64) or float8 array as `array_send` writes it
    (empty for NULL): a header of 20 bytes, then each element's length and big-endian value."""
    if data is None or len(data) < 20:  # NULL, or an array with no dimension: empty
        return np.zeros(0, dtype=np.int64)
    element = int.from_bytes(bytes(data[8:12]), "big")
    kind = _ELEMENTS[element]
    entries = np.frombuffer(data, dtype=np.dtype([("length", ">i4"), ("value", kind)]), offset=20)
    return entries["value"].astype(np.float64 if kind == ">f8" else np.int64)


def _padded(places: list[np.ndarray], codes: list[int], size: int) -> np.ndarray:
    """Each row's values as a row of a [rows, width] array padded with -1, from each value's
    list of row places."""
    if not places:
        return np.full((size, 1), -1, dtype=np.int32)
    at = np.concatenate(places)
    values = np.repeat(np.array(codes, dtype=np.int32), [len(p) for p in places])
    order = np.argsort(at, kind="stable")
    at, values = at[order], values[order]
    per_row = np.bincount(at, minlength=size)
    starts = np.cumsum(per_row) - per_row
    out = np.full((size, max(int(per_row.max()), 1)), -1, dtype=np.int32)
    out[at, np.arange(len(at)) - starts[at]] = values
    return out


def forget() -> None:
    """Drop every kept array (tests that swap databases)."""
    with _lock:
        _kept.clear()
