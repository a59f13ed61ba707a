"""One search in two parts: SQL finds the rows a query matches (`all_words`, or `most_words`
when too few have every word) with their rank on the lead (`found`); NumPy filters, counts
and orders them over this process's facet arrays (`Matches`, `facet_rows`), and SQL ranks
the best again on their whole text (`ordered`).

Filtering, counting and sorting tens of thousands of matches in SQL cost more than finding
them: at 100,000 articles a common word spent 290 ms of 585 counting facets row by row, and
60 ms more keeping and sorting the rows for the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db.backends.utils import CursorWrapper

from search import query_tree as qt
from search.backends.facet_arrays import FacetMasks, Selection
from search.backends.postgres import facet_rows, word_ids
from search.backends.postgres.compiler import Compiler, Sql
from search.backends.postgres.facet_rows import RowArrays
from search.backends.postgres.rows import ARTICLE, STATEMENT, TERM
from search.backends.postgres.session import configure
from search.backends.postgres.tables import DOCUMENTS, LEXICON
from search.query_tree import SearchQuery

KINDS = {"articles": ARTICLE, "statements": STATEMENT}
ENOUGH = 1000  # as the Whoosh backend: a partial match keeps the rows of the ENOUGH-th best
# Matches ranked again on their whole text, the best by their lead first: ranking every match
# on its whole text read a 6 KB vector per match (600 ms for a common word in 100,000).
RERANKED = 200
# Results ranked on their lead by id after the scan, up to this many (about 5 µs each, where
# ranking every match as it is scanned costs 1 µs); more are found again, ranked.
RANKED_BY_ID = 15_000
SPARSE = 16  # ids spread wider than this many slots each are counted by sorting them
# The search table's oid and the newest generation of the rows of one kind (a parameter),
# read in the statement that finds the rows: what the facet arrays must be as new as.
STATE = f"{facet_rows.TABLE_OID}, ({facet_rows.newest_generation()})"


@dataclass(frozen=True)
class Plan:
    """How one search finds its rows: the base query and, for a partial match, its words."""

    base: Sql | None  # rows with id, score (the lead's rank) and n (words had); or `scans`
    whole: Sql  # the rank on the whole text, for the best rows
    partial: bool = False
    labels: tuple[str, ...] = ()
    words: tuple[Sql, ...] = ()
    lead: Sql | None = None  # the rank on the lead, when the base left it to the results
    scans: tuple[Sql, ...] = ()  # a partial match's ids, word by word
    needed: Sql | None = None  # and the ids every result must be among


def all_words(compiler: Compiler, query: SearchQuery, *, ranked: bool = True) -> Plan:
    """Rows with every word. Unless `ranked`, the scan ranks nothing and the results are
    ranked on their lead afterwards (`Matches`): filters often leave a few hundred of
    90,000 matches, and ranking a match as it is scanned costs about 1 µs."""
    where = compiler.where(query.tree)
    lead, whole = compiler.ranks(query.tree, lead=True), compiler.ranks(query.tree)
    score = lead if ranked else Sql("0")
    base = Sql(
        f"SELECT id, ({score.text}) AS score, 0 AS n "
        f"FROM {DOCUMENTS} WHERE kind = %s AND ({where.text})",
        score.params + (KINDS[query.params.mode],) + where.params,
    )
    return Plan(base, whole, lead=None if ranked else lead)


def most_words(compiler: Compiler, query: SearchQuery, *, ranked: bool = True) -> Plan | None:
    """Rows with most of the query's words, when too few have them all. Each word's rows
    come from the index (a union of their scans, counted by id): testing a word on a row
    would read its whole-text vector.

    Unless `ranked`, the scans rank nothing: a partial match counts every row with any of
    the words (90,000 for a common one), and the results, often a few hundred once
    filtered, are ranked on their lead afterwards (`Matches`), as by `all_words`."""
    parts = qt.clauses(query.tree)
    if parts is None:
        return None
    required, optional = parts
    distinct: dict[Sql, str] = {}
    for node in optional:
        for word in compiler.words(node):
            distinct.setdefault(word, qt.label(node))
    if len(distinct) < 2:
        return None
    words = tuple(distinct)
    kind = KINDS[query.params.mode]
    lead, whole = compiler.ranks(query.tree, lead=True), compiler.ranks(query.tree)
    needed = None
    if required:
        inner = compiler.where(qt.And(tuple(required)))
        needed = Sql(
            f"SELECT id FROM {DOCUMENTS} WHERE kind = %s AND ({inner.text})", (kind, *inner.params)
        )
    labels = tuple(distinct.values())
    if not ranked:
        # Each word's ids as an array, counted by NumPy: 110 ms where SQL's count by id
        # took 165 for a common word and a rare one in 100,000 articles.
        scans = tuple(
            Sql(
                f"SELECT id FROM {DOCUMENTS} WHERE kind = %s AND ({w.text})",
                (kind, *w.params),
                w.term,
            )
            for w in words
        )
        return Plan(None, whole, True, labels, words, lead, scans, needed)
    each = " UNION ALL ".join(
        f"SELECT id, ({lead.text}) AS score FROM {DOCUMENTS} WHERE kind = %s AND ({w.text})"
        for w in words
    )
    each_params = tuple(p for w in words for p in (*lead.params, kind, *w.params))
    where = Sql("TRUE") if needed is None else Sql(f"id IN ({needed.text})", needed.params)
    base = Sql(
        f"SELECT id, max(score) AS score, count(*) AS n FROM ({each}) x "
        f"WHERE {where.text} GROUP BY id",
        each_params + where.params,
    )
    return Plan(base, whole, True, labels, words)


@dataclass(frozen=True)
class Found:
    """Every row a plan finds, before the filters, with the search table's oid and newest
    generation read in the same statement (what the facet arrays must be as new as)."""

    table: int
    generation: int
    ids: np.ndarray  # int64
    scores: np.ndarray  # float64: the rank on the lead
    words: np.ndarray  # int64: how many of a partial match's words each has


def found(cursor: CursorWrapper, plan: Plan, query: SearchQuery) -> Found:
    """The rows the plan finds, as arrays in one row: no Python object per match."""
    kind = KINDS[query.params.mode]
    if plan.base is None:
        return _found_by_scans(cursor, plan, kind)
    cursor.execute(
        f"SELECT {STATE}, array_send(array_agg(id)), array_send(array_agg(score::float8)), "
        f"array_send(array_agg(n::int8)) FROM ({plan.base.text}) b",
        (kind,) + plan.base.params,
    )
    table, generation, ids, scores, words = cursor.fetchone()
    return Found(
        int(table),
        int(generation),
        facet_rows.decoded(ids),
        facet_rows.decoded(scores).astype(np.float64),
        facet_rows.decoded(words),
    )


def _found_by_scans(cursor: CursorWrapper, plan: Plan, kind: int) -> Found:
    """A partial match's rows from each word's ids: how many words each row has, unranked.
    A common word's ids are read once and kept while they stay its ids (`word_ids`)."""
    terms = [scan.term for scan in plan.scans]
    cursor.execute(
        f"SELECT {STATE}, array_agg(docs ORDER BY word), array_agg(word ORDER BY word) "
        f"FROM {LEXICON} WHERE kind = %s AND word = ANY(%s)",
        [kind, TERM, sorted({t for t in terms if t})],
    )
    table, generation, docs, named = cursor.fetchone()
    table, generation = int(table), int(generation)
    spread = dict(zip(named or (), docs or (), strict=True))
    stamps = {t: word_ids.Stamp(table, generation, spread.get(t, 0)) for t in terms if t}
    each: list[np.ndarray | None] = [
        word_ids.KEPT.get(kind, t, stamps[t]) if t else None for t in terms
    ]
    missing = [i for i, ids in enumerate(each) if ids is None]
    scans = [plan.scans[i] for i in missing] + ([plan.needed] if plan.needed else [])
    read = _scanned(cursor, scans)
    for i, ids in zip(missing, read, strict=False):
        each[i] = ids
        if term := terms[i]:
            word_ids.KEPT.keep(kind, term, stamps[term], ids)
    ids, words = _counted([ids for ids in each if ids is not None])
    if plan.needed:
        kept = np.isin(ids, read[-1])
        ids, words = ids[kept], words[kept]
    return Found(table, generation, ids, np.zeros(len(ids)), words.astype(np.int64))


