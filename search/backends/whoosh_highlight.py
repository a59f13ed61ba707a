"""Passages with matches in <mark>: Whoosh's highlighter with an escaping formatter."""

from __future__ import annotations

from html import escape

from whoosh import highlight
from whoosh.analysis import Analyzer

_SEPARATOR = "\x1e"  # splits Whoosh's joined fragments back into passages
PASSAGE_CHARS = 240


class MarkFormatter(highlight.HtmlFormatter):
    """Escapes the text, then wraps each match in a bare <mark> (no classes to style)."""

    def __init__(self) -> None:
        super().__init__(tagname="mark", between=_SEPARATOR)

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return f"<mark>{escape(highlight.get_text(text, token, replace), quote=False)}</mark>"


_FORMATTER = MarkFormatter()
_PASSAGES = highlight.ContextFragmenter(maxchars=PASSAGE_CHARS, surround=90, charlimit=None)
_WHOLE = highlight.WholeFragmenter(charlimit=None)


def passages(text: str, terms: frozenset[str], analyzer: Analyzer, top: int = 3) -> list[str]:
    """Up to `top` HTML passages around matches, in text order; the opening if none match."""
    if terms and text:
        marked = highlight.highlight(
            text, terms, analyzer, _PASSAGES, _FORMATTER, top=top, order=highlight.FIRST
        )
        found = [p.strip() for p in marked.split(_SEPARATOR) if p.strip()]
        if found:
            return found
    return [escape(opening(text), quote=False)] if text.strip() else []


def whole(text: str, terms: frozenset[str], analyzer: Analyzer) -> str:
    """All of `text` as HTML with every match marked."""
    if not terms or not text:
        return escape(text, quote=False)
    marked = highlight.highlight(text, terms, analyzer, _WHOLE, _FORMATTER, top=1)
    return marked or escape(text, quote=False)


def opening(text: str, limit: int = PASSAGE_CHARS) -> str:
    """The start of `text`, cut on a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
