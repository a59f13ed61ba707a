"""Who said what: quotes and reported speech attributed to people and organisations."""

from __future__ import annotations

import bisect
import re

from .names import Mention
from .quotes import Quote, find_quotes, interview_turns
from .registry import Registry
from .speakers import Context, Speaker, resolve, resolve_phrase, speaker_phrase
from .speech_words import INTERVIEWER_TAGS, SPEECH_VERBS, WEAK_VERBS
from .text import sentence_spans
from .types import Statement

_VERB = re.compile(
    r"(?<![\w-])(?:" + "|".join(v.replace(" ", r"\s+") for v in SPEECH_VERBS) + r")(?![\w-])"
)
_ACCORDING = re.compile(r"(?<!\w)[Aa]ccording to ")
_ADVERBIAL = (
    r"(?:\s+(?:on|in|at|during|after|via|to|late|early|last|this|through)\b"
    r"[^,.;:\"\u201c\u201d]{0,60}?)?"
)
_QUOTE_AFTER = re.compile(_ADVERBIAL + r"\s*(?:this\s*)?[,:]?\s*(?=[\u201c\"])")
_THAT_AFTER = re.compile(_ADVERBIAL + r",?\s+that\s+")
_THIS_AFTER = re.compile(r"\s+this\b")
_TOLD = re.compile(
    r"\s+(?:(?:the|a|an|local|state|news|several)\s+)*(?:reporters|journalists|media|press"
    r"|him|her|them|us|me|lawmakers|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
    + _ADVERBIAL
    + r"(?:,?\s+that\b|\s*[,:])?\s+(?!to\b)"
)
# After "X said" these openings mean the statement came before the speaker.
_CLAUSE_BEFORE_END = re.compile(
    r"\s*(?:[.;,!?]|$|(?:in|on|at|during|after|before|late|earlier|last|this|yesterday|today"
    r"|while|when|as|to|via|through|from)\b)"
)
_INVERTED = re.compile(r"[\u201d\"][,.!?]?\s*$|[,!?][\u201d\"]\s*$")
_AFTER_WHO = re.compile(r"\s+((?:the |a |an )?[^\s,;:!?]+(?: [^\s,;:!?]+){0,7})")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_INFINITIVE = re.compile(r"\s+to\s")
# A clause opening with these is background, not the statement ("After his arrest, X said").
_SUBORDINATE = re.compile(
    r"[\"\u201c]?(?:After|Before|When|While|As|If|Although|Though|Since|Because|Once|Until)\b"
)
_CITING = re.compile(r"citing [^,]{1,80}, ")
_ACCORDING_WHO = re.compile(
    r"(?:the |[a-z]+ ){0,2}[A-Z][\w.'\u2019-]*(?: [A-Za-z][\w.'\u2019-]*){0,5}"
)
# Texts that are only a circumstance or a relative clause, not what was said.
_NO_STATEMENT = re.compile(
    r"(?:(?:in|on|at|via|during) (?:a |an |the )?[\w'\u2019-]+(?: [\w'\u2019-]+){0,3}$"
    r"|(?:who|which|whose)\b)"
)
_TRIM = " ,.;:\u2014\u2013-"


class _Pass:
    """One attribution pass over a body."""

    def __init__(self, body: str, ctx: Context, quotes: list[Quote]) -> None:
        self.body, self.ctx, self.quotes = body, ctx, quotes
        self.sentences = sentence_spans(body)
        self.starts = [s for s, _ in self.sentences]
        self.by_end = {q.end: i for i, q in enumerate(quotes)}
        self.by_start = {q.start: i for i, q in enumerate(quotes)}
        self.masked = sorted((q.start, q.end) for q in quotes)
        self.found: dict[tuple[int, int], tuple[Statement, int | None]] = {}

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.body))

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.masked, (pos, len(self.body) + 1)) - 1
        return i >= 0 and self.masked[i][0] < pos < self.masked[i][1]

    def add(self, speaker: Speaker, span: tuple[int, int] | None, quote: int | None) -> None:
        if span is None or span in self.found:
            return
        text = self.body[span[0] : span[1]]
        statement = Statement(
            speaker.name, text, span[0], span[1], speaker.kind, speaker.role, speaker.country
        )
        self.found[span] = (statement, quote)
        self.ctx.spoken.append((span[0], speaker))


