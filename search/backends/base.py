"""The small interface every search backend implements, and the plain results it returns."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from search.query import SearchParams

FACETS = ("country", "speaker", "year")


class SearchUnavailable(Exception):
    """The index cannot be read (missing or damaged); the message names the fix."""


@dataclass(frozen=True)
class Hit:
    """One matching document: its id, and HTML-safe title and passages (matches in <mark>)."""

    id: int
    title_html: str
    passages: tuple[str, ...]
    score: float | None = None


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: tuple[Hit, ...]
    # facet name -> [(value, count)], most frequent first (years: newest first)
    facets: dict[str, list[tuple[str, int]]]
    page: int
    page_count: int
    notices: tuple[str, ...] = field(default=())


Document = dict[str, Any]


class SearchBackend(ABC):
    """An index of article documents (see `search.documents.article_document`).

    Facet counts are disjunctive: each facet's counts apply every other facet's
    selection but not its own, so ticking one country still shows what another adds.
    """

    @abstractmethod
    def index(self, documents: Iterable[Document]) -> int:
        """Add or replace documents (by `id`); returns how many were written."""

    @abstractmethod
    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents by id; unknown ids are ignored."""

    @abstractmethod
    def rebuild(
        self, documents: Iterable[Document], on_progress: Callable[[], None] | None = None
    ) -> int:
        """Replace the whole index with `documents`, atomically for searchers."""

    @abstractmethod
    def search(self, params: SearchParams) -> SearchResults:
        """Run a search: one page of hits with passages, total and facet counts.

        A page past the end returns the last page (with `page` saying which).
        """

    @abstractmethod
    def highlight(self, text: str, q: str) -> str:
        """`text` as HTML with the query's matches in <mark>; everything else escaped."""

    @abstractmethod
    def document_ids(self) -> set[str]:
        """Ids of every document in the index."""
