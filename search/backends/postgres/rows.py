"""Backend documents as rows of the search table, analysed in Python by the Whoosh backend's
own analyzer, so that both backends index exactly the same terms (pure).

A `tsvector` is written as its literal (`'lavrov':1A 'talk':12`): the headline's terms carry
weight A (ranked higher), the body's none, and the body's positions start `FIELD_GAP` after
the headline's, so that no phrase runs from one into the other. `lead` holds the headline and
the body's first `LEAD_TOKENS` words: small enough to stay in the row, it ranks every match
cheaply, and only the best are ranked again on the whole text (`backend`).
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
LEAD_TOKENS = 40
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
    "speaker_names",
    "countries",
    "speakers",
    "tag_countries",
    "tag_speakers",
    "date",
    "lead",
    "words",
    "speaker_words",
    "source_words",
    "pairs",
)
# Positions as a literal writes them (1-based), made once: most of a rebuild's time was
# formatting numbers.
_POSITIONS = [str(p) for p in range(1, MAX_POSITION + 1)]
_TITLE_POSITIONS = [f"{p}A" for p in _POSITIONS]


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
    speaker_names: str  # every spelling, a line each
    countries: list[str]  # what the facet counts: a statement's own countries
    speakers: list[str]
    tag_countries: list[str]  # the article's, shown with a hit
    tag_speakers: list[str]
    date: datetime.date | None
    lead: str  # tsvector literals
    words: str
    speaker_words: str
    source_words: str
    pairs: str  # an article's terms that follow each other in `words`, a lexeme each
    lexicon: Counter[tuple[str, str]]  # (kind, word) → 1 for each word this row adds

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, column) for column in COLUMNS)


def rows_of(document: dict[str, Any]) -> list[Row]:
    """The article's row, then one per statement."""
    title, body = document.get("title") or "", document.get("body") or ""
    source = document.get("source") or ""
    countries = list(document.get("countries") or ())
    speakers = list(document.get("speakers") or ())
    names = "\n".join(document.get("speaker_names") or ())
    headline = "" if document.get("title_from_body") else title
    article_id, stamp, date = int(document["id"]), document.get("stamp") or 0, document.get("date")
    shared = (stamp, source, countries, speakers, date)
    article = _row(ARTICLE, article_id, article_id, shared, title, headline, body, "", names)
    article.lexicon.update(vocabulary(title, body, names))
    statements = [
        _row(
            STATEMENT,
            int(s["id"]),
            article_id,
            shared,
            "",
            "",
            s["text"],
            s.get("role") or "",
            "\n".join(s.get("speaker_names") or ()),
            list(s.get("countries") or ()),
            [s["speaker"]],
        )
        for s in document.get("statements") or ()
    ]
    return [article, *statements]


def _row(
    kind: int,
    row_id: int,
    parent: int,
    shared: tuple[int, str, list[str], list[str], datetime.date | None],
    title: str,
    headline: str,
    body: str,
    role: str,
    speaker_names: str,
    countries: list[str] | None = None,
    speakers: list[str] | None = None,
) -> Row:
    stamp, source, tag_countries, tag_speakers, date = shared
    title_positions, body_positions = term_positions(headline), term_positions(body)
    speaker_positions = term_positions(speaker_names)
    source_positions = term_positions(source) if kind == ARTICLE else {}
    lexicon: Counter[tuple[str, str]] = Counter(
        (TERM, term)
        for term in title_positions.keys()
        | body_positions.keys()
        | speaker_positions.keys()
        | source_positions.keys()
    )
    return Row(
        kind,
        row_id,
        parent,
        stamp,
        title,
        body,
        role,
        source,
        speaker_names,
        tag_countries if countries is None else countries,
        tag_speakers if speakers is None else speakers,
        tag_countries,
        tag_speakers,
        date,
        text_vector(title_positions, body_positions, LEAD_TOKENS),
        text_vector(title_positions, body_positions),
        text_vector({}, speaker_positions),
        text_vector({}, source_positions),
        # A statement's vector is short and kept in its row: its positions are cheap to read.
        pair_vector(title_positions, body_positions) if kind == ARTICLE else "",
        lexicon,
    )


def vocabulary(title: str, body: str, speaker_names: str) -> Counter[tuple[str, str]]:
    """The spelling vocabulary an article adds to the lexicon: its words, and its names."""
    names = names_of(title) | names_of(body) | words_of(speaker_names)
    found = Counter((WORD, word) for word in words_of(title, body, speaker_names))
    found.update((NAME, word) for word in names)
    return found


def text_vector(
    title: dict[str, list[int]], body: dict[str, list[int]], limit: int | None = None
) -> str:
    """The tsvector literal of a headline's and a body's term positions (the analyzer's,
    from 0), the body's only up to position `limit` if given."""
    offset = _body_offset(title)
    parts = []
    for term, positions in title.items():
        found = [_TITLE_POSITIONS[min(p, MAX_POSITION - 1)] for p in positions]
        later = body.get(term)
        if later:
            found += _body_positions(later, offset, limit)
        parts.append(_entry(term, found))
    for term, positions in body.items():
        if term not in title:
            found = _body_positions(positions, offset, limit)
            if found:
                parts.append(_entry(term, found))
    return " ".join(part for part in parts if part)


def pair_vector(title: dict[str, list[int]], body: dict[str, list[int]]) -> str:
    """The tsvector literal of every two terms adjacent in the headline or the body, each
    pair one lexeme (`pair`). A phrase of two words is then one lexeme for the GIN index to
    find, where checking the words' positions reads every candidate's whole vector: 600 ms
    for two words common in 100,000 articles. Only positions `text_vector` keeps count."""
    found: set[str] = set()
    offset = _body_offset(title)
    for positions, shift in ((title, 0), (body, offset)):
        at: dict[int, str] = {}
        for term, places in positions.items():
            kept = MAX_POSITIONS - (len(title.get(term, ())) if shift else 0)
            for place in places[: max(kept, 0)]:
                if place + shift < MAX_POSITION - 1:  # later ones are all kept as the last
                    at[place] = term
        found.update(pair(term, at[place + 1]) for place, term in at.items() if place + 1 in at)
    return " ".join(quote(p) for p in sorted(found))


def _body_offset(title: dict[str, list[int]]) -> int:
    """Where the body's positions start: `FIELD_GAP` past the headline's last, so that no
    phrase runs from one into the other."""
    return max(ps[-1] for ps in title.values()) + 1 + FIELD_GAP if title else 0


def pair(first: str, second: str) -> str:
    """Two adjacent terms as one lexeme (no term holds a space)."""
    return f"{first} {second}"


def _body_positions(positions: list[int], offset: int, limit: int | None) -> list[str]:
    if limit is not None:
        positions = [p for p in positions if p < limit]
    return [_POSITIONS[min(p + offset, MAX_POSITION - 1)] for p in positions]


def _entry(term: str, positions: list[str]) -> str:
    if len(term) * 4 > MAX_LEXEME_BYTES and len(term.encode("utf-8")) > MAX_LEXEME_BYTES:
        return ""
    return f"{quote(term)}:{','.join(dict.fromkeys(positions[:MAX_POSITIONS]))}"


def quote(lexeme: str) -> str:
    """A lexeme as a tsvector or tsquery literal writes it."""
    if "'" in lexeme or "\\" in lexeme:
        lexeme = lexeme.replace("\\", "\\\\").replace("'", "''")
    return f"'{lexeme}'"


def lexicon_of(rows: Iterable[Row]) -> Counter[tuple[str, str]]:
    total: Counter[tuple[str, str]] = Counter()
    for row in rows:
        total.update(row.lexicon)
    return total
