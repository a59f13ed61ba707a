"""The text analyzer: Whoosh's stemming chain with accent folding, in one fast pass.

`StemmingAnalyzer(TOKEN_PATTERN, minsize=1) | CharsetFilter(accent_map)` runs five Python
generators per token, and analysis is most of the cost of indexing. `NewsAnalyzer` yields the
same tokens (text, positions, character offsets, stop words; a test compares them with that
chain) from one loop over a compiled pattern and a cache of word → index term. Indexing skips
the token objects altogether (`NewsText.index`).
"""

from __future__ import annotations

import functools
import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

# Keeps formats such as "3+3" whole, since they are what this archive is about.
TOKEN_PATTERN = r"\d+\+\d+|\w+(?:\.?\w+)*"
TOKEN = re.compile(TOKEN_PATTERN, re.UNICODE)
# Splitting keeps separators and tokens alternately; their running lengths are the tokens'
# offsets. All of it runs in C, unlike a loop over match objects (about a quarter faster).
_SPLIT = re.compile(f"({TOKEN_PATTERN})")


@functools.lru_cache(maxsize=200_000)
def index_term(word: str) -> str | None:
    """What the index makes of one token: lower case, stemmed ("talks" finds "talk"), accents
    folded ("Turkiye" finds "Türkiye"); None for a stop word."""
    lowered = word.lower()
    if not lowered or lowered in STOP_WORDS:  # the chain's StopFilter(minsize=1)
        return None
    stemmed: str = stem(lowered)
    return stemmed.translate(accent_map)


def token_bounds(text: str) -> tuple[list[int], list[int], list[str | None]]:
    """Every token's start, end and index term (None for a stop word), as three lists."""
    parts = _SPLIT.split(text)
    bounds = list(accumulate(map(len, parts)))
    # One more separator than tokens: the text ends with one, however short (so `starts`
    # has one more item than the tokens).
    return bounds[0::2], bounds[1::2], list(map(index_term, parts[1::2]))


def _stop_text(word: str) -> str:
    # What the chain leaves of a stop word it keeps (removestops=False): not stemmed.
    return word.lower().translate(accent_map)


def pattern_term(text: str) -> str:
    """A pattern's or fuzzy word's text as the query parser reads it: one token, not split,
    lower case, stemmed and folded, a stop word kept (`_stop_text`)."""
    return index_term(text) or _stop_text(text)


# Raise it whenever the index terms of a text change (splitting, folding, stemming, stop
# words): an index saved with another number is rebuilt by `prepare_site`, not updated.
TERMS_VERSION = 1


# Whoosh has no type hints, so its classes are `Any` to mypy: subclassing them is deliberate.
class NewsAnalyzer(Tokenizer):  # type: ignore[misc]
    """Tokens exactly as Whoosh's chain gives them, including its renumbering of positions
    around removed stop words (the first kept token keeps its own position)."""

    is_morph = True  # stems, like the chain it replaces (Whoosh checks this for spelling)

    def __init__(self) -> None:
        # An instance attribute, so it is pickled with the index's schema: the number the
        # index was built with, where a class attribute would always read the current one.
        self.terms_version = TERMS_VERSION

    def __eq__(self, other: object) -> bool:
        return other is not None and other.__class__ is self.__class__

    def __hash__(self) -> int:
        return hash(self.__class__)

    def has_morph(self) -> bool:
        return True

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        matches: Iterable[tuple[str, int, int, int]]
        if not tokenize:
            matches = [(value, start_pos, start_char, start_char + len(value))]
        else:
            matches = (
                (m.group(), start_pos + i, start_char + m.start(), start_char + m.end())
                for i, m in enumerate(TOKEN.finditer(value))
            )
        kept = None
        for word, pos, startchar, endchar in matches:
            term = index_term(word)
            if term is None:
                if removestops:
                    continue
                token.text, token.stopped = _stop_text(word), True
            else:
                token.text, token.stopped = term, False
                if positions:
                    kept = pos if kept is None else kept + 1
                    pos = kept
            token.boost = 1.0
            if keeporiginal or not tokenize:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = startchar, endchar
            yield token


def term_positions(text: str) -> dict[str, list[int]]:
    """Each index term of `text` with its positions, numbered as `NewsAnalyzer` numbers them."""
    found: dict[str, list[int]] = defaultdict(list)
    pos = None
    for i, match in enumerate(TOKEN.finditer(text)):
        term = index_term(match.group())
        if term is not None:
            pos = i if pos is None else pos + 1
            found[term].append(pos)
    return found


class RawPositions(formats.Positions):  # type: ignore[misc]
    """Word positions as little-endian uint32s instead of Whoosh's pickled deltas, so that a
    block of postings decodes with one NumPy call (phrases, and the saved postings arrays)."""

    def encode(self, poslist: Iterable[int]) -> bytes:
        packed = array("I", poslist)
        if sys.byteorder == "big":
            packed.byteswap()
        return packed.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        packed = array("I")
        packed.frombytes(valuestring)
        if sys.byteorder == "big":
            packed.byteswap()
        return packed.tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4


assert array("I").itemsize == 4, "RawPositions needs 32-bit unsigned ints"


class NewsText(fields.TEXT):  # type: ignore[misc]
    """A TEXT field analysed by `NewsAnalyzer`, indexed without building token objects, with
    positions in `RawPositions`."""

    format: Any  # a Whoosh `Format`, set by `TEXT.__init__`

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=NewsAnalyzer(), **kwargs)
        if type(self.format) is formats.Positions:
            self.format = RawPositions(field_boost=self.format.field_boost)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if kwargs or type(self.format) is not RawPositions:
            yield from super().index(value, **kwargs)
            return
        encode, boost = self.format.encode, self.format.field_boost
        for term, positions in term_positions(value).items():
            yield term.encode("utf-8"), len(positions), len(positions) * boost, encode(positions)
