"""Spelling suggestions: a query word the index lacks, replaced by the one word it most likely
meant, or left alone when that is not clear.

Candidates are the vocabulary's words (`vocabulary`) one edit away (a letter inserted,
deleted, substituted, or two swapped; the first letter kept), found by looking each edit up:
most typing errors are one edit, and a second would bring in many more wrong words. What a
word matches is judged as a search judges it, by its analysed form (stemmed, accents
folded), so "collapsed" is never replaced when an article says "collapses". The thresholds
in `RULES` were tuned with `manage.py evaluate_spelling` (README, "Spelling suggestions").
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from whoosh.reading import IndexReader

from search import query_tree as qt
from search.backends.whoosh.analysis import index_term
from search.backends.whoosh.vocabulary import fold

BUDGET = 1.0  # seconds spent finding corrections; later words are left as typed
SEARCHED_FIELDS = ("title", "body", "speaker_names")  # what a plain word matches in
_LETTERS = string.ascii_lowercase  # the vocabulary is folded to these, nearly always
# Words as the query parser leaves them (not field names, patterns or fuzzy words).
_QUERY_WORD = re.compile(r"(?<![\w:*~])([^\W\d_]{3,})(?![\w:*~])")
_OPERATORS = frozenset({"and", "or", "not"})
# A sentence ending inside the text ("... the ministry. Officials said"): pasted prose.
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{3}[.!?;]\s+\w")


@dataclass(frozen=True)
class Rules:
    """When a word is replaced. Tuned on half of a set generated from each of two corpora
    (`manage.py evaluate_spelling`): the most corrections with a precision of 0.92 or more
    and no correct word changed; figures for the other half in the README."""

    # Shorter words have too many neighbours one edit away: four-letter ones were put
    # right less than half the time in Reuters-21578, where tickers and abbreviations abound.
    min_length: int = 5
    passage_words: int = 8  # this many words or more: a pasted passage, never corrected
    margin: float = 1.5  # the best word must be used this many times as often as another
    # A word the index has is replaced only when it is long, very rare, and very much rarer
    # than the other: a wire's "compnay"; short rare words are mostly words ("node", "cask").
    rare_length: int = 7
    rare_matches: int = 3
    rare_ratio: float = 500.0
    # A capitalised word is replaced only by a name: a word written with a capital in this
    # share of the articles that use it (Reuters writes "SAO PAULO" too, hence not a half).
    name_share: float = 0.3


RULES = Rules()


@dataclass(frozen=True)
class Candidate:
    """A vocabulary word one edit from the typed one."""

    text: str  # folded, as the vocabulary holds it
    term: str | None  # its analysed form (None: a stop word)
    articles: int  # articles using this very word
    names: int  # articles writing it as a name
    matches: int  # documents its analysed form matches


@dataclass(frozen=True)
class Typed:
    """A word of the query, what it matches, and its candidates."""

    text: str  # as typed
    term: str | None
    matches: int  # documents it matches already (0: the index lacks it)
    candidates: tuple[Candidate, ...]


class Lexicon(Protocol):
    """What spelling needs to know of an index, whichever backend keeps it."""

    def vocabulary(self, words: set[str]) -> dict[str, tuple[int, int]]:
        """Those of `words` (folded) the vocabulary has: each with how many articles use it
        and how many write it as a name."""
        ...

    def matches(self, term: str) -> int:
        """How many documents an index term matches in the searched fields (the most in any
        one of them)."""
        ...


class ReaderLexicon:
    """A Whoosh index's vocabulary, read from its `words` and `names` fields."""

    def __init__(self, reader: IndexReader) -> None:
        self.reader = reader

    def vocabulary(self, words: set[str]) -> dict[str, tuple[int, int]]:
        reader = self.reader
        found = {}
        for word in words:
            if ("words", word) in reader:
                articles = int(reader.doc_frequency("words", word))
                # An index built before `names` existed: any word may be a name, as before.
                has_names = "names" in reader.schema
                names = int(reader.doc_frequency("names", word)) if has_names else articles
                found[word] = (articles, names)
        return found

    def matches(self, term: str) -> int:
        return max(int(self.reader.doc_frequency(field, term)) for field in SEARCHED_FIELDS)


