"""Speakers named as a source: 'according to X', 'a report by X', 'was denied by X'."""

from __future__ import annotations

import re

from .attribution import Pass, span
from .lexicon import NON_NAME_WORDS, OUTLET_KINDS, ROLE_WORDS
from .names import is_country_token
from .speakers import Speaker, resolve
from .speech_words import ORG_NOUNS, SPEECH_VERBS
from .text import without_the
from .types import ORGANISATION, PERSON

SPEECH_WORDS = frozenset(SPEECH_VERBS)

ACCORDING = re.compile(r"(?<!\w)[Aa]ccording to ")
_THAT = re.compile(r",?\s+that\s+")
# "Soviet leader Mikhael Gorbachev that he was willing": the clause after a source's name
_CLAUSE_AFTER = re.compile(r"\s(?:that|who|which)\b.*$")
# A passive whose agent is the speaker ("The claim was denied by X").
PASSIVE = re.compile(
    r"(?<![\w-])(?:said|stated|confirmed|denied|announced|reported|claimed|alleged|disclosed"
    r"|revealed|critici[sz]ed|condemned|denounced|praised|welcomed|hailed"
    r"|(?:statement|report|release|announcement)s?\s+(?:released|issued|published"
    r"|made)"
    # "followed an announcement by X that he was willing …": what follows "that" is said
    r"|(?:announcement|statement|pledge|warning|assurance|declaration)"
    r"(?=\s+by\s+[^.;]*?\sthat\s))"
    r"(?:\s+(?:on|late|early|last|this|earlier)\s+[\w-]+|\s+(?:yesterday|today)"
    r"|\s+at\s+the\s+time"
    r"|\s+[a-z]{3,}ly)?\s+by\s+"  # "was announced on Friday by X", "announced recently by X"
    # "commenting on remarks by Under-Secretary X that …", "a joint announcement earlier
    # today by X": words the sentence reports, and who said them.
    r"|(?<![\w-])(?:remarks|comments|announcement|assurances?|warnings?)"
    r"(?:\s+(?:earlier|today|yesterday|this|last|on|[A-Z][a-z]+day|week|month)){0,3}\s+by\s+"
    # "in response to a statement from her brother, King X": a message's author.
    r"|(?<![\w-])(?:statement|message|letter)s?\s+from\s+"
    # "The news came from his son-in-law, X": who broke it.
    r"|(?<![\w-])(?:news|word|confirmation)\s+came\s+from\s+"
)
# "In a statement, the ministry condemned …", "In an advisory issued late Sunday, the
# National Hurricane Center upgraded …": what the subject then does, it does in the statement.
IN_STATEMENT = re.compile(
    r"(?<!\S)In (?:an?|its|their|his|her|the) (?:[\w-]+ ){0,3}?(?:statement|advisory"
    r"|press release|news release|tweet|post|letter|bulletin|communiqu[e\u00e9]|message"
    r"|announcement|notice|speech|address|video|interview)\b[^,;\"\u201c\u201d]{0,80}, "
)
# "according to a recent report by X": the report's author is the source.
_SOURCE_NOUN = re.compile(
    r"(?:an? |the )?(?:[\w-]+ ){0,3}?(?:report|statement|post|tweet|release|announcement"
    r"|article|story|interview|survey|study|message|figures|data|numbers|estimates?|memo"
    r"|letter|filing)s? (?:(?:released|issued|published|posted|made|compiled)(?: online)? )?"
    r"(?:(?:on|in|last|this|earlier) [\w-]+ )?(?:by|from) "
)
_NAME = r"(?:(?:al|el|ad|as|ash|at|az)-)?[A-Z][\w.'\u2019&-]*"  # "al-Eryani" too
_WHO = re.compile(
    rf"(?:the |[a-z]+ ){{0,2}}{_NAME}"
    rf"(?: (?:(?:of|for|and|de|del|da|von|van|al) )?(?:the )?{_NAME}){{0,6}}"
)
# What may follow a source named without a head word: it must end the noun phrase.
_LONG_WHO = re.compile(r"(?:the |[a-z]+ ){0,2}[A-Z][\w.'\u2019-]*(?: [A-Za-z][\w.'\u2019-]*){0,5}")
# A post after an owner's possessive, to the end of the phrase: "the Bank's chief economist".
_POST = re.compile(r"['\u2019]s((?: [a-z][\w-]*){0,3})$")
_POST_REST = re.compile(r"(?: [a-z][\w-]*){1,3}(?=[,.;:]|\s*$)")
_SOURCE_END = re.compile(
    r"[,.;:()]| \(|\s+(?:who|which|that|and|on|in|with|via|at|during|after|before|over|as|for|late"
    r"|early|last|this|yesterday|today|earlier)\b|\s*$"
)
# A time, place or channel between an opening source and its comma.
_ADVERBIAL_GAP = re.compile(
    r"\s+(?:on|in|at|via|late|early|last|this|through|during)\b[^,;\"\u201c]{1,40}(?=,)"
)
# The subject after "In a statement, ", its bracketed acronym, and its verb.
_SUBJECT_VERB = re.compile(
    rf"((?:the )?{_NAME}(?: (?:(?:of|for|and|de|al) )?(?:the )?{_NAME}){{0,6}})"
    r"(?: \([A-Z][\w.&-]{1,10}\))?(?: [a-z]+ly)? ([a-z]+(?:ed|es|s))\b"
)
_ITS_DOCUMENT = re.compile(
    r"its (?:[\w-]+ ){0,2}?(?:report|statement|release|website|announcement|data|figures)s?\b"
)
# "a fire service statement", "the ministry's report": a body by its kind, and its document.
_KIND_DOCUMENT = re.compile(
    r"(?:an? |the )(?:[a-z-]+ )?([a-z]+)(?:['\u2019]s)? (?:report|statement|release"
    r"|announcement|press release|news release)s?\b"
)
# A source's kind in lower case before its name ("nonprofit CNA", "the think tank X").
_KIND_BEFORE = re.compile(r"(?:the |a |an )?(?:[a-z-]+ ){0,2}([a-z-]+) (?=[A-Z])")
# "the Economist magazine's Economist Intelligence Unit": a body an outlet or firm owns,
# named after its owner's possessive; the body is the source.
_OWNER_BEFORE = re.compile(
    r"(?:the )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)* ([a-z]+)['\u2019]s (?=[A-Z])"
)
_SOURCE_KINDS = ORG_NOUNS | OUTLET_KINDS | {"nonprofit", "non-profit", "tank", "watchdog"}
_FINITE = re.compile(r" (?:is|was|are|were|has|had|will)\b")
# What a source is, after its name: "the Associated Press news agency".
_KIND_AFTER = re.compile(
    r"\s+(?:news agency|news service|wire service|newspaper|daily|broadcaster|website"
    r"|magazine|agency)\b"
)
_BRACKETED = re.compile(r"\s*\([A-Z][\w.&-]{1,10}\)")
_DESCRIBED = re.compile(r"(?:[a-z]+ ){1,3}[a-z][a-z-]*, (?=[A-Z])")
# "the El Paso mayor, Dee Margo", "University of X's chancellor, Ann Lee": a role, then the
# person's full name set off by a comma and ending the phrase.
_ROLE_THEN_NAME = re.compile(
    r"\s*(?:the |a |an )?(?:[\w'\u2019.&-]+,? ){0,6}?(?P<role>[a-z][\w-]*), "
    r"(?P<name>[A-Z][\w'\u2019.-]+(?: (?:[a-z]{1,3} )?[A-Z][\w'\u2019.-]+){1,3})"
    r"(?=\s*[,.;!?]|\s*$)"
)
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")
_CITING = re.compile(r", (?:citing [^,]{1,80}|(?:an? |the )?([\w-]+)[^,]{0,160}), ")


