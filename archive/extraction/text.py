"""Sentence spans and whitespace tidying shared by the extractors."""

from __future__ import annotations

import bisect
import re
from typing import Any

# A sentence ends at . ! ? (plus closing quotes) followed by space and a capital or quote.
_BOUNDARY = re.compile(r"[.!?]['\"\u2019\u201d)]*(?=\s+['\"\u2018\u201c(]?[A-Z0-9\u0400-\u04ff])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Rep|Rev|No|vs"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|U\.S|U\.K|e\.g|i\.e))\.$"
)
_PARAGRAPH = re.compile(r"[^\n]+")
# Text without sentence punctuation would otherwise be one "sentence" of any length, and
# every attribution verb in it reads its whole sentence: quadratic time. No real sentence is
# this long (the longest in the Wikinews and Reuters corpora: 1,828 characters).
MAX_SENTENCE = 2000
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def tidy_line(line: str) -> str:
    """One line with invisible characters dropped and runs of spaces collapsed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end]; paragraphs always end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text, 0, end):
        if para.end() <= start:
            continue
        p_start, p_end = max(para.start(), start), para.end()
        cursor = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            if _ABBREVIATION.search(text, max(p_start, match.start() - 6), match.start() + 1):
                continue
            spans.append((cursor, match.end()))
            cursor = match.end()
            while cursor < p_end and text[cursor] == " ":
                cursor += 1
        if cursor < p_end:
            spans.append((cursor, p_end))
    return [piece for span in spans for piece in _pieces(text, *span)]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) cut into runs of at most MAX_SENTENCE characters, at a space if any."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut + 1 if text[cut] == " " else cut
    pieces.append((start, end))
    return pieces


def without_the(text: str) -> str:
    """`text` without a leading "the" ("the United Kingdom" -> "United Kingdom")."""
    return text[4:] if text.lower().startswith("the ") else text


def first_sentence(text: str, limit: int = 120) -> str:
    """The first sentence of `text`, cut on a word boundary to about `limit` characters."""
    spans = sentence_spans(text)
    sentence = text[spans[0][0] : spans[0][1]] if spans else text
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-\u2013\u2014 ") + "\u2026"


def trie_pattern(phrases: tuple[str, ...] | list[str]) -> str:
    """One regex alternation for many phrases, shared prefixes factored out.

    A plain "a|b|c..." makes the engine try every phrase at every position; the trie
    tries one branch per letter, so a long verb list costs about as much as a short one.
    Spaces inside phrases match any whitespace.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    # Lazy: the shortest phrase wins, as "told" before "told reporters" in a plain list.
    return "(?:" + "|".join(branches) + ")" + ("??" if optional else "")


class Sentences:
    """A body's sentences, found once and looked up by position in logarithmic time."""

    def __init__(self, body: str) -> None:
        self.spans = sentence_spans(body)
        self.starts = [start for start, _ in self.spans]
        self._length = len(body)

    def index(self, pos: int) -> int:
        """The index of the sentence holding `pos` (-1 before the first)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `pos`."""
        return self.spans[max(0, self.index(pos))] if self.spans else (0, self._length)

    def start_of(self, pos: int) -> int:
        i = self.index(pos)
        return self.starts[i] if i >= 0 else 0


def one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter left out, added or changed (the first kept; a
    plural's "s" is no typo: "Williams" is not "William Pipe Line Co")."""
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or a + "s" == b or b + "s" == a:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
