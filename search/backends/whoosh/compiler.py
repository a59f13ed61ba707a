"""Query trees compiled to Whoosh queries, and the words to highlight."""

from __future__ import annotations

from typing import TypeVar

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import QueryParser
from whoosh.searching import Searcher

from search import query_tree as qt
from search.backends.whoosh.engine import AnyField

# Field weights in BM25F. Equal: a headline's words already weigh more than the body's, each
# field's frequency being normalised by its own (short) length; a headline weighted 2 or 3
# was worse on the development collections and on known-item search (README).
FIELD_BOOSTS = {"title": 1.0, "body": 1.0}
# Each neutral field of the tree → the index fields it searches, with their weights.
INDEX_FIELDS = {
    qt.ANY: tuple(FIELD_BOOSTS.items()),
    "title": (("title", 1.0),),
    "speaker": (("speaker_names", 1.0),),
    "source": (("source_text", 1.0),),
    "country": (("countries", 1.0),),
}
HIGHLIGHT_FIELDS = ("title", "body")
T = TypeVar("T")
# Trees and leaves compiled, kept: a pasted passage's 40 words are compiled for the search,
# for its partial match and for marking, and Whoosh's `normalize` deep-copies each time
# (20 ms a passage). Query trees are immutable and so are the compiled queries' uses.
CACHED_COMPILES = 4096


class Compiler:
    """Turns query trees into Whoosh queries, analysing each leaf's text as the index did."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        # Used only for `term_query`: a word through a field's analyser, as Whoosh's own
        # parser does it (stop words, words that split in two); no text is parsed.
        self._terms = QueryParser("body", schema)
        self._compiled: dict[qt.Node, wq.Query] = {}
        self._words: dict[qt.Node, list[wq.Query]] = {}

    def forget(self) -> None:
        self._compiled.clear()
        self._words.clear()

    def compile(self, tree: qt.Node) -> wq.Query:
        found = self._compiled.get(tree)
        if found is None:
            found = wq.Every() if isinstance(tree, qt.Everything) else self._node(tree).normalize()
            _keep(self._compiled, tree, found)
        return found

    def _node(self, node: qt.Node) -> wq.Query:
        if isinstance(node, qt.And):
            return wq.And([self._node(child) for child in node.children])
        if isinstance(node, qt.Or):
            return wq.Or([self._node(child) for child in node.children])
        if isinstance(node, qt.Not):
            return wq.Not(self._node(node.child))
        if isinstance(node, qt.Everything):
            return wq.Every()
        fields = INDEX_FIELDS.get(node.field, ())
        if isinstance(node, qt.Term) and node.field == qt.ANY:
            return self._any_field(node.text, node.boost)
        parts = [self._leaf(node, name, node.boost * weight) for name, weight in fields]
        found = [part for part in parts if part is not None]
        return found[0] if len(found) == 1 else wq.Or(found)

    def words(self, node: qt.Node) -> list[wq.Query]:
        """`node` compiled as the separate words a partial match counts: a word the analysis
        splits (`non-circular`) is each of its words, a stop word none."""
        found = self._words.get(node)
        if found is None:
            if isinstance(node, qt.Term) and node.field == qt.ANY:
                found = self._each_word(node.text, node.boost)
            else:
                compiled = self.compile(node)
                found = [] if compiled is wq.NullQuery else [compiled]
            _keep(self._words, node, found)
        return list(found)

    def _any_field(self, text: str, boost: float) -> wq.Query:
        """A word in the headline and the body, scored as one (BM25F). Text the analysis
        splits (`non-circular`, `3+3`) is each of its words; stop words are nothing."""
        each = self._each_word(text)
        if not each:
            return wq.NullQuery
        return each[0].with_boost(boost) if len(each) == 1 else wq.And(each, boost=boost)

    def _each_word(self, text: str, boost: float = 1.0) -> list[wq.Query]:
        words = [t.text for t in self.schema["body"].tokenize(text, mode="query")]
        fields = INDEX_FIELDS[qt.ANY]
        return [
            AnyField([wq.Term(f, w, boost=weight) for f, weight in fields], boost=boost)
            for w in words
        ]

    def _leaf(self, leaf: qt.Leaf, field: str, boost: float) -> wq.Query | None:
        if isinstance(leaf, qt.Phrase):
            words = [t.text for t in self.schema[field].tokenize(leaf.text, mode="query")]
            return wq.Phrase(field, words, slop=leaf.slop, boost=boost) if words else None
        if isinstance(leaf, qt.Prefix):
            # The stem of what is typed: `Turkey*` finds the indexed `turkei`.
            return self._term(field, leaf.text, wq.Prefix, boost, analyse=False)
        if isinstance(leaf, qt.Wildcard):
            return self._term(field, leaf.pattern, wq.Wildcard, boost, analyse=False)
        if isinstance(leaf, qt.Fuzzy):

            def fuzzy(name: str, text: str, boost: float = 1.0) -> wq.FuzzyTerm:
                return wq.FuzzyTerm(name, text, boost, leaf.distance, leaf.prefix)

            return self._term(field, leaf.text, fuzzy, boost, analyse=False)
        return self._term(field, leaf.text, wq.Term, boost, analyse=True)

    def _term(
        self, field: str, text: str, kind: object, boost: float, *, analyse: bool
    ) -> wq.Query | None:
        # `analyse`: split into words and drop stop words (plain words); patterns and fuzzy
        # words are only normalised (lower case), as Whoosh's parser does.
        query: wq.Query | None = self._terms.term_query(
            field, text, kind, boost=boost, tokenize=analyse, removestops=analyse
        )
        return query


def _keep(cache: dict[qt.Node, T], key: qt.Node, value: T) -> None:
    if len(cache) >= CACHED_COMPILES:
        cache.clear()  # rarely reached; simpler than an LRU and as good for a burst of queries
    cache[key] = value


Marking = tuple[frozenset[str], list[tuple[str, ...]]]


def marking(searcher: Searcher, compiler: Compiler, tree: qt.Node) -> Marking:
    """The indexed words the tree looks for (wildcards and fuzzy words expanded) and the
    analysed words of each phrase, marked only where the whole phrase occurs. What a query
    excludes is not marked."""
    # Not `Query.existing_terms`: its loop variable shadows its `fieldname` argument, so
    # after the first title term it silently skips every body term.
    reader = searcher.reader()
    terms: set[str] = set()
    found: list[tuple[str, ...]] = []
    for leaf, negated in qt.leaves(tree):
        if negated:
            continue
        for part in compiler.compile(leaf).leaves():  # `3+3` may be an And of two words
            if isinstance(part, wq.Phrase):
                words = tuple(part.words)
                if part.fieldname in HIGHLIGHT_FIELDS and words not in found:
                    found.append(words)
                continue
            for field, text in part.expanded_terms(reader, phrases=True):
                if field in HIGHLIGHT_FIELDS:
                    terms.add(text.decode() if isinstance(text, bytes) else text)
    return frozenset(terms), found
