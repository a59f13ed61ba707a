"""Queries as the service hands them to a backend, for tests that call a backend directly."""

from __future__ import annotations

from typing import Any

from search.query import SearchParams
from search.query_syntax import parse
from search.query_tree import Node, SearchQuery


def backend_query(q: str = "", **params: Any) -> SearchQuery:
    """The tree of `q` (no aliases, no country names: those need the archive) and `params`."""
    return SearchQuery(parse(q).tree, SearchParams(q=q, **params))


def tree(q: str) -> Node:
    return parse(q).tree
