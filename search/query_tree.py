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
    """Every child must match. `strict`: the user wrote AND, so no word may be left out."""

    children: tuple[Node, ...]
    strict: bool = False


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
Clauses: TypeAlias = tuple[list[Node], list[Node]]  # (required, optional) parts of a query


def leaves(node: Node, *, negated: bool = False) -> Iterator[tuple[Leaf, bool]]:
    """Every leaf of the tree, with whether it sits under a Not."""
    if isinstance(node, And | Or):
        for child in node.children:
            yield from leaves(child, negated=negated)
    elif isinstance(node, Not):
        yield from leaves(node.child, negated=True)
    elif not isinstance(node, Everything):
        yield node, negated


def label(node: Node) -> str:
    """A part of the query as the user would write it (for "Missing: …" under a result)."""
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Prefix):
        return f"{node.text}*"
    if isinstance(node, Wildcard):
        return node.pattern
    if isinstance(node, Fuzzy):
        return f"{node.text}~"
    if isinstance(node, Or):  # the spellings of one alias, or words the user joined with OR
        return label(node.children[0])
    return ""


def text_in_order(node: Node) -> str:
    """The words and phrases the query looks for in headline and body, in the order typed
    (one spelling of each alias; nothing it excludes): what proximity is measured on."""
    if isinstance(node, Term | Phrase):
        return node.text if node.field == ANY else ""
    if isinstance(node, And):
        return " ".join(filter(None, (text_in_order(child) for child in node.children)))
    if isinstance(node, Or):
        return text_in_order(node.children[0])
    return ""


def clauses(tree: Node) -> Clauses | None:
    """(required, optional) parts of a query that may match in part: the plain words side by
    side at its top are optional; phrases, fields and exclusions stay required. None when the
    query must match whole: fewer than two words, or an AND the user wrote."""
    if _strict(tree):
        return None
    required: list[Node] = []
    optional: list[Node] = []
    for child in _side_by_side(tree):
        (optional if _is_word(child) else required).append(child)
    return (required, optional) if len(optional) >= 2 else None


def _side_by_side(node: Node) -> list[Node]:
    """The parts that must all match, parentheses without an operator opened up: in a
    pasted sentence "(the slip effect)" is words, not a group."""
    if not isinstance(node, And):
        return [node]
    return [part for child in node.children for part in _side_by_side(child)]


def _strict(node: Node) -> bool:
    if isinstance(node, And) and node.strict:
        return True
    if isinstance(node, And | Or):
        return any(_strict(child) for child in node.children)
    return isinstance(node, Not) and _strict(node.child)


def _is_word(node: Node) -> bool:
    """A word of the text (or its alternatives: an alias's spellings, words joined by OR)."""
    if isinstance(node, Term | Prefix | Wildcard | Fuzzy | Phrase):
        return node.field == ANY and not (isinstance(node, Phrase) and " " in node.text.strip())
    if isinstance(node, Or):
        return all(_is_word(child) or isinstance(child, Phrase) for child in node.children)
    return False


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
