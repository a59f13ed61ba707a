"""The small interface every search backend implements, and the plain results it returns."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from search.query import SearchParams
from search.timeline import DateCounts

FACETS = ("country", "speaker", "source", "year", "month")


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


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: tuple[Hit, ...]
    # facet name -> [(value, count)], most frequent first (years: newest first; months, which
    # appear when the date range lies within one year: in calendar order)
    facets: dict[str, list[tuple[str, int]]]
    page: int
    page_count: int
    notices: tuple[str, ...] = field(default=())
    # results per year, month or day over the span shown (None when none is dated)
    timeline: DateCounts | None = None


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
    def delete(self, ids: Iterable[str], *, merge: bool = True) -> None:
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
    def search(self, params: SearchParams) -> SearchResults:
        """Run a search: one page of hits with passages, total and facet counts.

        `params.q` uses the index syntax of `search.query_syntax` (fields already mapped);
        `params.mode` "statements" searches statements instead of articles.

        A page past the end returns the last page (with `page` saying which). Raises
        `SearchTooSlow` when the search runs past its time budget.
        """

    @abstractmethod
    def search_ids(self, params: SearchParams) -> list[int]:
        """Ids of every hit of `search(params)` (statement ids in statements mode), in the
        same order, without pages, passages or facets: for exports."""

    def passage_maker(self, q: str) -> Callable[[str], tuple[str, ...]]:
        """A function giving a text's best passages for `q`, as HTML with matches in <mark>
        (the query is parsed once, so exports can call it for every row)."""
        return lambda text: (self.highlight(text[:240], q),) if text.strip() else ()

    @abstractmethod
    def highlight(self, text: str, q: str) -> str:
        """`text` as HTML with the query's matches in <mark>; everything else escaped."""

    def highlight_all(self, texts: list[str], q: str) -> list[str]:
        """`highlight` for several texts (an article's paragraphs), the query parsed once
        where the backend can."""
        return [self.highlight(text, q) for text in texts]

    @abstractmethod
    def document_stamps(self) -> dict[str, int]:
        """Article id → the `stamp` it was indexed with, for every article in the index."""

    def document_ids(self) -> set[str]:
        return set(self.document_stamps())

    @abstractmethod
    def suggest(self, q: str) -> str | None:
        """`q` with unknown words replaced by the closest indexed ones, or None."""

    @abstractmethod
    def related(self, article_id: int, count: int = 5) -> list[int]:
        """Ids of the articles most like this one, best first."""

    def size_bytes(self) -> int:
        return 0
