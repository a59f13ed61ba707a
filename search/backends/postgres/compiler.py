"""Query trees compiled to SQL conditions over the search table's `tsvector` columns.

Each leaf's text is analysed as the index's text was (`search.backends.whoosh.analysis`), so
a leaf becomes a `tsquery` of index terms: `'lavrov'`, `'minist':*`, `'trade' <-> 'rout'`. A
headline-only leaf asks for weight A, the headline's. Wildcards and fuzzy words are expanded
against the lexicon table first (`Terms`), as Whoosh expands them against its term list.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from search import query_tree as qt
from search.backends.postgres.rows import pair, quote
from search.backends.whoosh.analysis import pattern_term, token_bounds

# Each neutral field of the tree → the tsvector column it searches, and the weight asked for.
COLUMNS = {qt.ANY: ("words", ""), "title": ("words", "A"), "speaker": ("speaker_words", "")}
COLUMNS["source"] = ("source_words", "")
HIGHLIGHT_FIELDS = (qt.ANY, "title")
# ts_rank's weights for D, C, B and A: a headline's word (A) counts a third more than the
# body's, and less than two of the body's words, since ts_rank adds each word's weight: one
# word in headline and body must not outrank two different words (BM25F's rule).
RANK_WEIGHTS = "{0.6, 0.2, 0.4, 0.8}"
# A phrase with slop is every spacing of its words up to the slop; past this many spacings
# its words are only required together (PostgreSQL has no "within N words" operator).
MAX_SPACINGS = 64


class Terms(Protocol):
    """The index's terms, for leaves that match several (the lexicon table)."""

    def like(self, pattern: str) -> list[str]:
        """Terms matching a LIKE pattern."""
        ...

    def near(self, text: str, distance: int, prefix: int) -> list[str]:
        """Terms within `distance` edits of `text` that begin with its first `prefix` letters."""
        ...


@dataclass(frozen=True)
class Sql:
    """A piece of SQL and its parameters."""

    text: str
    params: tuple[Any, ...] = ()
    # The one index term this condition asks `words` for, when that is all it asks: a
    # partial match keeps such a word's rows between searches (`word_ids`).
    term: str | None = None

    def __and__(self, other: Sql) -> Sql:
        return Sql(f"({self.text}) AND ({other.text})", self.params + other.params)


TRUE, FALSE = Sql("TRUE"), Sql("FALSE")


@dataclass(frozen=True)
class Probe:
    """One leaf as a tsquery against one column (`query` None: it can match nothing)."""

    column: str
    query: str | None
    boost: float = 1.0
    # A phrase's adjacent words as pair lexemes (`rows.pair_vector`): all a two-word phrase
    # needs, and what narrows a longer one's rows before their positions are read.
    pairs: str | None = None
    pairs_suffice: bool = False

    def sql(self) -> Sql:
        if self.query is None:
            return FALSE
        if self.pairs is None:
            return Sql(f"{self.column} @@ %s::tsquery", (self.query,))
        if self.pairs_suffice:
            return Sql("pairs @@ %s::tsquery", (self.pairs,))
        return Sql(
            f"pairs @@ %s::tsquery AND {self.column} @@ %s::tsquery", (self.pairs, self.query)
        )

    def rank(self, lead: bool = False) -> Sql:
        if self.query is None:
            return Sql("0")
        column = "lead" if lead and self.column == "words" else self.column
        text = f"%s * ts_rank('{RANK_WEIGHTS}', {column}, %s::tsquery, 1)"
        return Sql(text, (self.boost, self.query))


@dataclass
class Marking:
    """The index terms and phrases a query marks in headlines and passages."""

    terms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)


def analysed(text: str) -> list[str]:
    """A leaf's words as the index has them: split, stemmed, folded, no stop words."""
    return [term for term in token_bounds(text)[2] if term is not None]


