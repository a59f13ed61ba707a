"""Whoosh backend: an on-disk index, one searcher per process, facets counted from columns."""

from __future__ import annotations

import functools
import math
import multiprocessing
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.reading import SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from search import query_tree as qt
from search.backends import lifeline
from search.backends.base import Document, Hit, SearchBackend, SearchResults, SearchUnavailable
from search.backends.facet_arrays import MULTI_FACETS, TABLES, FacetMasks, Selection
from search.backends.whoosh import (
    compiler,
    feedback,
    highlight,
    internals,
    partial,
    postings,
    proximity,
    spelling,
    word_starts,
)
from search.backends.whoosh.arrays import KIND_CODES, DocArrays, leaf_readers, segment_arrays
from search.backends.whoosh.engine import Engine, Match
from search.backends.whoosh.facets import by_day, top
from search.backends.whoosh.schema import build_schema, index_documents, known_fields, layout
from search.backends.whoosh.store import OPEN_ATTEMPTS, IndexStore
from search.query_tree import Node, SearchQuery
from search.timeline import day_date

internals.remember_missing_length_columns()
internals.pickle_runs_in_chunks()
internals.read_lengths_once()

# Seconds a writer waits for Whoosh's lock. Below gunicorn's 30 s worker timeout; queued
# updates (search.indexing) serialise their writers first, so they rarely wait here at all.
WRITE_LOCK_TIMEOUT = 10.0
QUICK_SEGMENTS = 8  # segments quick commits may leave before `tidy` merges them
# Segments as separate files, not one compound file: Whoosh reads a compound file's parts
# through BytesIO, which copies each whole part (stored texts, terms) into every process
# that opens the index (2.3 s and 1 GB per worker at 100,000 articles).
SEGMENT_FILES = {"compound": False}
KINDS = {"articles": "article", "statements": "statement"}
RELATED_TERMS = 12


def prepare_generation(folder: Path, procs: int = 1) -> None:
    """Decode each segment's per-document arrays and frequent postings before the generation
    goes live (one process per segment with `procs`), so that no search has to."""
    with whoosh_index.open_dir(folder).searcher() as searcher:
        readers = [r for r, _ in leaf_readers(searcher) if r.segment() is not None]
        if procs > 1 and len(readers) > 1:
            segments = [r.segment().segment_id() for r in readers]
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(procs, len(segments)), mp_context=context) as pool:
                list(pool.map(_prepare_segment, [folder] * len(segments), segments))
            return
        for reader in readers:
            _prepare(reader, folder)


def _prepare_segment(folder: Path, segment_id: str) -> None:
    with whoosh_index.open_dir(folder).searcher() as searcher:
        for reader, _ in leaf_readers(searcher):
            if reader.segment() and reader.segment().segment_id() == segment_id:
                _prepare(reader, folder)


def _prepare(reader: SegmentReader, folder: Path) -> None:
    segment_arrays(reader, folder / "arrays")
    postings.prepare(reader, folder / "arrays")


def _unprepared_big_segments(folder: Path) -> bool:
    arrays = folder / "arrays"
    return any(
        segment.doc_count_all() >= postings.MIN_SEGMENT_DOCS
        and not postings.folder_for(arrays, segment.segment_id()).exists()
        for segment in internals.segments(whoosh_index.open_dir(folder))
    )


@dataclass(frozen=True)
class _Found:
    """One search's matches, with the searcher and arrays they were found in."""

    searcher: Searcher
    arrays: DocArrays
    docs: np.ndarray
    scores: np.ndarray  # what ranks them: for a partial match, the word count comes first
    masks: FacetMasks
    words: partial.Words | None = None  # set for a partial match: which word each doc has
    counts: np.ndarray | None = None  # and how many of them each doc has


@dataclass(frozen=True)
class Snapshot:
    """One generation of the index as a search sees it: its searcher and the arrays and engine
    built for that searcher. It never changes; an index change brings a new one, swapped in
    whole, so a search that holds one cannot pair one generation's searcher with another's
    arrays (as threads of one worker could when these were three attributes)."""

    searcher: Searcher
    arrays: DocArrays
    engine: Engine
    starts: word_starts.WordStarts

    @classmethod
    def of(cls, searcher: Searcher, arrays_folder: Path | None) -> Snapshot:
        arrays = DocArrays(searcher, arrays_folder)
        saved = postings.for_leaves(leaf_readers(searcher), arrays_folder)
        engine = Engine(searcher, arrays, saved)
        return cls(searcher, arrays, engine, word_starts.WordStarts(searcher))


