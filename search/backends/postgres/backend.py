"""PostgreSQL backend: documents in a table with `tsvector` columns and GIN indexes, searched
with `@@`, ranked with `ts_rank`, counted for facets in the same statement.

It lives in the archive's database, so every web host sees one index and every curator's
change at once; searches read from a replica when the request is routed to one
(`config.replicas`), writes go to the primary. The text is analysed in Python exactly as the
Whoosh backend analyses it (`rows`), so both find the same documents for the same words.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager

from django.conf import settings
from django.db import DatabaseError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper

from search.backends.base import (
    Document,
    Hit,
    RebuildRunning,
    SearchBackend,
    SearchResults,
    SearchTooSlow,
    SearchUnavailable,
)
from search.backends.facet_arrays import Selection
from search.backends.postgres import bulk, facet_rows, searching, tables, word_ids
from search.backends.postgres.compiler import Compiler
from search.backends.postgres.lexicon import SqlLexicon, SqlTerms, copy_lexicon, count_words
from search.backends.postgres.rows import (
    ARTICLE,
    STATEMENT,
    TERM,
    lexicon_of,
    quote,
    rows_of,
    vocabulary,
)
from search.backends.postgres.session import configure
from search.backends.whoosh import highlight, spelling
from search.backends.whoosh.analysis import term_positions
from search.models import PendingUpdate
from search.query_tree import Node, SearchQuery
from search.write_lock import LockBusy

DOCUMENTS, LEXICON = tables.DOCUMENTS, tables.LEXICON
FEW_RESULTS = 10  # as the Whoosh backend: fewer with every word adds those with most words
RELATED_TERMS = 12
WRITER_LOCK = tables.REBUILD_LOCK + 2  # advisory lock key of the one incremental writer
LOCK_POLL = 0.02
# Settings for a search's transaction. Without a sequential scan, matches come from the GIN
# indexes even for a word most rows have: the planner cannot know that testing `@@` on a row
# means reading its whole-text vector out of line, which made a common word 5 times slower.
# With PostgreSQL's default 4 MB of work memory, the bitmap of a word found in most rows
# turns lossy, and every row of a lossy page is tested again, reading its vector out of line:
# 310 ms instead of 63 for a word in all 100,000 articles.
SEARCH_SETTINGS = {"enable_seqscan": "off", "jit": "off", "work_mem": "32MB"}


class PostgresBackend(highlight.MarkedText, SearchBackend):
    def __init__(self, index_dir: object = None) -> None:
        del index_dir  # the index is in the database; nothing is kept on disk

    # --- connections ------------------------------------------------------------------------

    @staticmethod
    def _primary() -> BaseDatabaseWrapper:
        return connections["default"]

    @staticmethod
    def _reader() -> BaseDatabaseWrapper:
        """The primary, or the replica this request reads from."""
        return connections[router.db_for_read(PendingUpdate) or "default"]

    @contextmanager
    def _reading(self) -> Iterator[CursorWrapper]:
        """A cursor in a transaction bounded by the search budget; a missing index or a
        search past its budget raise what the service explains."""
        connection = self._reader()
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                # 0 would mean no limit to PostgreSQL, where a budget of 0 means none at all.
                budget = max(1, int(settings.DISPATCH_SEARCH_BUDGET * 1000))
                wanted = {**SEARCH_SETTINGS, "statement_timeout": f"{budget}ms"}
                previous = configure(cursor, wanted)
                yield cursor
                # Inside a caller's transaction this block is a savepoint, whose release
                # would keep these settings for the rest of the caller's work.
                configure(cursor, previous)
        except DatabaseError as exc:
            state = getattr(exc.__cause__, "sqlstate", None)
            if state == "57014":  # query_canceled: the statement timeout
                raise SearchTooSlow(
                    f"The search was stopped after {settings.DISPATCH_SEARCH_BUDGET:g} s: use "
                    "fewer wildcards, fuzzy words or very common words."
                ) from exc
            if state == "42P01":  # undefined_table
                raise SearchUnavailable(
                    "The search index is missing. Run `python manage.py rebuild_index`."
                ) from exc
            raise

    # --- writing ----------------------------------------------------------------------------

    def writer_lock(self, wait: float) -> AbstractContextManager[None]:
        return self._advisory_lock(WRITER_LOCK, wait)

    @contextmanager
    def _advisory_lock(self, key: int, wait: float) -> Iterator[None]:
        """A session lock on the primary, shared by every host: one writer at a time."""
        connection = self._primary()
        deadline = time.monotonic() + wait
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                if cursor.fetchone()[0]:
                    break
                if time.monotonic() >= deadline:
                    raise LockBusy(f"the index writer lock stayed taken for {wait:g} s")
                time.sleep(LOCK_POLL)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])

    def _ensure_tables(self, connection: BaseDatabaseWrapper) -> None:
        if not tables.exists(connection):
            with transaction.atomic(using=connection.alias):
                tables.create_empty(connection)

    def index(self, documents: Iterable[Document], *, merge: bool = True) -> int:
        documents = list(documents)
        if not documents:
            return 0
        connection = self._primary()
        self._ensure_tables(connection)
        rows = [row for document in documents for row in rows_of(document)]
        ids = [int(document["id"]) for document in documents]
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            change = _removal(self._remove(cursor, ids))
            bulk.insert(cursor, DOCUMENTS, [row.values() for row in rows])
            change.update(lexicon_of(rows))
            count_words(cursor, change)
        return len(documents)

    def delete(self, ids: Iterable[int], *, merge: bool = True) -> None:
        ids = [int(pk) for pk in ids]
        connection = self._primary()
        if not ids or not tables.exists(connection):
            return
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            count_words(cursor, _removal(self._remove(cursor, ids)))

    @staticmethod
    def _remove(cursor: CursorWrapper, ids: list[int]) -> Counter[tuple[str, str]]:
        """Delete these articles' rows; returns the lexicon words they had."""
        cursor.execute(
            f"DELETE FROM {DOCUMENTS} WHERE parent = ANY(%s) RETURNING kind, title, body,"
            " speaker_names, tsvector_to_array(words || speaker_words || source_words)",
            [ids],
        )
        removed: Counter[tuple[str, str]] = Counter()
        for kind, title, body, speaker_names, terms in cursor.fetchall():
            removed.update((TERM, t) for t in terms)
            if kind == ARTICLE:
                removed.update(vocabulary(title, body, speaker_names))
        return removed

    def rebuild(
        self,
        documents: Iterable[Document],
        on_progress: Callable[[], None] | None = None,
        procs: int = 1,
    ) -> int:
        """Fill new tables beside the live ones, index them, then rename them into place in
        one transaction: searches answer from the old tables until the new ones are whole."""
        connection = self._primary()
        tables.create_extensions(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [tables.REBUILD_LOCK])
            if not cursor.fetchone()[0]:
                raise RebuildRunning("Another process is rebuilding the search index.")
        try:
            tables.drop_new(connection)
            with connection.cursor() as cursor:
                for statement in tables.create_statements(tables.NEW):
                    cursor.execute(statement)
                count, lexicon = bulk.copy_documents(
                    cursor, DOCUMENTS + tables.NEW, documents, on_progress, procs
                )
                copy_lexicon(cursor, LEXICON + tables.NEW, lexicon)
                for statement in tables.index_statements(tables.NEW):
                    cursor.execute(statement)
            with transaction.atomic(using=connection.alias):
                tables.switch_to_new(connection)
        except BaseException:
            tables.drop_new(connection)
            raise
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [tables.REBUILD_LOCK])
        return count

    # --- reading ----------------------------------------------------------------------------

    def document_stamps(self) -> dict[int, int]:
        with self._reading() as cursor:
            cursor.execute(f"SELECT id, stamp FROM {DOCUMENTS} WHERE kind = 0")
            return dict(cursor.fetchall())

    def stamps_of(self, ids: Iterable[int]) -> dict[int, int]:
        with self._reading() as cursor:
            cursor.execute(
                f"SELECT id, stamp FROM {DOCUMENTS} WHERE kind = 0 AND id = ANY(%s)",
                [[int(pk) for pk in ids]],
            )
            return dict(cursor.fetchall())

    def size_bytes(self) -> int:
        with self._reading() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(name::regclass)) FROM unnest(%s::text[]) name",
                [[DOCUMENTS, LEXICON]],
            )
            return int(cursor.fetchone()[0])

    def rebuild_reason(self) -> str | None:
        try:
            found = tables.layout(self._primary())
        except DatabaseError as exc:
            return f"the database cannot be read ({exc.__class__.__name__})"
        if found is None:
            return "there is no index yet"
        if found != tables.LAYOUT:
            return "the index was built by an older version of Dispatch"
        return None

    def warm(self) -> None:
        """Read the facet arrays of articles and statements, or what was written since
        `preload` read them."""
        with self._reading() as cursor:
            for kind in (ARTICLE, STATEMENT):
                facet_rows.current(cursor, kind, *facet_rows.state(cursor, kind))

    def preload(self) -> None:
        """Read the facet arrays once in gunicorn's master, for every worker (at 100,000
        articles, 1.1 s for the articles and 3 s for their 640,000 statements: a worker's
        first search of statements paid that), then close the connection the workers must
        not share."""
        try:
            self.warm()
        except (DatabaseError, SearchUnavailable):
            pass  # no index yet, or no database: each worker reads them when it can
        finally:
            connections.close_all()

    def forget_cached_queries(self, postings: bool = True) -> None:
        """No result is cached; with `postings`, the common words' rows this process kept
        (`word_ids`) are dropped. PostgreSQL's own buffers stay as they are."""
        if postings:
            word_ids.KEPT.forget()

    def search(self, query: SearchQuery) -> SearchResults:
        params = query.params
        with self._reading() as cursor:
            compiler = _compiler(cursor, query)
            matches = _matching(cursor, compiler, query)
            page, ids = matches.page(cursor)
            hits = self._hits(cursor, compiler, matches.plan, query, ids)
        masks = matches.masks
        return SearchResults(
            matches.total,
            hits,
            masks.counts(),
            page,
            max(1, math.ceil(matches.total / params.page_size)),
            days=masks.day_counts(matches.passing),
            facet_days=masks.date_facet(),
            strategy="most" if matches.plan.partial else "all",
            complete=matches.complete,
        )

    def search_ids(self, query: SearchQuery) -> list[int]:
        with self._reading() as cursor:
            matches = _matching(cursor, _compiler(cursor, query), query)
            return [int(pk) for pk in matches.ordered(cursor)]

    def _hits(
        self,
        cursor: CursorWrapper,
        compiler: Compiler,
        plan: searching.Plan,
        query: SearchQuery,
        ids: list[int],
    ) -> tuple[Hit, ...]:
        if not ids:
            return ()
        has = "".join(f", ({w.text})" for w in plan.words)
        cursor.execute(
            f"SELECT id, parent, kind, title, body, tag_countries, tag_speakers, date, source{has} "
            f"FROM {DOCUMENTS} WHERE kind = %s AND id = ANY(%s)",
            tuple(p for w in plan.words for p in w.params)
            + (searching.KINDS[query.params.mode], ids),
        )
        found = {row[0]: row for row in cursor.fetchall()}
        marking = compiler.marking(query.tree)
        terms, phrases = frozenset(marking.terms), marking.phrases
        hits = []
        for pk in ids:
            pk, parent, kind, title, body, countries, speakers, date, source, *has_words = found[pk]
            statement = kind == STATEMENT
            passages = highlight.passages(body, terms, phrases)
            if statement and passages and not terms:
                passages = [highlight.whole(body, terms)]
            missing = tuple(
                dict.fromkeys(
                    label for label, had in zip(plan.labels, has_words, strict=True) if not had
                )
            )
            hits.append(
                Hit(
                    id=pk,
                    title_html=highlight.whole(title, terms, phrases),
                    passages=tuple(passages),
                    article_id=parent if statement else None,
                    missing=missing,
                    countries=tuple(countries),
                    speakers=tuple(speakers),
                    date=date,
                    source=source,
                )
            )
        return tuple(hits)

    def marking(self, tree: Node) -> highlight.Marking:
        try:
            with self._reading() as cursor:
                marking = Compiler(SqlTerms(cursor)).marking(tree)
        except SearchUnavailable:
            return frozenset(), []
        return frozenset(marking.terms), marking.phrases

    def suggest(self, query: SearchQuery) -> str | None:
        with self._reading() as cursor:
            return spelling.suggest(SqlLexicon(cursor), query.params.q, query.tree)

    def related(self, article_id: int, count: int = 5) -> list[int]:
        """Articles sharing this one's most telling words (term frequency by rarity)."""
        with self._reading() as cursor:
            cursor.execute(f"SELECT body FROM {DOCUMENTS} WHERE kind = 0 AND id = %s", [article_id])
            row = cursor.fetchone()
            if row is None:
                return []
            frequencies = {t: len(p) for t, p in term_positions(row[0]).items()}
            cursor.execute(
                f"SELECT word, docs FROM {LEXICON} WHERE kind = 't' AND word = ANY(%s)",
                [list(frequencies)],
            )
            spread = dict(cursor.fetchall())
            cursor.execute(f"SELECT count(*) FROM {DOCUMENTS} WHERE kind = 0")
            articles = max(1, cursor.fetchone()[0])
            weights = {
                t: f * math.log(1 + articles / spread[t])
                for t, f in frequencies.items()
                if t in spread
            }
            best = sorted(weights, key=lambda t: (-weights[t], t))[:RELATED_TERMS]
            if not best:
                return []
            tsquery = " | ".join(quote(t) for t in best)
            cursor.execute(
                f"SELECT id FROM {DOCUMENTS} WHERE kind = 0 AND id <> %s "
                "AND words @@ %s::tsquery "
                "ORDER BY ts_rank(words, %s::tsquery) DESC, id LIMIT %s",
                [article_id, tsquery, tsquery, count],
            )
            return [pk for (pk,) in cursor.fetchall()]