class Compiler:
    def __init__(self, terms: Terms, *, pairs: bool = True) -> None:
        self.terms = terms
        self.pairs = pairs  # rows with pair lexemes are searched (articles, not statements)
        # One search compiles a leaf for its condition, two ranks, a partial match and the
        # marking: each wildcard or fuzzy word is looked up in the lexicon once.
        self._expanded: dict[qt.Leaf, list[str]] = {}

    def where(self, node: qt.Node) -> Sql:
        """The condition a row must meet to match `node` (FALSE when nothing can)."""
        return self._node(node) or FALSE

    def _node(self, node: qt.Node) -> Sql | None:
        """None: a part with nothing to search (only stop words), left out as Whoosh does."""
        if isinstance(node, qt.Everything):
            return TRUE
        if isinstance(node, qt.And | qt.Or):
            parts = [part for part in map(self._node, node.children) if part is not None]
            if not parts:
                return None
            glue = " AND " if isinstance(node, qt.And) else " OR "
            return Sql(
                glue.join(f"({p.text})" for p in parts),
                tuple(itertools.chain.from_iterable(p.params for p in parts)),
            )
        if isinstance(node, qt.Not):
            inner = self._node(node.child)
            return None if inner is None else Sql(f"NOT ({inner.text})", inner.params)
        if node.field == "country":
            return self._country(node)
        probe = self.probe(node)
        return None if probe is None else probe.sql()

    @staticmethod
    def _country(leaf: qt.Leaf) -> Sql:
        if not isinstance(leaf, qt.Term):
            return FALSE  # codes are matched whole
        return Sql("countries @> ARRAY[%s]::text[]", (leaf.text.strip().upper(),))

    def probe(self, leaf: qt.Leaf) -> Probe | None:
        """A text leaf as a tsquery (None: only stop words)."""
        column, weight = COLUMNS.get(leaf.field, COLUMNS[qt.ANY])
        if isinstance(leaf, qt.Term | qt.Phrase):
            words = analysed(leaf.text)
            if not words:
                return None
            if isinstance(leaf, qt.Term):
                return Probe(column, " & ".join(_lexeme(w, weight) for w in words), leaf.boost)
            query = phrase([_lexeme(w, weight) for w in words], leaf.slop)
            if not self.pairs or column != "words" or weight or leaf.slop > 1 or len(words) < 2:
                return Probe(column, query, leaf.boost)
            pairs = " & ".join(
                dict.fromkeys(quote(pair(*two)) for two in itertools.pairwise(words))
            )
            return Probe(column, query, leaf.boost, pairs, pairs_suffice=len(words) == 2)
        if isinstance(leaf, qt.Prefix):
            return Probe(column, f"{quote(pattern_term(leaf.text))}:*{weight}", leaf.boost)
        return Probe(column, _any_of(self.expanded(leaf), weight), leaf.boost)

    def expanded(self, leaf: qt.Leaf) -> list[str]:
        """The index terms a wildcard, fuzzy word or prefix stands for."""
        found = self._expanded.get(leaf)
        if found is None:
            found = self._expanded[leaf] = self._look_up(leaf)
        return found

    def _look_up(self, leaf: qt.Leaf) -> list[str]:
        if isinstance(leaf, qt.Wildcard):
            return self.terms.like(like_pattern(pattern_term(leaf.pattern)))
        if isinstance(leaf, qt.Fuzzy):
            return self.terms.near(pattern_term(leaf.text), leaf.distance, leaf.prefix)
        if isinstance(leaf, qt.Prefix):
            return self.terms.like(like_pattern(pattern_term(leaf.text)) + "%")
        return []

    def words(self, node: qt.Node) -> list[Sql]:
        """`node` as the separate words a partial match counts: a word the analysis splits is
        each of its words, a stop word none."""
        if isinstance(node, qt.Term) and node.field == qt.ANY:
            return [
                replace(Probe("words", _lexeme(word, "")).sql(), term=word)
                for word in analysed(node.text)
            ]
        part = self._node(node)
        return [] if part is None else [part]

    def ranks(self, node: qt.Node, *, lead: bool = False) -> Sql:
        """What orders results by relevance: each searched leaf's rank times its boost; on
        the headline and the start of the body only with `lead`."""
        parts = [
            probe.rank(lead)
            for leaf, negated in qt.leaves(node)
            if not negated and leaf.field != "country"
            for probe in [self.probe(leaf)]
            if probe is not None and probe.query is not None
        ]
        if not parts:
            return Sql("0")
        return Sql(
            " + ".join(p.text for p in parts),
            tuple(itertools.chain.from_iterable(p.params for p in parts)),
        )

    def marking(self, tree: qt.Node) -> Marking:
        """The headline and body terms and phrases the tree looks for (not what it excludes)."""
        marking = Marking()
        for leaf, negated in qt.leaves(tree):
            if negated or leaf.field not in HIGHLIGHT_FIELDS:
                continue
            if isinstance(leaf, qt.Phrase):
                words = tuple(analysed(leaf.text))
                if len(words) == 1:
                    marking.terms.add(words[0])
                elif words and words not in marking.phrases:
                    marking.phrases.append(words)
            elif isinstance(leaf, qt.Term):
                marking.terms.update(analysed(leaf.text))
            else:
                marking.terms.update(self.expanded(leaf))
        return marking


def phrase(lexemes: list[str], slop: int) -> str:
    """Words in order, each at most `slop` positions after the one before."""
    if slop <= 1 or len(lexemes) == 1:
        return " <-> ".join(lexemes)
    gaps = len(lexemes) - 1
    if slop**gaps > MAX_SPACINGS:
        return " & ".join(lexemes)
    return " | ".join(f"({spaced})" for spaced in _spacings(lexemes, slop))


def _spacings(lexemes: list[str], slop: int) -> Iterator[str]:
    for distances in itertools.product(range(1, slop + 1), repeat=len(lexemes) - 1):
        parts = [lexemes[0]]
        for distance, lexeme in zip(distances, lexemes[1:], strict=True):
            parts.append(f"<{distance}> {lexeme}")
        yield " ".join(parts)


def like_pattern(pattern: str) -> str:
    """A `*`/`?` pattern as LIKE writes it, LIKE's own special characters escaped."""
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%").replace("?", "_")


def _lexeme(term: str, weight: str) -> str:
    return f"{quote(term)}:{weight}" if weight else quote(term)


def _any_of(terms: list[str], weight: str) -> str | None:
    if not terms:
        return None
    return "(" + " | ".join(_lexeme(term, weight) for term in terms) + ")"