def _span(body: str, start: int, end: int, keep_end: bool = False) -> tuple[int, int] | None:
    """Trim spaces and edge punctuation; None when too short to be a statement."""
    while start < end and body[start] in _TRIM:
        start += 1
    while end > start and (body[end - 1].isspace() or (not keep_end and body[end - 1] in _TRIM)):
        end -= 1
    if len(body[start:end].split()) < 3 or _NO_STATEMENT.match(body, start, end):
        return None
    return start, end


def _quote_span(p: _Pass, index: int) -> tuple[int, int] | None:
    return _span(p.body, *p.quotes[index].inner)


def _quote_before(p: _Pass, sent_start: int, phrase_at: int) -> int | None:
    head = p.body[sent_start:phrase_at].rstrip().rstrip(",")
    return p.by_end.get(sent_start + len(head)) if head.endswith(("\u201d", '"')) else None


def _text_span(p: _Pass, verb: re.Match[str], phrase_at: int) -> list[tuple]:
    """(span, quote index) of each passage the verb attributes."""
    body = p.body
    sent_start, sent_end = p.sentence_at(verb.start())
    result = []
    before = _quote_before(p, sent_start, phrase_at)
    if before is not None:
        result.append((_quote_span(p, before), before))
    after = _QUOTE_AFTER.match(body, verb.end(), sent_end + 2)
    if after and after.end() in p.by_start and (before is None or "," in after.group()):
        index = p.by_start[after.end()]
        result.append((_quote_span(p, index), index))
    if result:
        return result
    word = verb.group()
    if _THIS_AFTER.match(body, verb.end()):
        previous = p.sentence_at(sent_start - 1) if sent_start else None
        return [(_span(body, *previous) if previous else None, None)]
    tail = verb.end()
    if word.startswith(("told", "tells")):
        told = _TOLD.match(body, verb.end(), sent_end)
        if not told:
            return []
        tail = told.end()
        if tail in p.by_start:
            return [(_quote_span(p, p.by_start[tail]), p.by_start[tail])]
    weak = word in WEAK_VERBS or _INFINITIVE.match(body, tail)
    head = body[sent_start:phrase_at].rstrip()
    if (
        head.endswith(",")
        and not weak
        and not _SUBORDINATE.match(head)
        and _CLAUSE_BEFORE_END.match(body, tail, sent_end)
    ):
        return [(_span(body, sent_start, len(head) + sent_start), None)]
    that = _THAT_AFTER.match(body, tail, sent_end)
    if that:
        return [(_span(body, that.end(), sent_end), None)]
    return [] if weak else [(_span(body, tail, sent_end), None)]


def _inverted_speaker(p: _Pass, verb: re.Match[str], sent_start: int) -> Speaker | None:
    """'"We will win," said Anna Petrova.': the speaker follows the verb."""
    if not _INVERTED.search(p.body, sent_start, verb.start()):
        return None
    who = _AFTER_WHO.match(p.body, verb.end())
    words = who.group(1).split() if who else []
    # A full stop ends the phrase unless it closes an initial ("John G. Roberts").
    cut = next((i for i, w in enumerate(words) if w.endswith(".") and len(w) > 2), None)
    words = words[: cut + 1] if cut is not None else words
    if words:
        words[-1] = words[-1].rstrip(".") if len(words[-1]) > 2 else words[-1]
    for n in range(len(words), 0, -1):
        if words[n - 1][:1].isupper() or n == 2:
            speaker = resolve(p.ctx, " ".join(words[:n]), verb.start())
            if speaker:
                return speaker
    return None


