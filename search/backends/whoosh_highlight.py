"""Passages with matches in <mark>: Whoosh's highlighter with an escaping formatter."""

from __future__ import annotations

from html import escape

from whoosh import highlight
from whoosh.analysis import Analyzer

PASSAGE_CHARS = 240


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


def passages(text: str, terms: frozenset[str], analyzer: Analyzer, top: int = 3) -> list[str]:
    """Up to `top` HTML passages around matches, in text order; the opening if none match.

    A passage cut from inside the text is marked with an ellipsis at the cut.
    """
    found = []
    if terms and text:
        tokens = analyzer(text, chars=True, mode="query", removestops=False)
        tokens = highlight.set_matched_filter(tokens, terms)
        fragments = _PASSAGES.fragment_tokens(text, tokens)
        best = highlight.top_fragments(fragments, top, _SCORER, highlight.FIRST, minscore=1)
        for fragment in best:
            html = " ".join(_FORMATTER.format_fragment(fragment).split())
            before = "… " if text[: fragment.startchar].strip() else ""
            after = " …" if text[fragment.endchar :].strip() else ""
            found.append(f"{before}{html}{after}")
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
