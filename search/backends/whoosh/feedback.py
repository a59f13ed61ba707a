"""Pseudo-relevance feedback: a question's best matches say which words its topic is written in.

A question typed in one's own words ("what are the effects of heat on thin shells?") shares
only some of its words with the articles that answer it. When a query of four words or more
finds too few articles with every word (a partial match), the best FEEDBACK_DOCS matches are
read for their most informative words, weighted by Bo1 (Amati's Bose-Einstein model,
Terrier's default query expansion), and the results are scored again with those words added
at a fraction of the query's own weight.
Nothing is added to or removed from the results: only their order changes, so the facets,
the missing words and the count still describe what is shown.

A query whose words are all found together is left as it is, and so is a quote: a query
that one of its best matches holds word for word (QUOTED), since feedback from near-duplicate
stories can push the quoted one down. Measured (README, "How ranking works"): nDCG@10 0.3638
→ 0.3860 on Cranfield and 0.4385 → 0.4486 on NPL; known items unchanged (98.9% and 98.3%).
"""

from __future__ import annotations

import numpy as np
from whoosh import query as wq
from whoosh.classify import Bo1Model, Expander

from search.backends.whoosh.engine import AnyField, Engine, scores_at
from search.backends.whoosh.proximity import Nearness

FEEDBACK_DOCS = 3  # the best matches read (Terrier's default)
FEEDBACK_WORDS = 20  # the most informative of their words added to the query
WEIGHT = 0.3  # of the most informative word, against a query word's 1
FIELDS = ("title", "body")
QUOTED = 0.7  # of the query's word pairs side by side in a best match: a pasted quote
# Fewer distinct words than this are keywords, whose meaning is in the words themselves: left
# as typed (and feedback's cost, 20-90 ms, kept off the everyday two- or three-word search).
QUESTION_WORDS = 4


def is_question(terms: list[str], partial: bool, near: Nearness) -> bool:
    """Whether feedback applies: a partial match (too few results have every word) of a
    query of QUESTION_WORDS index terms or more that no best match holds word for word."""
    return partial and len(set(terms)) >= QUESTION_WORDS and not near.quotes(QUOTED)


def rescored(engine: Engine, docs: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The scores of `docs` (sorted docnums) with the best matches' words added."""
    if len(docs) < 2:
        return scores
    best = docs[np.argsort(-scores, kind="stable")[:FEEDBACK_DOCS]]
    total = scores.astype(np.float64)
    for word, weight in expansion(engine, best).items():
        # Unweighted, so that a word's match is kept once for every query that adds it.
        found = engine.evaluate(AnyField([wq.Term(field, word) for field in FIELDS]))
        total += weight * scores_at(found, docs)
    return total.astype(np.float32)


def expansion(engine: Engine, best: np.ndarray) -> dict[str, float]:
    """The FEEDBACK_WORDS most informative index terms of the `best` documents by Bo1
    (Whoosh's `Expander`), weighted from WEIGHT for the best down."""
    expander = Expander(engine.reader, "body", model=Bo1Model)
    for docnum in best:
        stored = engine.searcher.stored_fields(int(docnum))
        expander.add_text("\n".join(stored.get(field) or "" for field in FIELDS))
    return {
        term: WEIGHT * weight
        for term, weight in expander.expanded_terms(FEEDBACK_WORDS, normalize=False)
    }
