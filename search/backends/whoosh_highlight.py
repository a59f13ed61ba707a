"""Passages with matches in <mark>: Whoosh's fragmenters with an escaping formatter."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from whoosh import highlight
from whoosh.analysis import Analyzer

PASSAGE_CHARS = 240
Phrases = Sequence[tuple[str, ...]]
_ADJACENT_MARKS = re.compile(r"</mark>(\s+)<mark>")


class MarkFormatter(highlight.HtmlFormatter):
    """Escapes the text, then wraps each match in a bare <mark> (no classes to style)."""

    def __init__(self) -> None:
        super().__init__(tagname="mark")

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return f"<mark>{escape(highlight.get_text(text, token, replace), quote=False)}</mark>"


_FORMATTER = MarkFormatter()
_PASSAGES = highlight.ContextFragmenter(maxchars=PASSAGE_CHARS, surround=90, charlimit=None)
_WHOLE = highlight.WholeFragmenter(charlimit=None)
_SCORER = highlight.BasicFragmentScorer()


def marked_tokens(text: str, terms: frozenset[str], phrases: Phrases, analyzer: Analyzer):
    """The tokens of `text`, `matched` where a term occurs or a whole phrase does."""
    tokens = [t.copy() for t in analyzer(text, chars=True, mode="query", removestops=False)]
    for token in tokens:
        token.matched = False
    words = [t for t in tokens if not t.stopped]
    for token in words:
        token.matched = token.text in terms
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(words) - size + 1):
            if tuple(t.text for t in words[i : i + size]) == phrase:
                for token in words[i : i + size]:
                    token.matched = True
    return [t for t in tokens if not t.stopped or t.matched]


def passages(
    text: str, terms: frozenset[str], analyzer: Analyzer, top: int = 3, phrases: Phrases = ()
) -> list[str]:
    """Up to `top` HTML passages around matches, in text order; the opening if none match.

    A passage cut from inside the text is marked with an ellipsis at the cut.
    """
    found = []
    if (terms or phrases) and text:
        tokens = marked_tokens(text, terms, phrases, analyzer)
        fragments = _PASSAGES.fragment_tokens(text, iter(tokens))
        best = highlight.top_fragments(fragments, top, _SCORER, highlight.FIRST, minscore=1)
        for fragment in best:
            html = _join_marks(" ".join(_FORMATTER.format_fragment(fragment).split()))
            before = "… " if text[: fragment.startchar].strip() else ""
            after = " …" if text[fragment.endchar :].strip() else ""
            found.append(f"{before}{html}{after}")
    if found:
        return found
    return [escape(opening(text), quote=False)] if text.strip() else []


def whole(text: str, terms: frozenset[str], analyzer: Analyzer, phrases: Phrases = ()) -> str:
    """All of `text` as HTML with every match marked; a phrase is one mark."""
    if not (terms or phrases) or not text:
        return escape(text, quote=False)
    tokens = marked_tokens(text, terms, phrases, analyzer)
    if not any(t.matched for t in tokens):
        return escape(text, quote=False)
    [fragment] = _WHOLE.fragment_tokens(text, iter(tokens))
    return _join_marks(_FORMATTER.format_fragment(fragment))


def _join_marks(html: str) -> str:
    return _ADJACENT_MARKS.sub(r"\1", html)


def opening(text: str, limit: int = PASSAGE_CHARS) -> str:
    """The start of `text`, cut on a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
