"""The spelling vocabulary: the words an article uses, and those it writes as names.

Spelling suggestions need real, displayable words (the body's terms are stemmed: "collaps")
and how many articles use each, so every article also indexes its distinct words, lower case
and accent-folded, in `words`, and the ones it capitalises in mid-sentence in `names`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import STOP_WORDS, SpaceSeparatedTokenizer
from whoosh.support.charset import accent_map

# Letters only, four or more: the shortest word one edit from one long enough to correct
# (`spelling.Rules.min_length`). Each word an article indexes costs indexing time.
WORD = re.compile(r"[^\W\d_]{4,}")
# Skipped when looking back from a capitalised word for the end of the previous sentence;
# a single line break too, since Reuters wraps its lines (a blank line ends a paragraph).
_OPENERS = frozenset(" \t\r\n\"'“‘«([")
_SENTENCE_ENDS = frozenset(".!?:")
_STOP_WORDS: frozenset[str] = frozenset(STOP_WORDS)  # never a correction: not searchable


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A word as the vocabulary holds it: lower case, accents folded ("São" → "sao")."""
    return word.lower().translate(accent_map)


def words_of(*texts: str) -> set[str]:
    """The distinct words of `texts`, folded, without stop words."""
    return {fold(word) for text in texts for word in WORD.findall(text)} - _STOP_WORDS


def names_of(text: str) -> set[str]:
    """The words `text` capitalises where no sentence or line starts (folded): names, mostly.

    All-capital words are left out: a Reuters headline or a table shouts every word.
    """
    found: set[str] = set()
    for match in WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and not word.isupper() and not _starts_sentence(text, match.start()):
            found.add(fold(word))
    return found - _STOP_WORDS


def _starts_sentence(text: str, start: int) -> bool:
    i, breaks = start - 1, 0
    while i >= 0 and text[i] in _OPENERS:
        breaks += text[i] == "\n"
        i -= 1
    return i < 0 or breaks > 1 or text[i] in _SENTENCE_ENDS


class WordSet(fields.FieldType):  # type: ignore[misc]  # Whoosh is untyped
    """Distinct words given space-separated (as `words_of` and `names_of` make them). Postings
    say only which documents use a word: no frequencies or positions, nothing scored."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), SpaceSeparatedTokenizer(), scorable=False)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for word in set(value.split()):
            yield word.encode("utf-8"), 1, 1.0, b""