def _compiler(cursor: CursorWrapper, query: SearchQuery) -> Compiler:
    return Compiler(SqlTerms(cursor), pairs=query.params.mode == "articles")


def _matching(cursor: CursorWrapper, compiler: Compiler, query: SearchQuery) -> searching.Matches:
    """The rows the search finds, filtered: every word first; with too few results, the
    rows with most of the words."""
    filtered = Selection.from_params(query.params).filters()
    matches = _found_by(cursor, searching.all_words, compiler, query, unranked_first=filtered)
    assert matches is not None  # every query has an every-word plan
    if matches.total >= FEW_RESULTS:
        return matches
    # A partial match keeps the rows with most words (about ENOUGH of them) of every row with
    # any word (all of them, for a pasted passage): ranking them as they are scanned ranked
    # each row once per word it has.
    more = _found_by(cursor, searching.most_words, compiler, query, unranked_first=True)
    return more if more is not None and more.total > matches.total else matches


def _found_by(
    cursor: CursorWrapper,
    make: Callable[..., searching.Plan | None],
    compiler: Compiler,
    query: SearchQuery,
    *,
    unranked_first: bool,
) -> searching.Matches | None:
    """The matches of the plan `make` makes (None: it makes none). With `unranked_first`,
    the results are ranked once found and filtered, unless too many are left; otherwise
    every match is ranked as it is found."""
    matches = None
    for ranked in (False, True) if unranked_first else (True,):
        plan = make(compiler, query, ranked=ranked)
        if plan is None:
            return None
        matches = _matches(cursor, plan, query)
        if not matches.unranked:
            break
    return matches


def _matches(cursor: CursorWrapper, plan: searching.Plan, query: SearchQuery) -> searching.Matches:
    rows = searching.found(cursor, plan, query)
    kind = searching.KINDS[query.params.mode]
    arrays = facet_rows.current(cursor, kind, rows.table, rows.generation)
    return searching.Matches(cursor, plan, rows, arrays, query)


def _removal(removed: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """The lexicon's change when rows with these words are removed (a Counter's unary minus
    keeps only positive counts: it made no change at all)."""
    change: Counter[tuple[str, str]] = Counter()
    change.subtract(removed)
    return change
