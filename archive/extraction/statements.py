"""Who said what: quotes and reported speech attributed to people and organisations."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import (
    AGENCIES,
    AUX_WORDS,
    ORG_HEADS,
    ORG_LOWER,
    ORG_PRONOUNS,
    PARTICLES,
    PERSON_PRONOUNS,
    ROLE_HEADS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SAY_VERBS,
)
from .names import Mention, clean_role, is_country_token, split_role
from .registry import Registry
from .text import sentence_spans
from .types import ORGANISATION, PERSON, Statement

_VERB = re.compile(
    r"(?<![\w-])(?:" + "|".join(v.replace(" ", r"\s+") for v in SAY_VERBS) + r")(?![\w-])"
)
_ACCORDING = re.compile(r"(?<!\w)[Aa]ccording to ")
_QUOTE = re.compile(r"\u201c[^\u201c\u201d\n]+\u201d|\"[^\"\n]+\"")
_QUOTE_AFTER = re.compile(r"\s*(?:this\s*)?[,:]?\s*(?=[\u201c\"])")
_THIS_AFTER = re.compile(r"\s+this\b")
# After "X said" these openings mean the statement came before the speaker.
_CLAUSE_BEFORE_END = re.compile(
    r"\s*(?:[.;,!?]|$|(?:in|on|at|during|after|before|late|earlier|last|this|yesterday|today"
    r"|while|when|as|to|via|through|from)\b)"
)
_TOLD = re.compile(r"\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){1,3}?that\s+")
_CITING = re.compile(r"citing [^,]{1,80}, ")
_TOKENS = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_POSSESSIVE_S = re.compile(r"['\u2019]s$")
_LAST_WORD = re.compile(r"(?:^|\s)(\w+)\s*$")
_APPOSITION = re.compile(r",\s+([^,]{2,80}),$")
_ACRONYM = re.compile(r"[A-Z]{2,}")
_THAT = re.compile(r"\s+that\b")
_ACCORDING_WHO = re.compile(r"(?:the )?[A-Z][\w.'\u2019-]*(?: [A-Za-z][\w.'\u2019-]*){0,5}")
_CONNECTORS = frozenset({"to", "of", "for"})
_TRIM = " ,.;:\u2014\u2013-"


@dataclass
class _State:
    """What the attribution pass knows so far about one body."""

    body: str
    registry: Registry
    people: list[tuple[int, str]]  # (offset, canonical name) of every person mention
    quotes: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    lower_words: set[str]
    found: list[tuple[Statement, int | None]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [start for start, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.body))

    def quote_ending_at(self, pos: int) -> int | None:
        for i, (_, end) in enumerate(self.quotes):
            if end == pos:
                return i
        return None

    def inside_quote(self, pos: int) -> bool:
        return any(start < pos < end for start, end in self.quotes)

    def last_speaker(self, kind: str, pos: int) -> str | None:
        earlier = [s.speaker for s, _ in self.found if s.kind == kind and s.start < pos]
        if earlier:
            return earlier[-1]
        if kind == PERSON:
            named = [name for offset, name in self.people if offset < pos]
            return named[-1] if named else None
        return None


def _walk_back(before: str) -> int:
    """Where in `before` the speaker phrase ending it starts ('the Russian Foreign Ministry')."""
    tokens = list(_TOKENS.finditer(before))
    start = len(before)
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        lower = word.lower()
        if i == len(tokens) - 1 and lower in PERSON_PRONOUNS | ORG_PRONOUNS:
            return tokens[i].start()
        if lower == "the":
            return tokens[i].start()
        right = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        left = tokens[i - 1].group() if i > 0 else ""
        connector = lower in _CONNECTORS and right[:1].isupper() and left[:1].isupper()
        speakerish = word[:1].isupper() or lower in PARTICLES or lower in ORG_LOWER
        speakerish = speakerish or lower in ORG_HEADS or lower in ROLE_WORDS or connector
        if not speakerish or word[-1] in ',;:"\u201d)' or (word[-1] == "." and len(word) > 2):
            break
        start = tokens[i].start()
    return start


def _strip_aux(before: str) -> str:
    while True:
        match = _LAST_WORD.search(before)
        if not match or match.group(1).lower() not in AUX_WORDS:
            return before.rstrip()
        before = before[: match.start(1)]


def _speaker_phrase(state: _State, sent_start: int, verb_start: int) -> tuple[int, str, str]:
    """(offset, phrase, appositive role) of whoever stands before the verb."""
    before = _strip_aux(state.body[sent_start:verb_start])
    role = ""
    apposition = _APPOSITION.search(before)
    if apposition and before[apposition.start() - 1 : apposition.start()].strip():
        role, before = apposition.group(1), before[: apposition.start()]
    offset = _walk_back(before)
    return sent_start + offset, before[offset:], role


def _resolve(state: _State, phrase: str, pos: int) -> tuple[str, str, str] | None:
    """(canonical name, kind, role) for a speaker phrase, or None when it names nobody."""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PERSON_PRONOUNS | ORG_PRONOUNS:
        kind = PERSON if words[0].lower() in PERSON_PRONOUNS else ORGANISATION
        name = state.last_speaker(kind, pos)
        return (name, kind, "") if name else None
    the = bool(words) and words[0].lower() == "the"
    words = words[1:] if the else words
    if not words:
        return None
    if " of " in f" {' '.join(words)} ":
        # "Arnel dela Vega of the army's Western Mindanao Command": the person speaks.
        cut = words.index("of")
        person = _resolve_person(state, words[:cut]) if cut else None
        if person:
            return person[0], PERSON, " ".join(words[cut + 1 :])
    if words[-1].lower() in ORG_HEADS and len(words) >= 2 and any(w[:1].isupper() for w in words):
        return state.registry.add_org(" ".join(words)), ORGANISATION, ""
    if the and len(words) == 1 and words[0].lower() in ROLE_NOUNS:
        name = state.last_speaker(PERSON, pos)
        return (name, PERSON, "") if name else None
    if len(words) == 1 and (words[0].lower() in AGENCIES or _ACRONYM.fullmatch(words[0])):
        if is_country_token(words[0]):
            return None
        return state.registry.add_org(words[0]), ORGANISATION, ""
    return _resolve_person(state, words)


def _resolve_person(state: _State, words: list[str]) -> tuple[str, str, str] | None:
    role, name = split_role(words)
    if not name or all(t in PARTICLES or t.endswith(".") for t in name):
        return None
    joined = " ".join(name)
    canonical = state.registry.resolve_person(joined)
    if canonical is None:
        # An unknown lone word ("Calabasas announced") is a person only after a title,
        # and words the article also writes in lower case ("Human Rights") are no name.
        if len(name) == 1 and not (role and role[-1].lower().rstrip(".") in ROLE_HEADS):
            return None
        if any(_POSSESSIVE_S.sub("", t).lower() in state.lower_words for t in name):
            return None
        state.registry.add_persons([Mention(joined, 0, len(joined))])
        canonical = state.registry.resolve_person(joined) or joined
    return canonical, PERSON, clean_role(role)


def _span(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim spaces and edge punctuation; None when too short to be a statement."""
    while start < end and body[start] in _TRIM:
        start += 1
    while end > start and body[end - 1] in _TRIM:
        end -= 1
    return (start, end) if len(body[start:end].split()) >= 3 else None


