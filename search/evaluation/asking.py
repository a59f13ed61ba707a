"""Ask one query as the search page and `/api/search` do, and time it."""

from __future__ import annotations

import time
from dataclasses import dataclass

from search.backends import get_backend
from search.backends.base import SearchTooSlow
from search.query import parse_params
from search.service import search_query


@dataclass(frozen=True)
class Answer:
    ids: list[int]  # every hit's article id, in the page's order
    seconds: float
    problem: str = ""  # the service's message when the search was stopped


def ask(text: str) -> Answer:
    """Every hit for `text` typed into the search box: the request's own parsing (whitespace
    collapsed, length capped), the service's query parse, and the backend's ranking."""
    started = time.perf_counter()
    params = parse_params({"q": [text]})
    query, _ = search_query(params)
    try:
        ids = get_backend().search_ids(query)
    except SearchTooSlow as exc:  # the page shows nothing but the message: so do we
        return Answer([], time.perf_counter() - started, str(exc))
    return Answer(ids, time.perf_counter() - started)
