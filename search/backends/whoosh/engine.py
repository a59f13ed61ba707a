"""Matching and BM25F scoring over NumPy posting arrays read block by block from Whoosh.

Whoosh walks postings one document at a time in Python; here a term's postings are read a
block (up to 128 documents) at a time into arrays, cached per searcher, and queries become set
operations on sorted arrays. Query shapes this module does not know fall back to Whoosh.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.query.compound import CompoundQuery
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.backends.base import SearchTooSlow
from search.backends.whoosh import internals
from search.backends.whoosh.analysis import RawPositions
from search.backends.whoosh.arrays import LENGTH_FIELDS, DocArrays, leaf_readers
from search.backends.whoosh.postings import SegmentPostings, read_blocks

K1, B = 1.2, 0.75
CACHED_TERMS = 4096
CACHED_QUERIES = 256
CACHED_WORDS = 1024  # long queries' words, with their documents of each kind
CACHED_MATCH_BYTES = 128 * 1024 * 1024
# A word in more than this many times as many documents as a strict match has left is looked
# up for those documents rather than matched in full: a lookup costs a binary search per
# document and field, a full match a pass over every posting.
LOOK_UP_RATIO = 16
MAX_EXPANSIONS = 1024  # words a wildcard, prefix or fuzzy word may stand for (Lucene's 1,024)
CHECK_EVERY = 1024  # steps of a long loop between two looks at the clock
EMPTY = np.zeros(0, dtype=np.int32)
V = TypeVar("V")


class AnyField(CompoundQuery):  # type: ignore[misc]  # Whoosh has no type hints
    """One word looked for in several fields (the headline and the body), scored as one word
    by BM25F: each field's frequency, normalised by that field's length and weighted by the
    field's boost, is summed before it saturates. Scored per field and added up, a word in
    both the headline and the body would count twice, and a long headline's words once more
    than a short one's (Robertson, Zaragoza and Taylor, "Simple BM25 extension to multiple
    weighted fields", 2004)."""

    JOINT = " | "

    def _matcher(self, subs: list[wq.Query], searcher: Searcher, context: object) -> object:
        # Only when Whoosh matches for us (a slow phrase's check): any field will do.
        return wq.Or(subs).matcher(searcher, context)


class Deadline:
    """The moment a search must be done by; long loops check it now and then."""

    def __init__(self, seconds: float | None) -> None:
        self.at = None if seconds is None else time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise SearchTooSlow(
                f"The search was stopped after {self.seconds:g} s: use fewer wildcards, "
                "fuzzy words or very common words."
            )


@dataclass(frozen=True)
class Match:
    """Sorted unique docnums, and a score for each."""

    docs: np.ndarray
    scores: np.ndarray

    @classmethod
    def empty(cls) -> Match:
        return cls(EMPTY, np.zeros(0, dtype=np.float32))


class Matcher(Protocol):
    """One word of a query as a partial match and a strict long query use it: which of some
    documents have it, its score at them, and a count for every document that has it."""

    def contains(self, docs: np.ndarray) -> np.ndarray: ...

    def scores_at(self, docs: np.ndarray) -> np.ndarray: ...

    def count_into(self, counts: np.ndarray, kind: str, wanted: np.ndarray) -> None: ...


@dataclass(frozen=True)
class MatchWord:
    """A word already matched in full (a wildcard, a fuzzy word): looked up in its match."""

    match: Match

    def contains(self, docs: np.ndarray) -> np.ndarray:
        return find_sorted(docs, self.match.docs)[1]

    def scores_at(self, docs: np.ndarray) -> np.ndarray:
        return scores_at(self.match, docs)

    def count_into(self, counts: np.ndarray, kind: str, wanted: np.ndarray) -> None:
        docs = self.match.docs
        counts[docs[wanted[docs]]] += 1


@dataclass(frozen=True)
class WordField:
    """A word's postings in one field, and the field's weight."""

    name: str
    boost: float
    docs: np.ndarray
    freqs: np.ndarray


