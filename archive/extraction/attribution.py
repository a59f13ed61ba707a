"""The state of one attribution pass over a body, shared by the attribution patterns."""

from __future__ import annotations

import bisect
import re

from .quotes import Quote
from .speakers import Context, Speaker
from .types import QUOTE, REPORTED, Statement

# Texts that are only a circumstance or a relative clause, not what was said.
_NO_STATEMENT = re.compile(
    r"(?:(?:in|on|at|via|during) (?:a |an |the )?[\w'\u2019-]+(?: [\w'\u2019-]+){0,3}$"
    r"|(?:who|which|whose)\b)"
)
_TRIM = " ,.;:\u2014\u2013-"


class Pass:
    """One attribution pass over a body: its sentences, quotes and statements found."""

    def __init__(self, body: str, ctx: Context, quotes: list[Quote]) -> None:
        self.body, self.ctx, self.quotes = body, ctx, quotes
        self.by_end = {q.end: i for i, q in enumerate(quotes)}
        self.by_start = {q.start: i for i, q in enumerate(quotes)}
        self.masked = sorted((q.start, q.end) for q in quotes)
        self.spans: set[tuple[int, int]] = set()
        self.found: dict[tuple[tuple[int, int], str], tuple[Statement, int | None]] = {}
        # Speakers by the start of the sentence their statement starts in: a look back
        # within one sentence then reads that sentence's few, not every one so far.
        self.spoken_in: dict[int, list[tuple[int, Speaker]]] = {}

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self.ctx.sentences.at(pos)

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.masked, (pos, len(self.body) + 1)) - 1
        return i >= 0 and self.masked[i][0] < pos < self.masked[i][1]

    def add(
        self,
        speaker: Speaker,
        span: tuple[int, int] | None,
        quote: int | None,
        shared: bool = False,
        verbatim: bool = False,
    ) -> None:
        """Record a statement; a passage has one speaker unless `shared` by joint subjects.
        It is a direct quote when it is a quotation (`quote`) or an interview's answer
        (`verbatim`), reported speech otherwise."""
        if span is None or (span, speaker.name) in self.found:
            return
        if span in self.spans and not shared:
            return
        self.spans.add(span)
        text = self.body[span[0] : span[1]]
        form = QUOTE if quote is not None or verbatim else REPORTED
        statement = Statement(
            speaker.name, text, span[0], span[1], speaker.kind, speaker.role, speaker.country, form
        )
        self.found[(span, speaker.name)] = (statement, quote)
        self.ctx.add_spoken(span[0], speaker)
        self.spoken_in.setdefault(self.sentence_at(span[0])[0], []).append((span[0], speaker))

    def last_in_sentence(self, sent_start: int, pos: int) -> Speaker | None:
        """The speaker last attributed earlier in this sentence ("X said A and added B")."""
        for offset, speaker in reversed(self.spoken_in.get(sent_start, [])):
            if sent_start <= offset < pos:
                return speaker
        return None


def span(body: str, start: int, end: int, keep_end: bool = False) -> tuple[int, int] | None:
    """Trim spaces and edge punctuation; None when too short to be a statement."""
    while start < end and body[start] in _TRIM:
        start += 1
    while end > start and (body[end - 1].isspace() or (not keep_end and body[end - 1] in _TRIM)):
        end -= 1
    if len(body[start:end].split()) < 3 or _NO_STATEMENT.match(body, start, end):
        return None
    return start, end
