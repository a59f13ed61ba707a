"""The query as a tree any backend can compile: what the user asked for, parsed once (pure).

`search.query_syntax.parse` makes a tree from the user's text; a backend compiles it into its
own query objects. Fields are neutral names: `ANY` (headline and body), `title`, `speaker`
(every spelling of a speaker's name), `source` (the outlet) and `country` (ISO codes). The
text of a leaf is what the user typed: each backend analyses it as its index does. A date
in the query (`date:2023`) narrows the search's date range rather than being a node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from search.query import SearchParams

ANY = "any"  # headline and body, the headline weighted higher by the backend
FIELDS = (ANY, "title", "speaker", "source", "country")


@dataclass(frozen=True)
class Term:
    """One word (several if the backend's analysis splits it, as in `3+3`: all must match)."""

    text: str
    field: str = ANY
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words in this order, at most `slop` positions apart (1: next to each other)."""

    text: str
    field: str = ANY
    slop: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """Words that begin like `text` once analysed (`minist*`: minister, ministry, …)."""

    text: str
    field: str = ANY
    boost: float = 1.0


@dataclass(frozen=True)
class Wildcard:
    """A pattern with `*` (any letters) and `?` (one letter), matched against indexed words."""

    pattern: str
    field: str = ANY
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """Words within `distance` edits of `text` that begin with its first `prefix` letters."""

    text: str
    field: str = ANY
    distance: int = 1
    prefix: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """Documents that do not match `child` (within an And: its other parts, minus these)."""

    child: Node


@dataclass(frozen=True)
class Everything:
    """No words: every document (filters still apply)."""


Leaf: TypeAlias = Term | Phrase | Prefix | Wildcard | Fuzzy
Node: TypeAlias = Leaf | And | Or | Not | Everything


def leaves(node: Node, *, negated: bool = False) -> Iterator[tuple[Leaf, bool]]:
    """Every leaf of the tree, with whether it sits under a Not."""
    if isinstance(node, And | Or):
        for child in node.children:
            yield from leaves(child, negated=negated)
    elif isinstance(node, Not):
        yield from leaves(node.child, negated=True)
    elif not isinstance(node, Everything):
        yield node, negated


@dataclass(frozen=True)
class SearchQuery:
    """What a backend searches: the tree, and the page's filters, order, page and mode.

    `params.q` is the user's text as typed (for spelling suggestions); the backend searches
    `tree`. `params`' date range already includes any `date:` in the text.
    """

    tree: Node
    params: SearchParams

    @property
    def effective_sort(self) -> str:
        """Relevance means nothing without words: a query of filters lists newest first."""
        if self.params.sort == "relevance" and isinstance(self.tree, Everything):
            return "newest"
        return self.params.sort