def _quote_inner(state: _State, index: int) -> tuple[int, int] | None:
    start, end = state.quotes[index]
    return _span(state.body, start + 1, end - 1)


def _text_span(state: _State, verb: re.Match[str], phrase_at: int) -> tuple[tuple, int | None]:
    """Where the statement is: the quote before or after, or the reported clause."""
    body = state.body
    sent_start, sent_end = state.sentence_at(verb.start())
    head = body[sent_start:phrase_at].rstrip()
    quote = (
        state.quote_ending_at(len(head) + sent_start) if head.endswith(("\u201d", '"')) else None
    )
    if quote is not None:
        return _quote_inner(state, quote), quote
    after = _QUOTE_AFTER.match(body, verb.end())
    if after:
        index = next((i for i, q in enumerate(state.quotes) if q[0] == after.end()), None)
        if index is not None:
            return _quote_inner(state, index), index
    if _THIS_AFTER.match(body, verb.end()):
        previous = state.sentence_at(sent_start - 1) if sent_start else None
        return (_span(body, *previous) if previous else None), None
    tail = verb.end()
    if verb.group().startswith(("told", "tells")):
        told = _TOLD.match(body, tail, sent_end)
        tail = told.end() if told else sent_end
    elif head.endswith(",") and _CLAUSE_BEFORE_END.match(body, verb.end(), sent_end):
        return _span(body, sent_start, sent_start + len(head)), None
    that = _THAT.match(body[tail:sent_end])
    return _span(body, tail + (that.end() if that else 0), sent_end), None