def source_speaker(p: Pass, phrase: str, pos: int, end: int) -> Speaker | None:
    """Who a source phrase names; a proper name that is no person is an organisation."""
    speaker = resolve(p.ctx, phrase, pos)
    if speaker or not _SOURCE_END.match(p.body, end):
        return speaker
    # "police in Baytown": a place after a common noun is no source.
    name = without_the(phrase)
    words = name.split()
    if not words or not words[0][:1].isupper() or is_country_token(words[0]):
        return None
    # "according to the Constitution": common nouns capitalised make no source.
    if all(w.lower().strip(".'\u2019") in NON_NAME_WORDS for w in words):
        return None
    return Speaker(p.ctx.registry.add_org(name), ORGANISATION)


def _without_full_stop(phrase: str) -> str:
    """The phrase without a sentence's full stop; "U.S." keeps its own."""
    return phrase if _INITIALS_END.search(phrase) else phrase.rstrip(".")


def _phrase_at(p: Pass, start: int, sent_end: int) -> tuple[str, int] | None:
    source = _SOURCE_NOUN.match(p.body, start, sent_end)
    start = source.end() if source else start
    who = _WHO.match(p.body, start, sent_end)
    if not who:
        return None
    phrase = _without_full_stop(who.group())
    return phrase, start + len(phrase)


