"""Whoosh backend: an on-disk index, one searcher per process, facets counted from columns."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.qparser import MultifieldParser
from whoosh.searching import Searcher

from search.backends import whoosh_highlight
from search.backends.base import Document, Hit, SearchBackend, SearchResults, SearchUnavailable
from search.backends.whoosh_facets import FacetColumns, Selection
from search.backends.whoosh_schema import TEXT_ANALYZER, build_schema, document_fields
from search.backends.whoosh_store import IndexStore
from search.query import SearchParams

WRITE_LOCK_TIMEOUT = 60.0  # seconds a writer waits for another process's lock
TITLE_BOOST = 3.0


class WhooshBackend(SearchBackend):
    def __init__(self, index_dir: str | Path) -> None:
        self.store = IndexStore(Path(index_dir))
        self.schema = build_schema()
        self._lock = threading.Lock()
        self._ix: whoosh_index.Index | None = None
        self._ix_folder: Path | None = None
        self._searcher: Searcher | None = None
        self._columns: FacetColumns | None = None

    # --- writing ----------------------------------------------------------------------------

    def _writer(self):
        # Whoosh allows one writer across all processes; wait for the lock instead of failing.
        ix = self.store.open_or_create(self.schema)
        return ix.writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.05)

    def index(self, documents: Iterable[Document]) -> int:
        documents = list(documents)
        if not documents:
            return 0
        with self._writer() as writer:
            for document in documents:
                writer.update_document(**document_fields(document))
        return len(documents)

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids or self.store.current() is None:
            return
        with self._writer() as writer:
            for doc_id in ids:
                writer.delete_by_term("id", doc_id)

    def rebuild(
        self,
        documents: Iterable[Document],
        on_progress: Callable[[], None] | None = None,
        procs: int = 1,
    ) -> int:
        """Build a new generation beside the live one, then switch to it in one rename."""
        with self.store.rebuild_lock():
            folder = self.store.new_generation()
            try:
                count = self._fill(
                    whoosh_index.create_in(folder, self.schema), documents, on_progress, procs
                )
            except BaseException:
                self.store.discard(folder)
                raise
            self.store.switch_to(folder)
        return count

    @staticmethod
    def _fill(ix, documents, on_progress, procs: int) -> int:
        # Several processes only pay with one segment each (WHOOSH_NOTES: multisegment).
        options = {"procs": procs, "multisegment": True} if procs > 1 else {}
        writer = ix.writer(**options)
        count = 0
        try:
            for document in documents:
                writer.add_document(**document_fields(document))
                count += 1
                if on_progress:
                    on_progress()
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return count

    def document_stamps(self) -> dict[str, int]:
        reader = self._current_searcher().reader()
        ids = reader.column_reader("id", translate=True)
        stamps = reader.column_reader("stamp", translate=True)
        return {ids[n]: stamps[n] for n in reader.all_doc_ids()}

    def document_ids(self) -> set[str]:
        return set(self.document_stamps())

    def size_bytes(self) -> int:
        return self.store.size_bytes()

    # --- reading ----------------------------------------------------------------------------

    def _current_searcher(self) -> Searcher:
        """This process's searcher, reopened only when the index changed on disk."""
        with self._lock:
            try:
                folder = self.store.current()
                if self._ix is None or folder != self._ix_folder:
                    # A rebuild switched generations: follow it.
                    self._ix, self._ix_folder = self.store.open(), folder
                    self._searcher = None
                searcher = self._searcher
                if (
                    searcher is None
                    or searcher.reader().generation() != self._ix.latest_generation()
                ):
                    # Not `Searcher.refresh()`: whoosh-reloaded 2.7.5 reuses segment readers
                    # it should drop, so deletions would stay visible.
                    self._searcher = self._ix.searcher()
                    # Per-document facet values, read once per generation, not per search.
                    self._columns = FacetColumns.load(self._searcher)
            except whoosh_index.EmptyIndexError as exc:
                self._ix = self._searcher = None
                raise SearchUnavailable(
                    "The search index is missing. Run `python manage.py rebuild_index`."
                ) from exc
            except Exception as exc:  # a damaged index raises anything from struct to OSError
                self._ix = self._searcher = None
                raise SearchUnavailable(
                    f"The search index cannot be read ({exc.__class__.__name__}). "
                    "Run `python manage.py rebuild_index` to rebuild it."
                ) from exc
            return self._searcher

    def _parse(self, q: str) -> tuple[wq.Query, list[str]]:
        if not q:
            return wq.Every(), []
        parser = MultifieldParser(
            ["title", "body"], self.schema, fieldboosts={"title": TITLE_BOOST}
        )
        try:
            return parser.parse(q), []
        except Exception:
            words = " ".join("".join(ch if ch.isalnum() else " " for ch in q).split())
            notice = "The query's syntax could not be read, so its words were searched instead."
            return parser.parse(words) if words else wq.NullQuery, [notice]

    def search(self, params: SearchParams) -> SearchResults:
        searcher = self._current_searcher()
        columns = self._columns
        query, notices = self._parse(params.q)
        matched = list(searcher.docs_for_query(query))
        selection = Selection.from_params(params)
        facets = columns.disjunctive_counts(matched, selection)
        final = [d for d in matched if selection.accepts(columns, d)]
        total = len(final)
        page_count = max(1, math.ceil(total / params.page_size))
        page = min(params.page, page_count)
        start = (page - 1) * params.page_size
        if params.effective_sort == "relevance":
            page_docs = self._ranked(searcher, query, set(final), start + params.page_size)
        else:
            page_docs = columns.sorted_by_day(final, newest=params.effective_sort == "newest")
        page_docs = page_docs[start : start + params.page_size]
        terms = self._terms(searcher, query)
        hits = tuple(self._hit(searcher, docnum, terms) for docnum in page_docs)
        if params.page > page_count and total:
            notices.append(f"There are only {page_count} pages; showing the last.")
        return SearchResults(
            total=total,
            hits=hits,
            facets=facets,
            page=page,
            page_count=page_count,
            notices=tuple(notices),
        )

    @staticmethod
    def _ranked(searcher: Searcher, query: wq.Query, allowed: set[int], limit: int) -> list[int]:
        if not allowed:
            return []
        results = searcher.search(query, filter=allowed, limit=limit)
        return [hit.docnum for hit in results]

    @staticmethod
    def _terms(searcher: Searcher, query: wq.Query) -> frozenset[str]:
        """Indexed words the query looks for (wildcards expanded), for highlighting."""
        # Not `Query.existing_terms`: its loop variable shadows its `fieldname` argument, so
        # after the first title term it silently skips every body term.
        reader = searcher.reader()
        terms = set()
        for leaf in query.leaves():
            for field, text in leaf.expanded_terms(reader, phrases=True):
                if field in ("title", "body"):
                    terms.add(text.decode() if isinstance(text, bytes) else text)
        return frozenset(terms)

    @staticmethod
    def _hit(searcher: Searcher, docnum: int, terms: frozenset[str]) -> Hit:
        stored = searcher.stored_fields(docnum)
        return Hit(
            id=int(stored["id"]),
            title_html=whoosh_highlight.whole(stored.get("title", ""), terms, TEXT_ANALYZER),
            passages=tuple(whoosh_highlight.passages(stored.get("body", ""), terms, TEXT_ANALYZER)),
        )

    def highlight(self, text: str, q: str) -> str:
        query, _ = self._parse(q)
        try:
            terms = self._terms(self._current_searcher(), query)
        except SearchUnavailable:
            terms = frozenset()
        return whoosh_highlight.whole(text, terms, TEXT_ANALYZER)