def _attribute_verb(state: _State, verb: re.Match[str]) -> None:
    if state.inside_quote(verb.start()):
        return
    sent_start, _ = state.sentence_at(verb.start())
    phrase_at, phrase, role = _speaker_phrase(state, sent_start, verb.start())
    speaker = _resolve(state, phrase, verb.start()) if phrase else None
    if speaker is None:
        return
    span, quote = _text_span(state, verb, phrase_at)
    if span is None:
        return
    name, kind, found_role = speaker
    text = state.body[span[0] : span[1]]
    statement = Statement(name, text, span[0], span[1], kind, role or found_role)
    state.found.append((statement, quote))


def _attribute_according(state: _State, match: re.Match[str]) -> None:
    """'According to TASS, ...' and '..., according to the ministry.'"""
    body = state.body
    sent_start, sent_end = state.sentence_at(match.start())
    rest = _ACCORDING_WHO.match(body, match.end(), sent_end)
    if not rest or state.inside_quote(match.start()):
        return
    phrase = rest.group().rstrip(".")
    speaker = _resolve(state, phrase, match.start())
    if speaker is None:
        return
    after = match.end() + len(phrase)
    if body.startswith(",", after) and match.start() - sent_start < 3:
        tail = after + 1
        citing = _CITING.match(body, tail + 1)
        span = _span(body, citing.end() if citing else tail, sent_end)
    else:
        span = _span(body, sent_start, match.start())
    if span:
        text = body[span[0] : span[1]]
        state.found.append((Statement(speaker[0], text, span[0], span[1], speaker[1]), None))


def _continuations(state: _State) -> None:
    """A quote that directly follows an attributed quote, with no speaker of its own."""
    used = {q for _, q in state.found if q is not None}
    for statement, quote in list(state.found):
        if quote is None or quote + 1 >= len(state.quotes) or quote + 1 in used:
            continue
        _, attribution_end = state.sentence_at(statement.end + 2)
        next_start, _ = state.quotes[quote + 1]
        if state.body[attribution_end:next_start].strip() == "":
            span = _quote_inner(state, quote + 1)
            if span:
                text = state.body[span[0] : span[1]]
                follow = Statement(statement.speaker, text, *span, statement.kind, statement.role)
                state.found.append((follow, quote + 1))
                used.add(quote + 1)


def find_statements(
    body: str, registry: Registry, people: list[tuple[int, str]]
) -> list[Statement]:
    """Every statement in `body`, in order of position."""
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(body)]
    lower_words = set(_LOWER_WORD.findall(body))
    state = _State(body, registry, people, quotes, sentence_spans(body), lower_words)
    events = [(m.start(), 0, m) for m in _VERB.finditer(body)]
    events += [(m.start(), 1, m) for m in _ACCORDING.finditer(body)]
    for _, kind, match in sorted(events, key=lambda e: e[0]):
        (_attribute_according if kind else _attribute_verb)(state, match)
    _continuations(state)
    unique = {(s.start, s.end, s.speaker): s for s, _ in state.found}
    return sorted(unique.values(), key=lambda s: (s.start, s.end))