def _source_at(p: Pass, start: int, sent_end: int) -> tuple[Speaker, int] | None:
    """The source named at `start`: the proper name alone ('CNN who reported'), or with
    its role words when more of the name follows ('Rutgers University scholar Kelly Dittmar');
    'its press release' is the organisation last named."""
    its = _ITS_DOCUMENT.match(p.body, start, sent_end)
    if its:
        owner = p.ctx.last_speaker(ORGANISATION, start) or p.ctx.last_org("", start)
        return (owner, its.end()) if owner else None
    kind = _KIND_DOCUMENT.match(p.body, start, sent_end)
    if kind and kind.group(1) in ORG_NOUNS:
        # "according to a fire service statement": the service named before.
        owner = p.ctx.last_org(kind.group(1), start)
        return (owner, kind.end()) if owner else None
    named = role_then_name(p, start, sent_end)
    if named:
        return named
    described = _DESCRIBED.match(p.body, start, sent_end)
    if described:
        start = described.end()  # "her younger brother, King X": the name after the comma
    document = _SOURCE_NOUN.match(p.body, start, sent_end)  # "a report by …"
    owned = _OWNER_BEFORE.match(p.body, document.end() if document else start, sent_end)
    if owned and owned.group(1) in _SOURCE_KINDS:
        start = owned.end()
    kind = _KIND_BEFORE.match(p.body, start, sent_end)
    if kind and kind.group(1) in _SOURCE_KINDS:
        start = kind.end()  # "according to nonprofit CNA", "the research group X"
    found = _phrase_at(p, start, sent_end)
    kind = _KIND_AFTER.match(p.body, found[1], sent_end) if found else None
    end = kind.end() if kind else found[1] if found else 0
    if found and _SOURCE_END.match(p.body, end):
        speaker = source_speaker(p, found[0], start, found[1])
        if speaker:
            return speaker, end
    long = _LONG_WHO.match(p.body, start, sent_end)
    if not long:
        return None
    phrase = _without_full_stop(_CLAUSE_AFTER.sub("", long.group()))
    post = _POST.search(phrase)
    rest = _POST_REST.match(p.body, start + len(phrase), sent_end) if post else None
    if post and rest and len((post.group(1) + rest.group()).split()) <= 3:
        phrase += rest.group()
    speaker = resolve(p.ctx, phrase, start)
    return (speaker, start + len(phrase)) if speaker else None