class Word:
    """One word's postings in each of its fields, scored by BM25F only at the documents asked
    about. A long query finds its candidates through its rarest words; its common words,
    each in most documents, are then looked up for those few candidates rather than scored
    for every document that has them (which took a pasted passage over 100 ms in 100,000
    articles). Scores equal `Engine._term` and `Engine._any_field` on the same documents."""

    def __init__(self, engine: Engine, query: wq.Term | AnyField) -> None:
        self.engine = engine
        self.any_field = isinstance(query, AnyField)
        self.boost = float(query.boost)
        schema = engine.reader.schema
        terms = query.subqueries if self.any_field else [query]
        fields = []
        for term in terms:
            if term.fieldname in schema:
                text = schema[term.fieldname].to_bytes(term.text)
                fields.append(
                    WordField(term.fieldname, term.boost, *engine.postings(term.fieldname, text))
                )
        self.fields = [f for f in fields if len(f.docs)]  # in the query's order: sums agree
        self.largest = max(self.fields, key=lambda f: len(f.docs), default=None)
        # Documents only a smaller field has: the largest field's and these are the word's.
        extras = [
            f.docs[~_in_sorted(f.docs, self.largest.docs)]
            for f in self.fields
            if f is not self.largest and self.largest is not None
        ]
        self.extra = np.unique(np.concatenate(extras)).astype(np.int32) if extras else EMPTY
        self.count = (len(self.largest.docs) if self.largest else 0) + len(self.extra)
        self.key = repr(query)

    def size(self) -> int:
        """Bytes it adds to what the postings cache holds."""
        return int(self.extra.nbytes)

    def contains(self, docs: np.ndarray) -> np.ndarray:
        found = np.zeros(len(docs), dtype=bool)
        for field in self.fields:
            found |= _in_sorted(docs, field.docs)
        return found

    def count_into(self, counts: np.ndarray, kind: str, wanted: np.ndarray) -> None:
        """Add 1 for each document of `kind` (those `wanted` flags) that has the word."""
        key = f"{kind}:{self.key}"
        counts[self.engine.kept_docs(key, lambda: self._of_kind(wanted))] += 1

    def _of_kind(self, wanted: np.ndarray) -> np.ndarray:
        # As int64, NumPy's index type (converted each time, the update took twice as
        # long); articles are a fraction of the documents, statements the rest, so a word's
        # articles alone are counted in a fraction of the time.
        docs = np.concatenate([self.largest.docs, self.extra]) if self.largest else EMPTY
        found: np.ndarray = docs[wanted[docs]].astype(np.intp)
        return found

    def scores_at(self, docs: np.ndarray) -> np.ndarray:
        """The word's score at each of `docs` (sorted docnums), 0 where it is absent."""
        if not self.any_field:
            scores = np.zeros(len(docs), dtype=np.float32)
            for field in self.fields:  # a plain term has one field
                at, present = find_sorted(docs, field.docs)
                found = docs[present]
                bm25 = self.engine.bm25(field.name, found, field.freqs[at[present]], self.count)
                scores[present] = bm25 * self.boost
            return scores
        summed = np.zeros(len(docs), dtype=np.float32)
        for field in self.fields:
            at, present = find_sorted(docs, field.docs)
            found = docs[present]
            norm = self.engine.length_norm(field.name, found)
            summed[present] += field.boost * field.freqs[at[present]] / norm
        frequency = summed.astype(np.float64)
        saturated = self.engine.idf(self.count) * frequency * (K1 + 1) / (frequency + K1)
        return (saturated * self.boost).astype(np.float32)