class WhooshBackend(highlight.MarkedText, SearchBackend):
    def __init__(self, index_dir: str | Path) -> None:
        self.store = IndexStore(Path(index_dir))
        self.schema = build_schema()
        self.compiler = compiler.Compiler(self.schema)
        self._lock = threading.Lock()
        self._ix: whoosh_index.Index | None = None
        self._ix_folder: Path | None = None
        self._snapshot: Snapshot | None = None

    # --- writing ----------------------------------------------------------------------------

    def _writer(self) -> SegmentWriter:
        return self.store.writer(self.schema, WRITE_LOCK_TIMEOUT, **SEGMENT_FILES)

    def index(self, documents: Iterable[Document], *, merge: bool = True) -> int:
        """`merge=False` adds one segment and merges nothing: a quick commit for a request,
        leaving merges (and decoding the big segments they make) to `tidy`."""
        documents = list(documents)
        if not documents:
            return 0
        writer = self._writer()
        try:
            for document in documents:
                writer.delete_by_term("parent", str(document["id"]))  # its old statements
                article, *statements = index_documents(document)
                writer.update_document(**known_fields(article, writer.schema))
                for statement in statements:
                    writer.add_document(**known_fields(statement, writer.schema))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=merge)
        if merge:
            self._prepare_merged()
        return len(documents)

    def delete(self, ids: Iterable[int], *, merge: bool = True) -> None:
        ids = list(ids)
        if not ids or self.store.current() is None:
            return
        writer = self._writer()
        try:
            for doc_id in map(str, ids):
                writer.delete_by_term("id", doc_id)
                writer.delete_by_term("parent", doc_id)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=merge)

    def tidy(self) -> bool:
        """Merge the segments quick commits left, once there are more than a few; returns
        whether it merged."""
        folder = self.store.current()
        if (
            folder is None
            or len(internals.segments(whoosh_index.open_dir(folder))) <= QUICK_SEGMENTS
        ):
            return False
        self._writer().commit()  # Whoosh's usual policy: small segments merged, big ones kept
        self._prepare_merged()
        return True

    def _prepare_merged(self) -> None:
        # Whoosh may have merged small segments into a big one: decode it here, in the
        # process that wrote it, rather than leave it to be read slowly by every search.
        folder = self.store.current()
        if folder is not None and _unprepared_big_segments(folder):
            prepare_generation(folder)

    def rebuild(
        self,
        documents: Iterable[Document],
        on_progress: Callable[[], None] | None = None,
        procs: int = 1,
    ) -> int:
        """Build a new generation beside the live one, then switch to it in one rename.

        Helper processes die with this one (a killed rebuild leaves none behind), and what a
        killed rebuild half-built is removed when the next one starts.
        """
        with self.store.rebuild_lock(), lifeline.children_die_with_parent():
            self.store.remove_abandoned()
            folder = self.store.new_generation()
            try:
                ix = whoosh_index.create_in(folder, self.schema)
                count = self._fill(ix, documents, on_progress, procs)
                prepare_generation(folder, procs)
            except BaseException:
                self.store.discard(folder)
                raise
            self.store.switch_to(folder)
        return count

    @staticmethod
    def _fill(
        ix: whoosh_index.Index,
        documents: Iterable[Document],
        on_progress: Callable[[], None] | None,
        procs: int,
    ) -> int:
        # Several processes only pay with one segment each (WHOOSH_NOTES: multisegment).
        options = {"procs": procs, "multisegment": True} if procs > 1 else {}
        writer = ix.writer(**options, **SEGMENT_FILES)
        count = 0
        try:
            for document in documents:
                for fields in index_documents(document):
                    writer.add_document(**fields)
                count += 1
                if on_progress:
                    on_progress()
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return count

    def document_stamps(self) -> dict[int, int]:
        snapshot = self._current()
        reader = snapshot.searcher.reader()
        if not reader.doc_count_all():
            return {}  # an empty index's reader has no columns at all
        ids = reader.column_reader("id", translate=True)
        stamps = reader.column_reader("stamp", translate=True)
        return {int(ids[int(n)]): stamps[int(n)] for n in snapshot.arrays.of_kind("article")}

    def stamps_of(self, ids: Iterable[int]) -> dict[int, int]:
        searcher = self._current().searcher
        if not searcher.reader().doc_count_all():
            return {}
        stamps = searcher.reader().column_reader("stamp", translate=True)
        found = {pk: searcher.document_number(id=str(pk)) for pk in ids}
        return {pk: stamps[docnum] for pk, docnum in found.items() if docnum is not None}

    def size_bytes(self) -> int:
        return self.store.size_bytes()

    def rebuild_reason(self) -> str | None:
        try:
            ix = self.store.open()
        except whoosh_index.EmptyIndexError:
            return "there is no index yet"
        except Exception as exc:  # a damaged index raises anything from struct to OSError
            return f"the index cannot be read ({exc.__class__.__name__})"
        try:
            if layout(ix.schema) != layout(self.schema):
                return "the index was built by an older version of Dispatch"
        finally:
            ix.close()
        return None

    def warm(self) -> None:
        # Also reads and saves any arrays a rebuild did not prepare.
        self._current()

    def forget_cached_queries(self, postings: bool = True) -> None:
        self.compiler.forget()  # a query not answered before was not compiled before either
        if self._snapshot is not None:
            self._snapshot.engine.forget(postings=postings)

    # --- reading ----------------------------------------------------------------------------

    def _current(self) -> Snapshot:
        """This process's snapshot of the live index, built anew only when it changed on disk.
        Callers keep the returned snapshot for the whole of their work."""
        with self._lock:
            try:
                self._follow_index()
            except whoosh_index.EmptyIndexError as exc:
                self._ix, self._snapshot = None, None
                raise SearchUnavailable(
                    "The search index is missing. Run `python manage.py rebuild_index`."
                ) from exc
            except Exception as exc:  # a damaged index raises anything from struct to OSError
                self._ix, self._snapshot = None, None
                raise SearchUnavailable(
                    f"The search index cannot be read ({exc.__class__.__name__}). "
                    "Run `python manage.py rebuild_index` to rebuild it."
                ) from exc
            assert self._snapshot is not None
            return self._snapshot

    def _follow_index(self) -> None:
        for attempt in range(OPEN_ATTEMPTS):
            try:
                self._reopen_if_changed()
                return
            except FileNotFoundError:
                # A commit replaced the table of contents while it was being read: read the
                # new one, rather than tell a visitor the index is damaged.
                self._ix, self._snapshot = None, None
                if attempt == OPEN_ATTEMPTS - 1:
                    raise

    def _reopen_if_changed(self) -> None:
        folder = self.store.current()
        if self._ix is None or folder != self._ix_folder:
            # A rebuild switched generations: follow it.
            self._ix, self._ix_folder = self.store.open(), folder
            self._snapshot = None
        live = self._snapshot
        if live is None or live.searcher.reader().generation() != self._ix.latest_generation():
            # Not `Searcher.refresh()`: whoosh-reloaded 2.7.5 reuses segment readers it should
            # drop, so deletions would stay visible.
            self._snapshot = Snapshot.of(self._ix.searcher(), self.store.arrays_folder())

    def _matching(self, snapshot: Snapshot, query: SearchQuery) -> _Found:
        """The documents `query` finds, before paging: their scores and facet masks. Every
        word first; with too few results, the documents with most of the words."""
        compiled = self.compiler.compile(query.tree)
        match = snapshot.engine.evaluate(compiled, budget=settings.DISPATCH_SEARCH_BUDGET)
        found = self._found(snapshot, query, match)
        if int(found.masks.passing().sum()) >= partial.FEW_RESULTS:
            return found
        parts = qt.clauses(query.tree)
        relaxed = self._most_words(snapshot, query, *parts) if parts else None
        if relaxed is None or relaxed.masks.passing().sum() <= found.masks.passing().sum():
            return found
        return relaxed

    @staticmethod
    def _found(
        snapshot: Snapshot, query: SearchQuery, match: Match, counts: np.ndarray | None = None
    ) -> _Found:
        """The documents of the mode's kind among `match` (and their word `counts`, if any)."""
        arrays, params = snapshot.arrays, query.params
        kind = arrays.kinds[match.docs] == KIND_CODES[KINDS[params.mode]]
        docs, scores = match.docs[kind], match.scores[kind]
        masks = FacetMasks(arrays, docs, Selection.from_params(params))
        kept = None if counts is None else counts[kind]
        return _Found(snapshot.searcher, arrays, docs, scores, masks, counts=kept)

    def _most_words(
        self,
        snapshot: Snapshot,
        query: SearchQuery,
        required: list[qt.Node],
        optional: list[qt.Node],
    ) -> _Found | None:
        """The partial match: documents with the most of the query's words."""
        budget = settings.DISPATCH_SEARCH_BUDGET
        distinct: dict[str, tuple[str, wq.Query]] = {}
        for node in optional:
            for word in self.compiler.words(node):
                distinct.setdefault(repr(word), (qt.label(node), word))
        if len(distinct) < 2:
            return None
        engine = snapshot.engine
        words = partial.Words(
            tuple(label for label, _ in distinct.values()),
            tuple(engine.matcher(q, budget) for _, q in distinct.values()),
        )
        needed = None
        if required:
            needed = engine.evaluate(self.compiler.compile(qt.And(tuple(required))), budget)
        arrays, selection = snapshot.arrays, Selection.from_params(query.params)
        kind = KINDS[query.params.mode]
        passing = functools.partial(_passing, arrays, selection) if selection.filters() else None
        found, counts = partial.most_words(words, needed, kind, arrays.of_kind_mask(kind), passing)
        scores = found.scores + words.scores(found.docs)
        masks = FacetMasks(arrays, found.docs, selection)
        return _Found(snapshot.searcher, arrays, found.docs, scores, masks, words, counts)

    @staticmethod
    def _ranked(snapshot: Snapshot, found: _Found, query: SearchQuery, count: int) -> np.ndarray:
        passing = found.masks.passing()
        docs, scores = found.docs[passing], found.scores[passing]
        if query.effective_sort != "relevance":
            return by_day(found.arrays, docs, newest=query.effective_sort == "newest")
        terms = proximity.query_terms(qt.text_in_order(query.tree))
        best, near = _best(snapshot, docs, scores, terms, count)
        if feedback.is_question(terms, found.words is not None, near):
            scores = feedback.rescored(snapshot.engine, docs, scores)
            best, near = _best(snapshot, docs, scores, terms, count)
        head = best[: proximity.RERANK]
        # `docs` is sorted, so each head document's score is found by bisection.
        head = proximity.rerank(head, scores[np.searchsorted(docs, head)], near)
        return np.concatenate([head, best[proximity.RERANK :]])[:count]

    def search(self, query: SearchQuery) -> SearchResults:
        snapshot = self._current()
        found = self._matching(snapshot, query)
        params, searcher = query.params, found.searcher
        facets = found.masks.counts()
        passing = found.masks.passing()
        total = int(passing.sum())
        page_count = max(1, math.ceil(total / params.page_size))
        page = min(params.page, page_count)
        start = (page - 1) * params.page_size
        ranked = self._ranked(snapshot, found, query, start + params.page_size)
        marking = compiler.marking(searcher, self.compiler, query.tree)
        hits = self._hits(snapshot, found, ranked[start : start + params.page_size], marking)
        days = found.masks.day_counts(passing)
        return SearchResults(
            total,
            hits,
            facets,
            page,
            page_count,
            days=days,
            facet_days=found.masks.date_facet(),
            strategy="all" if found.words is None else "most",
            complete=total if found.counts is None else self._complete(found, passing),
        )

    def _hits(
        self, snapshot: Snapshot, found: _Found, shown: np.ndarray, marking: compiler.Marking
    ) -> tuple[Hit, ...]:
        missing = found.words.missing(shown) if found.words else [()] * len(shown)
        docnums = [int(docnum) for docnum in shown]
        stored = [found.searcher.stored_fields(docnum) for docnum in docnums]
        texts = [fields.get("body", "") for fields in stored]
        spans = word_starts.hit_spans(snapshot.engine, snapshot.starts, docnums, texts, *marking)
        return tuple(
            self._hit(fields, text, marking, found_spans, lacking, _listed(found.arrays, docnum))
            for docnum, fields, text, found_spans, lacking in zip(
                docnums, stored, texts, spans, missing, strict=True
            )
        )

    @staticmethod
    def _complete(found: _Found, passing: np.ndarray) -> int:
        """How many results of a partial match have every word."""
        assert found.words is not None and found.counts is not None
        return int((found.counts[passing] == len(found.words.labels)).sum())

    def search_ids(self, query: SearchQuery) -> list[int]:
        snapshot = self._current()
        found = self._matching(snapshot, query)
        ranked = self._ranked(snapshot, found, query, len(found.docs))
        ids: list[int] = found.arrays.ids[ranked].tolist()
        return ids

    @staticmethod
    def _hit(
        stored: dict[str, Any],
        text: str,
        marking: compiler.Marking,
        spans: highlight.Spans | None,
        missing: tuple[str, ...],
        listed: dict[str, Any],
    ) -> Hit:
        terms, phrases = marking
        statement = bool(stored.get("parent"))  # only statements have a parent article
        if spans is None:  # an index from before word starts were saved
            passages = highlight.passages(text, terms, phrases)
        else:
            passages = highlight.passages_at(text, spans)
        if statement and passages and not terms:
            passages = [highlight.whole(text, terms)]
        return Hit(
            id=int(stored["id"].lstrip("s")),
            title_html=highlight.whole(stored.get("title", ""), terms, phrases),
            passages=tuple(passages),
            article_id=int(stored["parent"]) if statement else None,
            missing=missing,
            **listed,
        )

    def marking(self, tree: Node) -> compiler.Marking:
        """The words and phrases to mark: compiled once, however many texts follow."""
        try:
            searcher = self._current().searcher
        except SearchUnavailable:
            return frozenset(), []
        return compiler.marking(searcher, self.compiler, tree)

    def suggest(self, query: SearchQuery) -> str | None:
        reader = self._current().searcher.reader()
        return spelling.suggest(spelling.ReaderLexicon(reader), query.params.q, query.tree)

    def related(self, article_id: int, count: int = 5) -> list[int]:
        snapshot = self._current()
        searcher = snapshot.searcher
        docnum = searcher.document_number(id=str(article_id))
        if docnum is None:
            return []
        # Whoosh's key terms (Bo1 model), then our own engine rather than `more_like`, whose
        # filtered search scores every match in Python.
        text = searcher.stored_fields(docnum).get("body", "")
        terms = searcher.key_terms_from_text("body", text, numterms=RELATED_TERMS)
        query = wq.Or([wq.Term("body", term, boost=weight) for term, weight in terms])
        match = snapshot.engine.evaluate(query)
        kinds = snapshot.arrays.kinds
        keep = (kinds[match.docs] == KIND_CODES["article"]) & (match.docs != docnum)
        best = top(match.docs[keep], match.scores[keep], count)
        stored = searcher.stored_fields
        return [int(stored(int(d))["id"]) for d in best]


def _listed(arrays: DocArrays, docnum: int) -> dict[str, Any]:
    """What a list of results shows of a hit's article besides the hit itself (its
    countries, speakers, date and outlet), as `Hit` fields: for a statement, its article's."""
    parent = int(arrays.parents[docnum])
    article = parent if parent >= 0 else docnum
    day, source = int(arrays.days[article]), int(arrays.sources[article])
    return {
        **{field: arrays.facet_values(facet, article) for facet, field in MULTI_FACETS.items()},
        "date": day_date(day) if day else None,
        "source": TABLES["source"].values[source] if source >= 0 else "",
    }


def _passing(arrays: DocArrays, selection: Selection, docs: np.ndarray) -> np.ndarray:
    return FacetMasks(arrays, docs, selection).passing()


def _best(
    snapshot: Snapshot, docs: np.ndarray, scores: np.ndarray, terms: list[str], count: int
) -> tuple[np.ndarray, proximity.Nearness]:
    """The best `count` (at least RERANK) of `docs` by score, and how near the query's words
    stand in the first RERANK."""
    best = top(docs, scores, max(count, proximity.RERANK))
    head = np.sort(best[: proximity.RERANK])
    return best, proximity.nearness(snapshot.engine, terms, head)