def role_then_name(p: Pass, start: int, end: int) -> tuple[Speaker, int] | None:
    """The person a phrase at `start` names after a role and a comma ("the El Paso mayor,
    Dee Margo"), and where the name ends."""
    found = _ROLE_THEN_NAME.match(p.body, start, end)
    if not found or not _is_role_word(found.group("role")):
        return None
    speaker = resolve(p.ctx, found.group("name"), start)
    return (speaker, found.end("name")) if speaker and speaker.kind == PERSON else None


def attribute_according(p: Pass, match: re.Match[str]) -> None:
    """'According to TASS, ...' and '..., according to the ministry.'"""
    body = p.body
    sent_start, sent_end = p.sentence_at(match.start())
    found = _source_at(p, match.end(), sent_end)
    if not found or p.inside_quote(match.start()):
        return
    speaker, after = found
    bracketed = _BRACKETED.match(body, after, sent_end)
    after = bracketed.end() if bracketed else after  # "According to the Institute (IVS), …"
    gap = _ADVERBIAL_GAP.match(body, after, sent_end)
    if gap and match.start() - sent_start < 3:
        after = gap.end()  # "According to X on Saturday, ..."
    if body.startswith(",", after) and match.start() - sent_start < 3:
        # Skip "citing X" and a role apposition ("Amy Cook, director of the event,").
        aside = _CITING.match(body, after, sent_end)
        relative = aside and aside.group(1) in ("who", "which", "whose")
        head = aside.group().rstrip(", ").split()[-1].lower() if aside else ""
        described = head in ORG_NOUNS or _is_role_word(head)  # ", a cybersecurity firm,"
        if aside and not (
            aside.group(1) is None or _is_role_word(aside.group(1)) or relative or described
        ):
            aside = None  # keep "who spoke after the meeting," out, not a clause of the text
        if aside and not relative and _FINITE.search(aside.group()):
            aside = None  # "the epicenter was located …, ": a clause, not a role
        text = span(body, aside.end() if aside else after + 1, sent_end)
    elif body.startswith(",", after) and len(body[sent_start : match.start()].split()) <= 3:
        # "Longer term, according to X, the goal is …", "The goal, according to X, is …":
        # a few words before the aside are no clause of their own, so the sentence is it.
        text = span(body, sent_start, sent_end)
    else:
        text = span(body, sent_start, match.start())
    p.add(speaker, text, None)


def _is_role_word(word: str) -> bool:
    lower = word.lower()
    return lower in ROLE_WORDS or lower.endswith(("er", "or", "ist", "man", "woman"))


def attribute_passive(p: Pass, match: re.Match[str]) -> None:
    """'The death was confirmed by the Associated Press': the agent said the sentence."""
    before = p.body[max(0, match.start() - 40) : match.start()]
    if p.inside_quote(match.start()) or "ccording to" in before:
        return
    sent_start, sent_end = p.sentence_at(match.start())
    found = _source_at(p, match.end(), sent_end)
    if found:
        that = _THAT.match(p.body, found[1], sent_end)
        p.add(found[0], span(p.body, that.end() if that else sent_start, sent_end), None)


def attribute_in_statement(p: Pass, match: re.Match[str]) -> None:
    """'In a statement, the Foreign Ministry condemned the attack.': the sentence's subject
    speaks, and what it did there is the statement (verbs of saying have their own rules)."""
    sent_start, sent_end = p.sentence_at(match.start())
    if match.start() - sent_start > 2 or p.inside_quote(match.start()):
        return
    subject = _SUBJECT_VERB.match(p.body, match.end(), sent_end)
    if not subject or subject.group(2) in SPEECH_WORDS:
        return
    phrase = _without_full_stop(subject.group(1))
    speaker = resolve(p.ctx, phrase, match.end())
    name = phrase[4:] if phrase.startswith("the ") else phrase
    if speaker is None and phrase.startswith("the ") and not is_country_token(name.split()[0]):
        speaker = Speaker(p.ctx.registry.add_org(name), ORGANISATION)  # "the X Center"
    if speaker is not None:
        p.add(speaker, span(p.body, subject.start(2), sent_end), None)