class Engine:
    """Evaluates parsed Whoosh queries for one searcher."""

    def __init__(
        self,
        searcher: Searcher,
        arrays: DocArrays,
        saved: list[SegmentPostings | None] | None = None,
    ) -> None:
        self.searcher = searcher
        self.arrays = arrays
        self.reader = searcher.reader()
        self.leaves = leaf_readers(searcher)
        self.saved = saved or [None] * len(self.leaves)  # each leaf's saved frequent terms
        self.total_docs = max(1, int(arrays.live.sum()))
        self._lock = threading.Lock()  # the caches are shared by a worker's threads
        self._local = threading.local()  # each thread's current deadline
        self._matches = _Kept[Match](CACHED_QUERIES, _size)  # whole queries' results
        self._words = _Kept[Match](CACHED_TERMS, _size)  # each word's scored postings
        self._word_postings = _Kept[Word](CACHED_WORDS, Word.size)  # each word's, unscored
        self._kind_docs = _Kept[np.ndarray](CACHED_WORDS, _nbytes)  # a word's, of one kind
        self._norms: dict[str, np.ndarray] = {}  # each field's length normalisation per doc
        self._postings = _Kept[tuple[np.ndarray, np.ndarray]](CACHED_TERMS, _pair_nbytes)

    def forget(self, postings: bool = True) -> None:
        with self._lock:
            self._matches.clear()
            if postings:
                self._words.clear()
                self._word_postings.clear()
                self._kind_docs.clear()
                self._postings.clear()

    # --- postings ---------------------------------------------------------------------------

    def postings(self, field: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, term frequencies) of one term, live documents only."""
        return self._postings.kept(
            (field, text), lambda: self._read_postings(field, text), self._lock
        )

    def _read_postings(self, field: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        docs, freqs = [], []
        for (reader, offset), saved in zip(self.leaves, self.saved, strict=True):
            term = saved.term(field, text) if saved else None
            if term is not None:
                docs.append(term.docs + offset)
                freqs.append(term.weights)
                continue
            if (field, text) not in reader:
                continue
            ids, weights, _, _ = read_blocks(internals.term_matcher(reader, field, text))
            docs.append(ids + offset)
            freqs.append(weights)
        if not docs:
            return EMPTY, np.zeros(0, dtype=np.float32)
        all_docs, all_freqs = np.concatenate(docs), np.concatenate(freqs)
        if self.arrays.all_live:  # the usual case: a common word spans most of the index
            return all_docs.astype(np.int32, copy=False), all_freqs
        keep = self.arrays.live[all_docs]
        return all_docs[keep].astype(np.int32), all_freqs[keep]

    # --- evaluation -------------------------------------------------------------------------

    def evaluate(self, query: wq.Query, budget: float | None = None) -> Match:
        """The documents `query` matches, with scores; the same query is answered from a
        cache until the index changes (ticking facets re-runs the same words).

        Raises `SearchTooSlow` when the work runs past `budget` seconds, so that no query
        (a wildcard over the whole vocabulary, say) holds a web worker for long.
        """
        cache = self._cache_for(query)
        return cache.kept(repr(query), lambda: self._within(query, budget), self._lock)

    def _within(self, query: wq.Query, budget: float | None) -> Match:
        self._local.deadline = Deadline(budget)
        try:
            return self._evaluate(query)
        finally:
            self._local.deadline = Deadline(None)

    def matcher(self, query: wq.Query, budget: float | None = None) -> Matcher:
        """One word of a long query, matched where asked (`Word`); anything else in full."""
        if isinstance(query, (wq.Term, AnyField)):
            return self._word(query)
        return MatchWord(self.evaluate(query, budget))

    def _word(self, query: wq.Term | AnyField) -> Word:
        return self._word_postings.kept(repr(query), lambda: Word(self, query), self._lock)

    def kept_docs(self, key: str, make: Callable[[], np.ndarray]) -> np.ndarray:
        """`make()`, kept under `key` (a word's documents of one kind)."""
        return self._kind_docs.kept(key, make, self._lock)

    def _cache_for(self, query: wq.Query) -> _Kept[Match]:
        # A word's scored postings are kept like its postings: a common word (the costly
        # kind, long postings) comes back in query after query.
        return self._words if isinstance(query, (wq.Term, AnyField)) else self._matches

    def _check_time(self) -> None:
        deadline = getattr(self._local, "deadline", None)
        if deadline is not None:
            deadline.check()

    def _evaluate(self, query: wq.Query) -> Match:
        self._check_time()
        for kind in type(query).__mro__:
            handler = HANDLERS.get(kind)
            if handler:
                evaluate: Callable[[wq.Query], Match] = getattr(self, handler)
                return evaluate(query)
        return self._fallback(query)

    def _sub(self, query: wq.Query) -> Match:
        if not isinstance(query, (wq.Term, AnyField)):
            return self._evaluate(query)
        # A word's match is kept: a long query that finds too few documents with every word
        # asks for each word again (partial matching), and later queries ask for it too.
        return self._words.kept(repr(query), lambda: self._evaluate(query), self._lock)

    def _term(self, query: wq.Term) -> Match:
        field = query.fieldname
        if field not in self.reader.schema:
            return Match.empty()
        text = self.reader.schema[field].to_bytes(query.text)
        docs, freqs = self.postings(field, text)
        if not len(docs):
            return Match.empty()
        return Match(docs, self.bm25(field, docs, freqs) * query.boost)

    def _any_field(self, query: AnyField) -> Match:
        weighted = []
        for term in query.subqueries:  # one `wq.Term` per field (`Compiler`)
            field = term.fieldname
            if field not in self.reader.schema:
                continue
            docs, freqs = self.postings(field, self.reader.schema[field].to_bytes(term.text))
            weighted.append(Match(docs, term.boost * freqs / self.length_norm(field, docs)))
        found = union(weighted)
        frequency = found.scores.astype(np.float64)
        scores = self.idf(len(found.docs)) * frequency * (K1 + 1) / (frequency + K1)
        return Match(found.docs, (scores * query.boost).astype(np.float32))

    def bm25(
        self, field: str, docs: np.ndarray, freqs: np.ndarray, matches: int | None = None
    ) -> np.ndarray:
        """BM25 of a term at `docs` (its frequencies there); `matches`: how many documents
        the term is in, when `docs` are not all of them."""
        idf = self.idf(len(docs) if matches is None else matches)
        if field not in LENGTH_FIELDS:
            return np.full(len(docs), idf, dtype=np.float32)
        norm = K1 * self.length_norm(field, docs)
        return (idf * freqs * (K1 + 1) / (freqs + norm)).astype(np.float32)

    def idf(self, matches: int) -> float:
        """BM25's inverse document frequency of a term found in `matches` documents."""
        return math.log(1 + (self.total_docs - matches + 0.5) / (matches + 0.5))

    def length_norm(self, field: str, docs: np.ndarray) -> np.ndarray | float:
        """BM25's length normalisation: 1 at the field's average length, more above it."""
        if field not in LENGTH_FIELDS:
            return 1.0
        norms = self._norms.get(field)
        if norms is None:  # once per field and searcher: then one gather per word
            average = max(self.arrays.average_lengths[field], 1.0)
            norms = (1 - B + B * self.arrays.lengths[field] / average).astype(np.float32)
            self._norms[field] = norms
        found: np.ndarray = norms[docs]
        return found

    def _or(self, query: wq.Or) -> Match:
        return union([self._sub(q) for q in query.subqueries])

    def _and(self, query: wq.And) -> Match:
        positive = [q for q in query.subqueries if not isinstance(q, wq.Not)]
        negative = [q.query for q in query.subqueries if isinstance(q, wq.Not)]
        if not positive:
            positive = [wq.Every()]
        result = self._all_of(positive)
        if not len(result.docs):
            return result
        for q in negative:
            result = subtract(result, self._sub(q))
        return result

    def _all_of(self, queries: list[wq.Query]) -> Match:
        """The documents every one of `queries` matches, their scores summed. The rarest
        words first; a word in far more documents than are left is looked up for those
        only (`Word`), so a pasted passage's common words are never scored in full."""
        result: Match | None = None
        for about, q in sorted(((self._documents_about(q), q) for q in queries), key=_first):
            if result is not None and about > LOOK_UP_RATIO * len(result.docs):
                word = self._word(q)
                keep = word.contains(result.docs)
                docs = result.docs[keep]
                result = Match(docs, result.scores[keep] + word.scores_at(docs))
            else:
                found = self._sub(q)
                result = found if result is None else intersect([result, found])
            if not len(result.docs):
                break
        assert result is not None  # an And has a subquery, a phrase a word
        return result

    def _documents_about(self, query: wq.Query) -> int:
        """How many documents a word is in (its largest field's count), from its postings,
        which matching it needs anyway (Whoosh's term index costs a read and an unpickling
        per field: 6 ms for a pasted passage); 0 for anything else, which is matched first."""
        terms = query.subqueries if isinstance(query, AnyField) else [query]
        if not all(isinstance(t, wq.Term) for t in terms):
            return 0
        schema = self.reader.schema
        return max(
            (
                len(self.postings(t.fieldname, schema[t.fieldname].to_bytes(t.text))[0])
                for t in terms
                if t.fieldname in schema
            ),
            default=0,
        )

    def _and_not(self, query: wq.AndNot) -> Match:
        return subtract(self._sub(query.a), self._sub(query.b))

    def _and_maybe(self, query: wq.AndMaybe) -> Match:
        required, optional = self._sub(query.a), self._sub(query.b)
        return Match(required.docs, required.scores + scores_at(optional, required.docs))

    def _not(self, query: wq.Not) -> Match:
        return subtract(self._every(None), self._sub(query.query))

    def _every(self, query: wq.Query | None) -> Match:
        docs = np.flatnonzero(self.arrays.live).astype(np.int32)
        return Match(docs, np.zeros(len(docs), dtype=np.float32))

    def _nothing(self, query: wq.Query) -> Match:
        return Match.empty()

    def _multi_term(self, query: wq.MultiTerm) -> Match:
        """A wildcard, prefix, fuzzy word or range: the union of the words it stands for,
        each scored like a plain word, expanded with an eye on the clock."""
        field = query.field()
        if field not in self.reader.schema:
            return Match.empty()
        to_bytes = self.reader.schema[field].to_bytes
        matches = []
        for n, text in enumerate(internals.expansions(query, self.reader)):
            if n >= MAX_EXPANSIONS:
                break
            if n % 64 == 0:
                self._check_time()
            docs, freqs = self.postings(field, to_bytes(text))
            if len(docs):
                matches.append(Match(docs, self.bm25(field, docs, freqs) * query.boost))
        return union(matches)

    def _phrase(self, query: wq.Phrase) -> Match:
        # Cheap candidates first: every word must be there before positions are checked.
        field = query.fieldname
        words = [wq.Term(field, w, boost=query.boost) for w in query.words]
        candidates = self._all_of(words)
        if not len(candidates.docs) or len(words) < 2:
            return candidates  # (no candidate: no need to build Whoosh's span matchers)
        if query.slop != 1:
            return self._slow_phrase(query, candidates)
        # Each occurrence as one integer, document and position, so that "word k follows
        # word 0 at distance k" is one sorted-array membership test per word.
        # Both come out sorted (documents in order, positions in order within each), so
        # membership is a binary search rather than np.isin's hashing of millions of keys.
        to_bytes = self.reader.schema[field].to_bytes
        starts: np.ndarray | None = None
        for k, word in enumerate(query.words):
            owners, positions = self.positions(field, to_bytes(word), candidates.docs)
            keys = (owners << 32) | positions
            starts = keys if starts is None else starts[_in_sorted(starts + k, keys)]
        assert starts is not None  # the phrase has two words or more
        found = starts >> 32
        docs = found[np.r_[True, found[1:] != found[:-1]]] if len(found) else found
        docs = docs.astype(np.int32)
        return Match(docs, scores_at(candidates, docs))

    def _slow_phrase(self, query: wq.Phrase, candidates: Match) -> Match:
        confirmed = self._fallback(query, restrict=candidates.docs)
        return Match(confirmed.docs, scores_at(candidates, confirmed.docs))

    def positions(self, field: str, text: bytes, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(docnum, word position) of every occurrence of one term in `docs` (sorted), as two
        int64 arrays, decoding only what the saved arrays do not hold."""
        owners, found = [], []
        for (reader, offset), saved in zip(self.leaves, self.saved, strict=True):
            local = docs[(docs >= offset) & (docs < offset + reader.doc_count_all())] - offset
            if not len(local):
                continue
            term = saved.term(field, text) if saved else None
            if term is not None and term.positions is not None:
                at, present = find_sorted(local, term.docs)
                rows = at[present]
                row_of, where = term.positions_at(rows)
                owners.append(term.docs[row_of].astype(np.int64) + offset)
                found.append(where)
            elif (field, text) in reader:
                doc_of, where = _positions_from_whoosh(reader, field, text, local)
                owners.append(doc_of + offset)
                found.append(where)
        if not owners:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(owners), np.concatenate(found)

    def _fallback(self, query: wq.Query, restrict: np.ndarray | None = None) -> Match:
        """Whoosh's own matching, for wildcards, fuzzy terms, ranges and anything else."""
        matcher = query.matcher(self.searcher)
        ids = []
        allowed = set(restrict.tolist()) if restrict is not None else None
        steps = 0
        while matcher.is_active():
            steps += 1
            if steps % CHECK_EVERY == 0:
                self._check_time()
            if allowed is not None and len(allowed) < 64:
                # Few candidates: jump straight to each instead of walking the postings.
                for doc in sorted(allowed):
                    if doc >= matcher.id():
                        matcher.skip_to(doc)
                        if not matcher.is_active():
                            break
                        if matcher.id() == doc:
                            ids.append(doc)
                break
            doc = matcher.id()
            if allowed is None or doc in allowed:
                ids.append(doc)
            matcher.next()
        docs = np.array(sorted(set(ids)), dtype=np.int32)
        docs = docs[self.arrays.live[docs]] if len(docs) else docs
        return Match(docs, np.ones(len(docs), dtype=np.float32))


HANDLERS = {
    wq.Term: "_term",
    AnyField: "_any_field",
    wq.Or: "_or",
    wq.And: "_and",
    wq.AndNot: "_and_not",
    wq.AndMaybe: "_and_maybe",
    wq.Not: "_not",
    wq.Every: "_every",
    type(wq.NullQuery): "_nothing",
    wq.Phrase: "_phrase",
    wq.MultiTerm: "_multi_term",
}


def _positions_from_whoosh(
    reader: IndexReader, field: str, text: bytes, docs: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(docnum, position) pairs of one term in a segment's `docs`, read block by block and
    decoding only the blocks that hold one of them."""
    fmt = reader.schema[field].format
    matcher = internals.term_matcher(reader, field, text)
    if not isinstance(matcher, W3LeafMatcher):
        owner_list: list[int] = []
        position_list: list[int] = []
        while matcher.is_active():
            if matcher.id() in docs:
                positions = matcher.value_as("positions")
                owner_list += [matcher.id()] * len(positions)
                position_list += positions
            matcher.next()
        return np.asarray(owner_list, dtype=np.int64), np.asarray(position_list, dtype=np.int64)
    owners: list[np.ndarray] = []
    found: list[np.ndarray] = []
    while matcher.is_active():
        if matcher.block_max_id() >= docs[0]:
            ids = np.asarray(internals.block_ids(matcher), dtype=np.int64)
            wanted = np.flatnonzero(np.isin(ids, docs, assume_unique=True))
            if len(wanted):
                values = internals.block_values(matcher)
                for i in wanted.tolist():
                    value = values[i]
                    if type(fmt) is RawPositions:
                        positions = np.frombuffer(value, dtype="<u4")
                    else:
                        positions = fmt.decode_positions(value)
                    owners.append(np.full(len(positions), ids[i], dtype=np.int64))
                    found.append(np.asarray(positions, dtype=np.int64))
        internals.next_block(matcher)
    if not owners:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(owners), np.concatenate(found)


def _first(pair: tuple[int, wq.Query]) -> int:
    return pair[0]


def find_sorted(values: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of `values` is in the sorted array `keys`, and whether it is there at all
    (where it is not, its index is meaningless)."""
    if not len(keys):
        return np.zeros(len(values), dtype=np.intp), np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
    return at, keys[at] == values


def _in_sorted(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of `values` occur in the sorted array `keys`."""
    return find_sorted(values, keys)[1]


def union(matches: list[Match]) -> Match:
    matches = [m for m in matches if len(m.docs)]
    if not matches:
        return Match.empty()
    if len(matches) == 1:
        return matches[0]
    size = max(int(m.docs[-1]) for m in matches) + 1
    if sum(len(m.docs) for m in matches) * 32 < size:
        # Few documents of a large index: sorting them beats touching every docnum.
        docs = np.concatenate([m.docs for m in matches])
        scores = np.concatenate([m.scores for m in matches])
        unique, inverse = np.unique(docs, return_inverse=True)
        summed = np.bincount(inverse, weights=scores).astype(np.float32)
        return Match(unique.astype(np.int32), summed)
    # Many: add scores into one slot per docnum (each match's docs are unique), no sort.
    summed = np.zeros(size, dtype=np.float32)
    present = np.zeros(size, dtype=bool)
    for m in matches:
        summed[m.docs] += m.scores
        present[m.docs] = True
    docs = np.flatnonzero(present).astype(np.int32)
    return Match(docs, summed[docs])


def intersect(matches: list[Match]) -> Match:
    # Smallest first: each step looks the few survivors up in the next (sorted) array, a
    # binary search each, rather than sorting both arrays together.
    matches = sorted(matches, key=lambda m: len(m.docs))
    result = matches[0]
    for other in matches[1:]:
        if not len(result.docs):
            break
        at, present = find_sorted(result.docs, other.docs)
        scores = result.scores[present] + other.scores[at[present]]
        result = Match(result.docs[present], scores.astype(np.float32))
    return result


def subtract(match: Match, removed: Match) -> Match:
    keep = ~np.isin(match.docs, removed.docs, assume_unique=True)
    return Match(match.docs[keep], match.scores[keep])


class _Kept(Generic[V]):
    """Values by query or term, the oldest dropped first. A common word's match or postings
    span most of the index: the bytes are bounded, not only the count, so a worker's memory
    stays small however many long queries it answers. The caller of `get`, `keep` and
    `clear` holds the engine's lock; `kept` takes it."""

    def __init__(self, limit: int, size: Callable[[V], int]) -> None:
        self.limit, self.size = limit, size
        self._kept: OrderedDict[Hashable, V] = OrderedDict()
        self._bytes = 0

    def get(self, key: Hashable) -> V | None:
        return self._kept.get(key)

    def kept(self, key: Hashable, make: Callable[[], V], lock: threading.Lock) -> V:
        """The value kept under `key`; made when there is none (outside `lock`, so that other
        threads keep searching meanwhile) and kept."""
        with lock:
            found = self._kept.get(key)
        if found is None:
            found = make()
            with lock:
                self.keep(key, found)
        return found

    def keep(self, key: Hashable, found: V) -> None:
        if key in self._kept:
            return
        self._kept[key] = found
        self._bytes += self.size(found)
        while len(self._kept) > self.limit or self._bytes > CACHED_MATCH_BYTES:
            _, dropped = self._kept.popitem(last=False)
            self._bytes -= self.size(dropped)

    def clear(self) -> None:
        self._kept.clear()
        self._bytes = 0


def _pair_nbytes(found: tuple[np.ndarray, np.ndarray]) -> int:
    return int(found[0].nbytes + found[1].nbytes)


def _nbytes(found: np.ndarray) -> int:
    return int(found.nbytes)


def _size(match: Match) -> int:
    return int(match.docs.nbytes + match.scores.nbytes)


def scores_at(match: Match, docs: np.ndarray) -> np.ndarray:
    """Scores of `match` at `docs` (0 where `match` lacks a document)."""
    if not len(match.docs) or not len(docs):
        return np.zeros(len(docs), dtype=np.float32)
    at, present = find_sorted(docs, match.docs)
    return np.where(present, match.scores[at], 0).astype(np.float32)
