"""Backend documents as rows of the search table, analysed in Python by the Whoosh backend's
own analyzer, so that both backends index exactly the same terms (pure).

A `tsvector` is written as its literal (`'lavrov':1A 'talk':12`): the headline's terms carry
weight A (ranked higher), the body's none, and the body's positions start `FIELD_GAP` after
the headline's, so that no phrase runs from one into the other.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from search.backends.whoosh.analysis import term_positions
from search.backends.whoosh.vocabulary import names_of, words_of

ARTICLE, STATEMENT = 0, 1
FIELD_GAP = 100
MAX_POSITION = 16383  # PostgreSQL keeps positions up to this; later ones count as this one
MAX_POSITIONS = 256  # and at most this many positions of one lexeme
MAX_LEXEME_BYTES = 2046
# Kinds of lexicon words: index terms (wildcards, fuzzy words, spelling's match counts), the
# vocabulary's folded words and the words written as names (spelling suggestions).
TERM, WORD, NAME = "t", "w", "n"
COLUMNS = (
    "kind",
    "id",
    "parent",
    "stamp",
    "title",
    "body",
    "role",
    "source",
    "countries",
    "speakers",
    "tag_countries",
    "tag_speakers",
    "date",
    "words",
    "speaker_words",
    "source_words",
    "vocab",
    "names",
)


@dataclass(frozen=True)
class Row:
    """One row of the search table: an article or one of its statements."""

    kind: int
    id: int
    parent: int  # the article (an article's own id)
    stamp: int
    title: str  # as shown
    body: str
    role: str
    source: str
    countries: list[str]  # what the facet counts: a statement's own countries
    speakers: list[str]
    tag_countries: list[str]  # the article's, shown with a hit
    tag_speakers: list[str]
    date: datetime.date | None
    words: str  # tsvector literals
    speaker_words: str
    source_words: str
    vocab: str
    names: str
    lexicon: Counter[tuple[str, str]]  # (kind, word) → 1 for each word this row adds

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, column) for column in COLUMNS)


def rows_of(document: dict[str, Any]) -> list[Row]:
    """The article's row, then one per statement."""
    title, body = document.get("title") or "", document.get("body") or ""
    source = document.get("source") or ""
    countries = list(document.get("countries") or ())
    speakers = list(document.get("speakers") or ())
    speaker_names = "\n".join(document.get("speaker_names") or ())
    headline = "" if document.get("title_from_body") else title
    article_id, stamp, date = int(document["id"]), document.get("stamp") or 0, document.get("date")
    vocab = words_of(title, body, speaker_names)
    names = names_of(title) | names_of(body) | words_of(speaker_names)
    article = _row(
        ARTICLE,
        article_id,
        article_id,
        stamp,
        title,
        body,
        "",
        source,
        countries,
        speakers,
        countries,
        speakers,
        date,
        text_vector(headline, body),
        speaker_names,
        source,
        vocab,
        names,
    )
    statements = [
        _row(
            STATEMENT,
            int(s["id"]),
            article_id,
            stamp,
            "",
            s["text"],
            s.get("role") or "",
            source,
            list(s.get("countries") or ()),
            [s["speaker"]],
            countries,
            speakers,
            date,
            text_vector("", s["text"]),
            "\n".join(s.get("speaker_names") or ()),
            "",
            set(),
            set(),
        )
        for s in document.get("statements") or ()
    ]
    return [article, *statements]


def _row(
    kind: int,
    row_id: int,
    parent: int,
    stamp: int,
    title: str,
    body: str,
    role: str,
    source: str,
    countries: list[str],
    speakers: list[str],
    tag_countries: list[str],
    tag_speakers: list[str],
    date: datetime.date | None,
    words: tuple[str, set[str]],
    speaker_names: str,
    source_text: str,
    vocab: set[str],
    names: set[str],
) -> Row:
    speaker_positions = term_positions(speaker_names)
    source_positions = term_positions(source_text)
    text, terms = words
    lexicon: Counter[tuple[str, str]] = Counter()
    for term in terms | speaker_positions.keys() | source_positions.keys():
        lexicon[TERM, term] = 1
    for word in vocab:
        lexicon[WORD, word] = 1
    for word in names:
        lexicon[NAME, word] = 1
    return Row(
        kind,
        row_id,
        parent,
        stamp,
        title,
        body,
        role,
        source,
        countries,
        speakers,
        tag_countries,
        tag_speakers,
        date,
        text,
        vector(speaker_positions),
        vector(source_positions),
        vector({word: [] for word in sorted(vocab)}),
        vector({word: [] for word in sorted(names)}),
        lexicon,
    )


def text_vector(headline: str, body: str) -> tuple[str, set[str]]:
    """The `words` tsvector of a headline and a body, and the terms in it."""
    title_positions = term_positions(headline)
    body_positions = term_positions(body)
    last = max((p for ps in title_positions.values() for p in ps), default=-1)
    offset = last + 1 + FIELD_GAP if title_positions else 0
    merged: dict[str, list[str]] = {}
    for term, positions in title_positions.items():
        merged[term] = [f"{_position(p)}A" for p in positions]
    for term, positions in body_positions.items():
        merged.setdefault(term, []).extend(str(_position(p + offset)) for p in positions)
    return _literal(merged), set(merged)


def vector(positions: dict[str, list[int]]) -> str:
    return _literal({term: [str(_position(p)) for p in found] for term, found in positions.items()})


def _position(position: int) -> int:
    # The analyzer counts from 0; a tsvector from 1.
    return min(position + 1, MAX_POSITION)


def _literal(terms: dict[str, list[str]]) -> str:
    parts = []
    for term, positions in terms.items():
        if len(term.encode("utf-8")) > MAX_LEXEME_BYTES:
            continue
        quoted = quote(term)
        kept = list(dict.fromkeys(positions))[:MAX_POSITIONS]
        parts.append(f"{quoted}:{','.join(kept)}" if kept else quoted)
    return " ".join(parts)


def quote(lexeme: str) -> str:
    """A lexeme as a tsvector or tsquery literal writes it."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def lexicon_of(rows: Iterable[Row]) -> Counter[tuple[str, str]]:
    total: Counter[tuple[str, str]] = Counter()
    for row in rows:
        total.update(row.lexicon)
    return total
