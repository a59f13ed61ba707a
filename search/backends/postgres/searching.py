"""The SQL of one search: the rows a query finds (`all_words`, or `most_words` when too few
have every word), and one statement that counts them, lists them for the facets and picks
the page (`counts`), in the search's order (`ordered_ids`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.backends.utils import CursorWrapper

from search import query_tree as qt
from search.backends.postgres import facet_rows
from search.backends.postgres.compiler import Compiler, Sql
from search.backends.postgres.rows import ARTICLE, STATEMENT
from search.backends.postgres.tables import DOCUMENTS
from search.query_tree import SearchQuery

KINDS = {"articles": ARTICLE, "statements": STATEMENT}
ENOUGH = 1000  # as the Whoosh backend: a partial match keeps the rows of the ENOUGH-th best
# Matches ranked again on their whole text, the best by their lead first: ranking every match
# on its whole text read a 6 KB vector per match (600 ms for a common word in 100,000).
RERANKED = 200
ORDERS = {
    "relevance": "score DESC, id",
    "newest": "date DESC NULLS LAST, id DESC",
    "oldest": "date ASC NULLS LAST, id",
}


@dataclass(frozen=True)
class Plan:
    """How one search finds its rows: the base query and, for a partial match, its words."""

    base: Sql  # rows with id, date, countries, speakers, source, score and n (words had)
    whole: Sql  # the rank on the whole text, for the best rows
    partial: bool = False
    labels: tuple[str, ...] = ()
    words: tuple[Sql, ...] = ()


def all_words(compiler: Compiler, query: SearchQuery) -> Plan:
    where = compiler.where(query.tree)
    lead, whole = compiler.ranks(query.tree, lead=True), compiler.ranks(query.tree)
    base = Sql(
        f"SELECT id, date, countries, speakers, source, ({lead.text}) AS score, 0 AS n "
        f"FROM {DOCUMENTS} WHERE kind = %s AND ({where.text})",
        lead.params + (KINDS[query.params.mode],) + where.params,
    )
    return Plan(base, whole)


def most_words(compiler: Compiler, query: SearchQuery) -> Plan | None:
    """Rows with most of the query's words, when too few have them all. Each word's rows
    come from the index (a union of their scans, counted by id), with what the search
    reads of a row: testing a word on a row would read its whole-text vector, and joining
    the counted ids back to their rows cost an index lookup each (360 ms for a word in
    81,000 articles)."""
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
    each = " UNION ALL ".join(
        f"SELECT id, date, countries, speakers, source, ({lead.text}) AS score "
        f"FROM {DOCUMENTS} WHERE kind = %s AND ({w.text})"
        for w in words
    )
    each_params = tuple(p for w in words for p in (*lead.params, kind, *w.params))
    needed = Sql("TRUE")
    if required:
        inner = compiler.where(qt.And(tuple(required)))
        needed = Sql(
            f"id IN (SELECT id FROM {DOCUMENTS} WHERE kind = %s AND ({inner.text}))",
            (kind, *inner.params),
        )
    # A row's columns are the same in every word's scan: min() picks that one value.
    base = Sql(
        "SELECT id, min(date) AS date, min(countries) AS countries, min(speakers) AS speakers, "
        "min(source) AS source, max(score) AS score, count(*) AS n "
        f"FROM ({each}) x WHERE {needed.text} GROUP BY id",
        each_params + needed.params,
    )
    return Plan(base, whole, True, tuple(distinct.values()), words)


def _ordered(plan: Plan, query: SearchQuery) -> str:
    """A `WITH` query `ordered` of the rows passing the filters in the search's order:
    by relevance, the best RERANKED by their lead are ranked again on their whole text
    and come first."""
    if query.effective_sort != "relevance":
        return f"ordered AS (SELECT id FROM p ORDER BY {ORDERS[query.effective_sort]})"
    # The best are kept apart and the rest sorted after them: joining every row to the best
    # made the planner test each row against all of them (170 ms for 4,800 rows).
    return (
        f"top AS MATERIALIZED (SELECT id, score FROM p ORDER BY score DESC, id LIMIT {RERANKED}), "
        f"best AS MATERIALIZED (SELECT t.id, t.score, ({plan.whole.text}) AS exact FROM top t "
        f"JOIN {DOCUMENTS} d ON d.kind = %s AND d.id = t.id), "
        "ordered AS (SELECT id FROM (SELECT id, 0 AS tier, exact, score FROM best "
        "UNION ALL SELECT id, 1, NULL, score FROM p WHERE id NOT IN (SELECT id FROM top)) o "
        "ORDER BY tier, exact DESC NULLS LAST, score DESC, id)"
    )


def _ordered_params(plan: Plan, query: SearchQuery) -> tuple[Any, ...]:
    if query.effective_sort != "relevance":
        return ()
    return plan.whole.params + (KINDS[query.params.mode],)


def counts(cursor: CursorWrapper, plan: Plan, query: SearchQuery) -> Counts:
    """Count the rows found and those passing the filters, pick the page's, and list every
    row found (`m`) for the facets, which are counted over this process's arrays
    (`facet_rows`) with the table's newest generation, read in the same statement."""
    params = query.params
    chain = _chain(plan, query)
    size = params.page_size
    kind = KINDS[params.mode]
    page = "LEAST(%s, GREATEST(1, CEIL((SELECT count(*) FROM p) / %s::numeric)::int))"
    sql = (
        f"{chain.text}, {_ordered(plan, query)} "
        "SELECT 'total', NULL::text, count(*), NULL::bytea FROM p "
        "UNION ALL SELECT 'complete', NULL, count(*), NULL FROM p WHERE n = %s "
        f"UNION ALL SELECT 'table', NULL, {facet_rows.TABLE_OID}, NULL "
        f"UNION ALL SELECT 'generation', NULL, ({facet_rows.newest_generation()}), NULL "
        "UNION ALL SELECT 'found', NULL, NULL, array_send(array_agg(id)) FROM m "
        "UNION ALL SELECT 'hit', id::text, row_number() OVER (), NULL FROM ("
        f"SELECT id FROM ordered LIMIT %s OFFSET ({page} - 1) * %s) shown"
    )
    cursor.execute(
        sql,
        chain.params
        + _ordered_params(plan, query)
        + (len(plan.words), kind, size, params.page, size, size),
    )
    return Counts.of(cursor.fetchall())