def _counted(each: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every id of these arrays (each without repeats), and in how many it is. Ids are
    primary keys, so a slot per id between the least and the greatest is counted by
    `bincount` (10 ms for 2 million ids, where sorting them took 130)."""
    every = np.concatenate(each)
    if not len(every):
        return every, every
    low = int(every.min())
    span = int(every.max()) - low + 1
    if span > SPARSE * len(every):  # too few ids for their range: sorted instead
        found, counts = np.unique(every, return_counts=True)
        return found, counts
    slots = np.bincount(every - low, minlength=span)
    found = np.flatnonzero(slots)
    return found + low, slots[found]


def _scanned(cursor: CursorWrapper, scans: list[Sql]) -> list[np.ndarray]:
    """The ids each scan finds, in one statement. Their rows come from the GIN indexes'
    bitmaps: for a word most rows have, the planner would read every row of the kind through
    a B-tree and test the word on each, reading each row's vector (1 s for 100,000 rows)."""
    if not scans:
        return []
    arrays = ", ".join(f"(SELECT array_send(array_agg(id)) FROM ({s.text}) s)" for s in scans)
    previous = configure(cursor, {"enable_indexscan": "off"})
    cursor.execute(f"SELECT {arrays}", tuple(p for s in scans for p in s.params))
    read = cursor.fetchone()
    configure(cursor, previous)
    return [facet_rows.decoded(data) for data in read]


class Matches:
    """A plan's rows as places in the facet arrays: those found (counted for the facets) and
    those passing every filter (the results)."""

    def __init__(
        self,
        cursor: CursorWrapper,
        plan: Plan,
        rows: Found,
        arrays: RowArrays,
        query: SearchQuery,
    ) -> None:
        places, known = arrays.places_of(rows.ids)  # a row deleted since: not known
        self.plan, self.arrays, self.query = plan, arrays, query
        self.ids, self.scores = rows.ids[known], rows.scores[known]
        self.words = rows.words[known]
        selection = Selection.from_params(query.params)
        self.masks = FacetMasks(arrays, places, selection)
        if plan.partial:
            # The fewest words a result must have: those of the ENOUGH-th best passing row.
            had = np.sort(self.words[self.masks.passing()])[::-1]
            kept = self.words >= (had[ENOUGH - 1] if len(had) >= ENOUGH else 1)
            self.ids, self.scores, self.words = self.ids[kept], self.scores[kept], self.words[kept]
            self.masks = FacetMasks(arrays, places[kept], selection)
        self.passing = self.masks.passing()
        self.total = int(self.passing.sum())
        # Too many results to rank by id: the plan must rank as it scans (`most_words`).
        self.unranked = plan.lead is not None and self.total > RANKED_BY_ID
        if plan.lead is not None and not self.unranked and self.total:
            self.scores = self.scores.copy()
            self.scores[self.passing] = _ranks(cursor, plan.lead, query, self.ids[self.passing])
        every = len(plan.words)
        self.complete = (
            int((self.words[self.passing] == every).sum()) if plan.partial else self.total
        )

    def ordered(self, cursor: CursorWrapper, count: int | None = None) -> np.ndarray:
        """The ids of the results in the search's order (the first `count` at least)."""
        ids = self.ids[self.passing]
        sort = self.query.effective_sort
        if sort != "relevance":
            days = self.arrays.days[self.masks.docs[self.passing]].astype(np.int64)
            undated = days == 0  # last either way
            newest = sort == "newest"
            by_date: np.ndarray = ids[
                np.lexsort((-ids if newest else ids, -days if newest else days, undated))
            ]
            return by_date
        scores = self.scores[self.passing]
        wanted = max(RERANKED, count or len(ids))
        if len(ids) > wanted:  # only the best few need sorting (ties at the edge kept)
            edge = np.partition(-scores, wanted - 1)[wanted - 1]
            best = np.flatnonzero(-scores <= edge)
            ids, scores = ids[best], scores[best]
        order = np.lexsort((ids, -scores))
        ids, scores = ids[order], scores[order]
        top, top_scores = ids[:RERANKED], scores[:RERANKED]
        exact = _ranks(cursor, self.plan.whole, self.query, top)
        again = np.lexsort((top, -top_scores, -exact))
        return np.concatenate([top[again], ids[RERANKED:]])

    def page(self, cursor: CursorWrapper) -> tuple[int, list[int]]:
        """The page shown (the last one for a page past the end) and its ids."""
        params = self.query.params
        size = params.page_size
        page = max(1, min(params.page, -(-self.total // size)))
        shown = self.ordered(cursor, page * size)[(page - 1) * size : page * size]
        return page, [int(pk) for pk in shown]


def _ranks(cursor: CursorWrapper, rank: Sql, query: SearchQuery, ids: np.ndarray) -> np.ndarray:
    """`rank` of each row of `ids`, in their order (0 for a row gone since)."""
    if not len(ids):
        return np.zeros(0, dtype=np.float64)
    cursor.execute(
        f"SELECT id, ({rank.text}) FROM {DOCUMENTS} WHERE kind = %s AND id = ANY(%s)",
        rank.params + (KINDS[query.params.mode], [int(pk) for pk in ids]),
    )
    found = dict(cursor.fetchall())
    return np.array([float(found.get(int(pk), 0.0)) for pk in ids], dtype=np.float64)