def _attribute_verb(p: _Pass, verb: re.Match[str]) -> None:
    if p.inside_quote(verb.start()):
        return
    sent_start, _ = p.sentence_at(verb.start())
    phrase = speaker_phrase(p.body, sent_start, verb.start())
    phrase_at = phrase.start
    speaker = resolve_phrase(p.ctx, phrase, verb.start())
    if speaker is None and not phrase.text:
        speaker = _inverted_speaker(p, verb, sent_start)
        phrase_at = verb.start()
    if speaker is None:
        return
    for span, quote in _text_span(p, verb, phrase_at):
        p.add(speaker, span, quote)


def _attribute_according(p: _Pass, match: re.Match[str]) -> None:
    """'According to TASS, ...' and '..., according to the ministry.'"""
    body = p.body
    sent_start, sent_end = p.sentence_at(match.start())
    rest = _ACCORDING_WHO.match(body, match.end(), sent_end)
    if not rest or p.inside_quote(match.start()):
        return
    phrase = rest.group().rstrip(".")
    speaker = resolve(p.ctx, phrase, match.start())
    if speaker is None:
        return
    after = match.end() + len(phrase)
    if body.startswith(",", after) and match.start() - sent_start < 3:
        citing = _CITING.match(body, after + 2)
        span = _span(body, citing.end() if citing else after + 1, sent_end)
    else:
        span = _span(body, sent_start, match.start())
    p.add(speaker, span, None)


def _interviews(p: _Pass) -> None:
    """Tagged answers of an interview, each a statement of the person tagged."""
    for turn in interview_turns(p.body):
        p.masked.append((turn.start - 1, turn.end + 1))
        if turn.tag in INTERVIEWER_TAGS:
            continue
        if turn.tag.isupper() and len(turn.tag) <= 4:
            name = p.ctx.registry.person_by_initials(turn.tag)
        else:
            p.ctx.registry.add_persons([Mention(turn.tag, 0, len(turn.tag))])
            name = p.ctx.registry.resolve_person(turn.tag)
        if name:
            p.add(p.ctx.person(name), _span(p.body, turn.start, turn.end, keep_end=True), None)
    p.masked.sort()


def _continuations(p: _Pass) -> None:
    """Quotes with no speaker of their own that carry on an attributed quote."""
    used = {q for _, q in p.found.values() if q is not None}
    for statement, quote in sorted(p.found.values(), key=lambda f: f[0].start):
        index = quote
        while index is not None and index + 1 < len(p.quotes) and index + 1 not in used:
            _, attribution_end = p.sentence_at(p.quotes[index].end + 1)
            gap = p.body[max(attribution_end, p.quotes[index].end) : p.quotes[index + 1].start]
            if not (p.quotes[index].continued or gap.strip() == ""):
                break
            index += 1
            used.add(index)
            speaker = Speaker(statement.speaker, statement.kind, statement.role, statement.country)
            p.add(speaker, _quote_span(p, index), index)


def find_statements(
    body: str, registry: Registry, people: list[Mention], orgs: list[tuple[int, str]]
) -> list[Statement]:
    """Every statement in `body`, in order of position.

    `people` are the body's person mentions under canonical names; `orgs` the
    (offset, canonical name) of its organisation mentions.
    """
    ctx = Context(body, registry, people, orgs, set(_LOWER_WORD.findall(body)))
    p = _Pass(body, ctx, find_quotes(body))
    _interviews(p)
    events = [(m.start(), 0, m) for m in _VERB.finditer(body)]
    events += [(m.start(), 1, m) for m in _ACCORDING.finditer(body)]
    for _, kind, match in sorted(events, key=lambda e: e[0]):
        (_attribute_according if kind else _attribute_verb)(p, match)
    _continuations(p)
    return sorted((s for s, _ in p.found.values()), key=lambda s: (s.start, s.end))