def suggest(lexicon: Lexicon, text: str, tree: qt.Node, rules: Rules = RULES) -> str | None:
    """`text` (the query as typed) with each word the index lacks replaced by the word it
    most likely meant, or None when nothing is replaced. Only the tree's plain words are
    checked: not field names, operators, patterns or fuzzy words, which the user spelled on
    purpose; and nothing in a pasted passage, whose unknown words are names, not typos."""
    if is_passage(text, rules):
        return None
    plain = {
        word.lower()
        for leaf, _ in qt.leaves(tree)
        if isinstance(leaf, qt.Term) and leaf.field == qt.ANY
        for word in _QUERY_WORD.findall(leaf.text)
    }
    stop_at = time.monotonic() + BUDGET
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word: str = match.group(1)
        if word.lower() not in plain or len(word) < rules.min_length:
            return word
        if word.lower() in _OPERATORS or time.monotonic() > stop_at:
            return word
        better = correction(look_up(lexicon, word, rules), rules)
        if better is None:
            return word
        changed = True
        return _cased_like(word, better)

    corrected = _QUERY_WORD.sub(replace, text)
    return corrected if changed else None


def is_passage(text: str, rules: Rules = RULES) -> bool:
    """Pasted prose rather than a query: `rules.passage_words` words or more, or a sentence
    that ends inside it."""
    return len(text.split()) >= rules.passage_words or bool(_SENTENCE_BREAK.search(text))


def correction(word: Typed, rules: Rules = RULES) -> str | None:
    """The word `word` most likely meant (folded), or None: a word the index has is kept
    unless it is very much rarer than the other; a capitalised one is kept unless a name is
    close; and nothing is offered when two different words are about as likely."""
    if not replaceable(word.text, word.term, word.matches, rules):
        return None
    pool = [c for c in word.candidates if c.term is not None and c.term != word.term]
    if word.text[0].isupper() and not word.text.isupper():  # all capitals: shouting, not a name
        pool = [c for c in pool if c.names >= rules.name_share * c.articles]
    if word.matches:
        pool = [c for c in pool if c.matches >= rules.rare_ratio * word.matches]
    if not pool:
        return None
    best = max(pool, key=lambda c: (c.articles, c.text))
    rival = max((c.articles for c in pool if c.term != best.term), default=0)
    return best.text if best.articles >= rules.margin * rival else None


def replaceable(text: str, term: str | None, matches: int, rules: Rules = RULES) -> bool:
    """Whether a typed word may be replaced at all, whatever is near it: not a stop word
    (found everywhere, so never the problem), and not a word the index has, unless it is
    long and very rare."""
    if term is None:
        return False
    return not (matches > rules.rare_matches or matches and len(text) < rules.rare_length)


def look_up(lexicon: Lexicon, word: str, rules: Rules = RULES) -> Typed:
    """What the index knows about `word` and, if it may be replaced at all, the vocabulary
    words one edit from it (a few hundred lookups: most of a page that finds few results,
    when its words are all common ones narrowed by filters)."""
    term = index_term(word)
    matches = _matches(lexicon, term)
    if not replaceable(word, term, matches, rules):
        return Typed(word, term, matches, ())
    found = [
        Candidate(text, index_term(text), articles, names, _matches(lexicon, index_term(text)))
        for text, (articles, names) in lexicon.vocabulary(set(edits(fold(word)))).items()
    ]
    return Typed(word, term, matches, tuple(found))


def _matches(lexicon: Lexicon, term: str | None) -> int:
    return 0 if term is None else lexicon.matches(term)


def edits(word: str) -> Iterator[str]:
    """Every word one edit from `word` with its first letter: most typing errors keep it,
    and the candidates to look up are fewer."""
    head, tail = word[:1], word[1:]
    letters = set(_LETTERS) | set(tail)
    for i in range(len(tail) + 1):
        left, right = tail[:i], tail[i:]
        for letter in letters:
            yield head + left + letter + right  # inserted
            if right and letter != right[0]:
                yield head + left + letter + right[1:]  # substituted
        if right:
            yield head + left + right[1:]  # deleted
        if len(right) > 1 and right[0] != right[1]:
            yield head + left + right[1] + right[0] + right[2:]  # swapped


def _cased_like(original: str, word: str) -> str:
    if len(original) > 1 and original.isupper():
        return word.upper()
    return word.capitalize() if original[0].isupper() else word
