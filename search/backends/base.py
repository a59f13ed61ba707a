"""The small interface every search backend implements, and the plain results it returns."""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search.query_tree import Node, SearchQuery
from search.timeline import DayCounts

FACETS = ("country", "speaker", "source")


class SearchUnavailable(Exception):
    """The index cannot be read (missing or damaged); the message names the fix."""


class SearchTooSlow(Exception):
    """A search ran past its time budget and was stopped; the message says what to change."""


class RebuildRunning(Exception):
    """Another process is rebuilding this index; only one rebuild runs at a time."""


@dataclass(frozen=True)
class Hit:
    """One matching document: its id, and HTML-safe title and passages (matches in <mark>)."""

    id: int
    title_html: str
    passages: tuple[str, ...]
    score: float | None = None
    article_id: int | None = None  # for a statement: the article it is from
    missing: tuple[str, ...] = ()  # in a partial match: the query's words it lacks
    # The article's countries (ISO codes) and speakers (slugs) in the order it was indexed
    # with, so a list of results needs no related rows; for a statement, its article's.
    countries: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    # The article's date and outlet (a statement's article's), so that a list of results
    # needs none of its rows.
    date: datetime.date | None = None
    source: str = ""


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: tuple[Hit, ...]
    # each of FACETS -> [(value, count)], most frequent first
    facets: dict[str, list[tuple[str, int]]]
    page: int  # the page shown: the last one when the one asked for is past the end
    page_count: int
    days: DayCounts = field(default_factory=DayCounts)  # the results' dates
    # "all": every result has every word; "most": too few had, so these have most of them
    strategy: str = "all"
    complete: int = 0  # results with every word (all of them, unless the strategy is "most")
    # the dates of what the search finds without its own date range (the date facets)
    facet_days: DayCounts = field(default_factory=DayCounts)


# One article as `search.documents.article_document` makes it; `id` is the article's pk.
Document = dict[str, Any]


class SearchBackend(ABC):
    """An index of article documents (see `search.documents.article_document`).

    Facet counts are disjunctive: each facet's counts apply every other facet's
    selection but not its own, so ticking one country still shows what another adds.
    """

    @abstractmethod
    def index(self, documents: Iterable[Document], *, merge: bool = True) -> int:
        """Add or replace documents (by `id`); returns how many were written.

        `merge=False` asks for a quick commit (a web request's): the backend may postpone
        housekeeping such as merging segments to an optional `tidy()`."""

    @abstractmethod
    def delete(self, ids: Iterable[int], *, merge: bool = True) -> None:
        """Remove documents by id; unknown ids are ignored (`merge` as for `index`)."""

    @abstractmethod
    def rebuild(
        self,
        documents: Iterable[Document],
        on_progress: Callable[[], None] | None = None,
        procs: int = 1,
    ) -> int:
        """Replace the whole index with `documents`, atomically for searchers; `procs`
        indexing processes where the backend can use them."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Run a search: one page of hits with passages, total, facet and date counts.

        `query.tree` says what to find (see `search.query_tree`); `query.params` the
        filters, order, page and mode ("statements" searches statements, not articles).

        A page past the end returns the last page (with `page` saying which). Raises
        `SearchTooSlow` when the search runs past its time budget.
        """

    @abstractmethod
    def search_ids(self, query: SearchQuery) -> list[int]:
        """Ids of every hit of `search(query)` (statement ids in statements mode), in the
        same order, without pages, passages or facets: for exports."""

    def passage_maker(self, tree: Node) -> Callable[[str], tuple[str, ...]]:
        """A function giving a text's best passages for `tree`, as HTML with matches in
        <mark> (compiled once, so exports can call it for every row)."""
        return lambda text: (self.highlight(text[:240], tree),) if text.strip() else ()

    @abstractmethod
    def highlight(self, text: str, tree: Node) -> str:
        """`text` as HTML with the query's matches in <mark>; everything else escaped."""

    def highlight_all(self, texts: list[str], tree: Node) -> list[str]:
        """`highlight` for several texts (an article's paragraphs), the tree compiled once
        where the backend can."""
        return [self.highlight(text, tree) for text in texts]

    @abstractmethod
    def document_stamps(self) -> dict[int, int]:
        """Article id → the `stamp` it was indexed with, for every article in the index."""

    def stamps_of(self, ids: Iterable[int]) -> dict[int, int]:
        """`document_stamps` for just these articles (those the index has); backends that can
        read a few stamps without all of them should."""
        wanted = set(ids)
        return {pk: s for pk, s in self.document_stamps().items() if pk in wanted}

    def document_ids(self) -> set[int]:
        return set(self.document_stamps())

    def tidy(self) -> bool:
        """Housekeeping quick commits postponed (merging segments); returns whether there
        was any. Called by the index queue's catch-up, never in a request."""
        return False

    @abstractmethod
    def warm(self) -> None:
        """Load what searches need (open the index, read its arrays), so that no visitor's
        search pays for it; called before a worker serves and after a rebuild."""

    def preload(self) -> None:
        """Load before gunicorn forks what every worker would otherwise load on its own,
        leaving no file or connection open (a forked worker must not share one). Nothing,
        unless a backend has such a thing."""
        return None

    @abstractmethod
    def forget_cached_queries(self, postings: bool = True) -> None:
        """Drop cached query results, and cached term postings too unless `postings` is
        False: benchmarks measure queries that were not answered before."""

    @abstractmethod
    def suggest(self, query: SearchQuery) -> str | None:
        """The query's text (`query.params.q`) with the words of its tree the index does not
        know replaced by the closest ones it does, or None."""

    @abstractmethod
    def related(self, article_id: int, count: int = 5) -> list[int]:
        """Ids of the articles most like this one, best first."""

    def size_bytes(self) -> int:
        return 0

    def writer_lock(self, wait: float) -> AbstractContextManager[None]:
        """The lock every incremental writer holds around reading articles and writing their
        documents (`search.indexing`), waiting at most `wait` seconds (then
        `write_lock.LockBusy`). A lock file beside the index: right for an index on one
        machine's disk; a shared index needs a lock its writers share."""
        from django.conf import settings

        from search import write_lock

        return write_lock.held(Path(settings.DISPATCH_INDEX_DIR) / "updates.lock", wait)

    def rebuild_reason(self) -> str | None:
        """Why the index cannot simply be updated (missing, unreadable, or laid out by an
        older version of the code), or None when updating it brings it up to date."""
        return None
