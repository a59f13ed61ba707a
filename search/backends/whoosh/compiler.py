"""Parsing index-ready query strings, the words to highlight, and spelling suggestions."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser
from whoosh.searching import Searcher

# Field weights: a match in the headline outranks one in the body (statements: see Engine).
FIELD_BOOSTS = {"title": 3.0, "body": 1.0}
HIGHLIGHT_FIELDS = ("title", "body")
MAX_EDIT_DISTANCE = 2  # Whoosh's (and Lucene's) largest useful fuzzy distance
FUZZY_PREFIX = 1  # letters a fuzzy word keeps as typed (Whoosh's FuzzyTerm default)
SUGGEST_BUDGET = 1.0  # seconds spent finding corrections; later words are left as typed
_WORD = re.compile(r"(?<![\w:*~])([^\W\d_]{3,})(?![\w:*~])")


def make_parser(schema: Schema) -> MultifieldParser:
    parser = MultifieldParser(list(FIELD_BOOSTS), schema, fieldboosts=FIELD_BOOSTS)
    parser.add_plugin(FuzzyTermPlugin())  # word~
    return parser


def parse(parser: MultifieldParser, text: str) -> tuple[wq.Query, list[str]]:
    """The query for `text` (everything when empty); unreadable syntax becomes plain words."""
    if not text.strip():
        return wq.Every(), []
    notices: list[str] = []
    try:
        query = parser.parse(text)
    except Exception:  # Whoosh's parser raises assorted errors on odd input
        # Lower case, so that no word is an operator again: plain words always parse.
        words = " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())
        notices.append("The query's syntax could not be read, so its words were searched instead.")
        query = parser.parse(words) if words else wq.NullQuery
    return _cap_fuzzy(query, notices), notices


def _cap_fuzzy(query: wq.Query, notices: list[str]) -> wq.Query:
    """Fuzzy words match within at most MAX_EDIT_DISTANCE edits and keep their first letter:
    `word~7` compared every word of the index at distance 7 (20 s on Reuters) and matched
    nearly anything, and without a fixed first letter one fuzzy word took 2.3 s per field."""
    for node in _walk(query):
        if not isinstance(node, wq.FuzzyTerm):
            continue
        if node.maxdist > MAX_EDIT_DISTANCE:
            node.maxdist = MAX_EDIT_DISTANCE
            notice = f"Fuzzy matching allows at most {MAX_EDIT_DISTANCE} edits per word."
            if notice not in notices:
                notices.append(notice)
        node.prefixlength = max(node.prefixlength, FUZZY_PREFIX)
    return query


def highlight_terms(searcher: Searcher, query: wq.Query) -> frozenset[str]:
    """Indexed words the query looks for (wildcards and fuzzy terms expanded)."""
    # Not `Query.existing_terms`: its loop variable shadows its `fieldname` argument, so
    # after the first title term it silently skips every body term.
    reader = searcher.reader()
    terms = set()
    for leaf in query.leaves():
        if isinstance(leaf, wq.Phrase) or _negated(query, leaf):
            continue  # phrases are marked only where the whole phrase occurs
        for field, text in leaf.expanded_terms(reader, phrases=True):
            if field in HIGHLIGHT_FIELDS:
                terms.add(text.decode() if isinstance(text, bytes) else text)
    return frozenset(terms)


def phrases(query: wq.Query) -> list[tuple[str, ...]]:
    """The analysed words of each phrase in the query, to highlight them only together."""
    found: list[tuple[str, ...]] = []
    for node in _walk(query):
        if isinstance(node, wq.Phrase) and node.fieldname in HIGHLIGHT_FIELDS:
            words = tuple(node.words)
            if words not in found:
                found.append(words)
    return found


def _walk(query: wq.Query) -> Iterator[wq.Query]:
    yield query
    for child in query.children():
        yield from _walk(child)


def _negated(query: wq.Query, leaf: wq.Query) -> bool:
    return any(
        isinstance(node, wq.Not) and leaf in list(_walk(node.query)) for node in _walk(query)
    )


def suggest(searcher: Searcher, text: str) -> str | None:
    """`text` with each word the index does not know replaced by the closest one it does."""
    reader = searcher.reader()
    changed = False
    # Each unknown word costs a scan of the index's words: a pasted paragraph full of names
    # must not hold the request for seconds.
    stop_at = time.monotonic() + SUGGEST_BUDGET

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word: str = match.group(1)
        folded = word.lower()
        if folded in ("and", "not") or ("words", folded) in reader or time.monotonic() > stop_at:
            return word
        candidates = list(reader.terms_within("words", folded, maxdist=2, prefix=1))
        if not candidates:
            return word
        best: str = max(
            candidates, key=lambda c: (-_distance(c, folded), reader.doc_frequency("words", c))
        )
        changed = True
        return best.capitalize() if word[0].isupper() else best

    corrected = _WORD.sub(replace, text)
    return corrected if changed else None


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