def ordered_ids(cursor: CursorWrapper, plan: Plan, query: SearchQuery) -> list[int]:
    """Every row the plan finds and the filters pass, in the search's order."""
    chain = _chain(plan, query)
    cursor.execute(
        f"{chain.text}, {_ordered(plan, query)} SELECT id FROM ordered",
        chain.params + _ordered_params(plan, query),
    )
    return [pk for (pk,) in cursor.fetchall()]


@dataclass(frozen=True)
class Counts:
    """What one statement counted for a search, the rows it found and the page's ids."""

    total: int
    complete: int
    table: int  # the search table's oid and its newest generation of the kind searched
    generation: int
    found: np.ndarray  # the ids of every row found, before the filters (int64)
    hits: list[int]

    @classmethod
    def of(cls, rows: list[tuple[str, str | None, int | None, bytes | None]]) -> Counts:
        numbers: dict[str, int] = {}
        found = np.zeros(0, dtype=np.int64)
        hits: list[tuple[int, int]] = []
        for part, value, number, data in rows:
            if part == "hit":
                hits.append((int(number or 0), int(value or 0)))
            elif part == "found":
                found = facet_rows.decoded(data)
            else:
                numbers[part] = int(number or 0)
        return cls(
            numbers["total"],
            numbers["complete"],
            numbers["table"],
            numbers["generation"],
            found,
            [pk for _, pk in sorted(hits)],
        )


def _chain(plan: Plan, query: SearchQuery) -> Sql:
    """`WITH` queries naming the rows found (`m`) and those passing every filter (`p`), with
    each facet's own filter as a column (`c_ok`, `s_ok`, `src_ok`, `d_ok`)."""
    params = query.params
    oks: list[str] = []
    values: list[Any] = []
    for column, selected in (("countries", params.countries), ("speakers", params.speakers)):
        if selected:
            oks.append(f"{column} && %s::text[]")
            values.append(list(selected))
        else:
            oks.append("TRUE")
    if params.sources:
        oks.append("source = ANY(%s::text[])")
        values.append(list(params.sources))
    else:
        oks.append("TRUE")
    if params.date_from or params.date_to:
        dated = ["date IS NOT NULL"]
        if params.date_from:
            dated.append("date >= %s")
            values.append(params.date_from)
        if params.date_to:
            dated.append("date <= %s")
            values.append(params.date_to)
        oks.append(" AND ".join(dated))
    else:
        oks.append("TRUE")
    found = (
        # Only what the order and the page need is kept: facets are counted in this process.
        f"WITH c AS MATERIALIZED (SELECT b.id, b.date, b.score, b.n, {oks[0]} AS c_ok, "
        f"{oks[1]} AS s_ok, {oks[2]} AS src_ok, {oks[3]} AS d_ok FROM ({plan.base.text}) b), "
    )
    if plan.partial:
        # The fewest words a result must have: those of the ENOUGH-th best passing row.
        kept = (
            "m AS MATERIALIZED (SELECT * FROM c WHERE n >= COALESCE((SELECT n FROM c "
            "WHERE c_ok AND s_ok AND src_ok AND d_ok ORDER BY n DESC "
            f"OFFSET {ENOUGH - 1} LIMIT 1), 1)), "
        )
    else:
        kept = "m AS (SELECT * FROM c), "
    passing = "p AS (SELECT * FROM m WHERE c_ok AND s_ok AND src_ok AND d_ok)"
    return Sql(found + kept + passing, tuple(values) + plan.base.params)
