"""Passages with matches in <mark>, found by a fast tokenizer equal to the index's analyzer.

Whoosh's highlighter runs the full analyzer chain on every hit's stored text (about 4 ms for a
4,000-character article); a compiled pattern with a cached stemmer gives the same tokens in a
fraction of that, which is what keeps a results page fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from itertools import compress, count

from search.backends.whoosh.analysis import token_bounds
from search.query_tree import Node

PASSAGE_CHARS = 240
SURROUND = 90
Phrases = Sequence[tuple[str, ...]]
Spans = list[tuple[int, int]]
Marking = tuple[frozenset[str], Phrases]  # the index terms to mark, and the phrases


class MarkedText:
    """A backend's `passage_maker`, `highlight` and `highlight_all` from its `marking`: the
    index terms and phrases a query tree marks, found once for any number of texts."""

    def marking(self, tree: Node) -> Marking:
        raise NotImplementedError

    def passage_maker(self, tree: Node) -> Callable[[str], tuple[str, ...]]:
        terms, phrases = self.marking(tree)
        return lambda text: tuple(passages(text, terms, phrases))

    def highlight(self, text: str, tree: Node) -> str:
        return self.highlight_all([text], tree)[0]

    def highlight_all(self, texts: list[str], tree: Node) -> list[str]:
        terms, phrases = self.marking(tree)
        return [whole(text, terms, phrases) for text in texts]


def tokens(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, index term) for every token of `text`, as the index analyzer sees it."""
    starts, ends, terms = token_bounds(text)
    return list(zip(starts, ends, terms, strict=False))


def match_spans(text: str, terms: frozenset[str], phrases: Phrases) -> Spans:
    """Character spans of the matches: single terms, and whole phrases as one span.

    Only the matching tokens become spans: picking them with `compress` keeps the loop over
    every token in C (a 40-word query matches a few hundred of a hit's thousand tokens; a
    tuple for each token made a results page's passages take 15 ms).
    """
    starts, ends, found = token_bounds(text)
    spans = [(starts[i], ends[i]) for i in compress(count(), map(terms.__contains__, found))]
    if phrases:
        words = list(compress(count(), found))  # tokens that are not stop words
        for phrase in phrases:
            size = len(phrase)
            for k in range(len(words) - size + 1):
                if found[words[k]] == phrase[0] and all(
                    found[words[k + j]] == phrase[j] for j in range(1, size)
                ):
                    spans.append((starts[words[k]], ends[words[k + size - 1]]))
        spans.sort()
    return merge(spans, text)


def merge(spans: Spans, text: str) -> Spans:
    """Join overlapping spans, and spans separated only by spaces (one mark per phrase)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, spans: Spans, start: int = 0, end: int | None = None) -> str:
    """`text[start:end]` escaped, with each span inside it in <mark>."""
    end = len(text) if end is None else end
    out, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        out.append(escape(text[position:span_start], quote=False))
        out.append(f"<mark>{escape(text[span_start:span_end], quote=False)}</mark>")
        position = span_end
    out.append(escape(text[position:end], quote=False))
    return "".join(out)


def passages(text: str, terms: frozenset[str], phrases: Phrases = (), top: int = 3) -> list[str]:
    """Up to `top` passages around the best clusters of matches, in text order; the opening
    of the text if nothing matches. A cut inside the text is shown with an ellipsis."""
    spans = match_spans(text, terms, phrases) if (terms or phrases) and text else []
    return passages_at(text, spans, top)


def passages_at(text: str, spans: Spans, top: int = 3) -> list[str]:
    """`passages` for matches already found: `spans` sorted and merged (`merge`)."""
    if not spans:
        return [escape(opening(text), quote=False)] if text.strip() else []
    windows = _windows(spans, len(text))
    best = sorted(sorted(windows, key=lambda w: -w[2])[:top])
    found = []
    for start, end, _ in best:
        start, end = _widen(text, start, end)
        html = " ".join(mark(text, spans, start, end).split())
        before = "… " if text[:start].strip() else ""
        after = " …" if text[end:].strip() else ""
        found.append(f"{before}{html}{after}")
    return found


def _windows(spans: Spans, size: int) -> list[tuple[int, int, int]]:
    """Group nearby matches into windows of about PASSAGE_CHARS: (start, end, matches)."""
    windows: list[list[int]] = []
    for start, end in spans:
        if windows and end - windows[-1][0] <= PASSAGE_CHARS - SURROUND:
            windows[-1][1] = end
            windows[-1][2] += 1
        else:
            windows.append([start, end, 1])
    return [(max(0, s - SURROUND), min(size, e + SURROUND), n) for s, e, n in windows]


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Move a window's edges out to word boundaries."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def whole(text: str, terms: frozenset[str], phrases: Phrases = ()) -> str:
    """All of `text` as HTML with every match marked; a phrase is one mark."""
    if not (terms or phrases) or not text:
        return escape(text, quote=False)
    return mark(text, match_spans(text, terms, phrases))


def opening(text: str, limit: int = PASSAGE_CHARS) -> str:
    """The start of `text`, cut on a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
