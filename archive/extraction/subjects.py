"""Whose words a clause reports when no name stands right before its verb.

"Governor X agreed, saying ...", "X expressed concern, and suggested ...", "X, a veteran,
author and candidate, said ...": the speaker is the subject that opens the sentence.
"""

from __future__ import annotations

import re

from .lexicon import COMPANY_FORMS, ORG_LOWER, PARTICLES, ROLE_WORDS
from .names import bare
from .phrases import speaker_phrase, walk_back
from .speakers import Context, Speaker, is_role, resolve, resolve_phrase
from .speech_words import ORG_NOUNS
from .text import without_the
from .types import ORGANISATION, PERSON

_TOKENS = re.compile(r"\S+")
# A time or place adverbial opening the sentence ("On Thursday, ", "In a statement, ").
_LEAD = re.compile(
    r"(?:(?:On|In|At|During|Last|This|Earlier|Later|Yesterday|Today|Meanwhile|However"
    r"|Separately|Also|Just|Before|After|Shortly|Soon|Following|Amid|Despite|Since|Within"
    r"|Hours|Days|Weeks|Months)\b[^,.;\"\u201c]{0,50},\s+)?"
)
_LINKS = frozenset({"the", "of", "for", "and", "de", "del"}) | PARTICLES
# "X and Y said", "X, along with Y, said": a second subject before the one found.
_JOINT = re.compile(r"(?:\s+and|,?\s+(?:along|together)\s+with)\s+$")
# "Merrill Lynch and Co analyst X": "and Co" ends one company's name, it joins no one.
_COMPANY_TAIL = re.compile(r"(?:Co|Company|Sons|Partners)\b")
_DESCRIBED_NAME = re.compile(
    r"(?:[\w'\u2019-]+\s+){1,6}?((?:[A-Z][\w'\u2019.-]+\s+){1,3}[A-Z][\w'\u2019-]+)\s+[a-z]"
)
# A group opening the sentence, then the names it includes, set off by commas.
_INCLUDED = re.compile(
    r"(?:[A-Z][a-z]+,\s+)?(?:[\w'\u2019-]+\s+){0,5}[\w'\u2019-]+,\s+(?:including|such as)\s+"
    r"(?P<names>[^;:\"\u201c]{3,200}?),\s*(?:$|(?=[a-z])(?!and\b|or\b))"
)
LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_NAME_APPOSITION = re.compile(r"[^,;\"\u201c]{3,120}, ((?:[A-Z][\w'\u2019.-]+ ?){2,4}),")


def _subject_end(body: str, start: int, end: int) -> int:
    """Where the name run opening body[start:end] stops: at its first common word or comma."""
    for token in _TOKENS.finditer(body, start, end):
        word = token.group()
        lower = word.lower().rstrip(",")
        if not word[:1].isupper() and lower not in _LINKS | ROLE_WORDS | ORG_LOWER:
            return token.start()
        if word.endswith(","):
            return token.end() - 1
    return start


def included_speakers(ctx: Context, start: int, limit: int) -> list[Speaker]:
    """'Fifty former officials, including John Brennan and Leon Panetta, signed …': a group
    that speaks, through the names it lists."""
    included = _INCLUDED.match(ctx.body, start, limit)
    if not included:
        return []
    found: list[Speaker] = []
    for item in LIST_SEPARATOR.split(included.group("names")):
        words = item[walk_back(item) :]
        named = resolve(ctx, words, limit) if any(w[:1].isupper() for w in words.split()) else None
        if named and named not in found:
            found.append(named)
    return found


def sentence_subjects(ctx: Context, sent_start: int, limit: int) -> list[Speaker]:
    """The named subjects opening the sentence before `limit`, or a name apposition after it."""
    body = ctx.body
    lead = _LEAD.match(body, sent_start, limit)
    start = lead.end() if lead else sent_start
    included = included_speakers(ctx, start, limit)
    if included:
        return included
    end = _subject_end(body, start, limit)
    if end > start:
        phrase = speaker_phrase(body, start, end)
        speaker = resolve_phrase(ctx, phrase, end)
        if speaker:
            joint = joint_subject(ctx, phrase.start, start)
            return [speaker, joint[0]] if joint else [speaker]
    apposition = _NAME_APPOSITION.match(body, start, limit)
    speaker = resolve(ctx, apposition.group(1).strip(), limit) if apposition else None
    if speaker is None:
        speaker = _described_person(ctx, start, limit)
    return [speaker] if speaker else []


def _described_person(ctx: Context, start: int, limit: int) -> Speaker | None:
    """'Hunter Biden's former business partner Tony Bobulinski held …': a person the article
    names, after the words that describe them."""
    described = _DESCRIBED_NAME.match(ctx.body, start, limit)
    known = ctx.registry.resolve_person(described.group(1)) if described else None
    return ctx.person(known) if known else None


# Up to three capitalised words and "and" before a phrase: "The Food and …", "US Food and …".
_AND_BEFORE = re.compile(r"(?:\bthe\s+)?((?:[A-Z][\w'\u2019.-]*\s+){1,3})and\s+$")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def _ends_in_legal_form(phrase: str) -> bool:
    """ "… Banking Group Ltd": a firm's legal form, capitalised, ends the phrase."""
    last = bare(phrase.split()[-1]).rstrip(".") if phrase.split() else ""
    return last[:1].isupper() and last.lower() in COMPANY_FORMS


def joined_body(
    ctx: Context, phrase: str, phrase_start: int, sent_start: int
) -> tuple[Speaker, int] | None:
    """'The Food and Drug Administration said': one body the article names with "and" in its
    name, not two subjects ("Food" and "Drug Administration"); or the person of that body
    ("Carl Hensman of the Bill and Melinda Gates Foundation noted"). With where the speaker's
    words open."""
    left = _AND_BEFORE.search(ctx.body, sent_start, phrase_start)
    if not left:
        return None
    words = left.group(1).split()
    joined = (f"{' '.join(words[i:])} and {without_the(phrase)}" for i in range(len(words)))
    # "Gulf and Western said" after "Gulf and Western Inc": the firm by its short name too.
    named = (ctx.registry.find_org(name) or ctx.registry.company_named(name) for name in joined)
    body = next((name for name in named if name), None) or _and_ministry(ctx, left, phrase)
    of = _OF_BEFORE.search(ctx.body, sent_start, left.start())
    if body is None and of and _ends_in_legal_form(phrase):
        # "Bob Edgar of the Australia and New Zealand Banking Group Ltd said": a firm's name
        # after "of" holds the "and", though the text names it nowhere else.
        body = ctx.registry.add_org(f"{' '.join(words)} and {without_the(phrase)}")
    if body is None:
        return None
    if of:  # "Carl Hensman of the Bill and Melinda Gates Foundation noted": Hensman
        head = ctx.body[sent_start : of.start()]
        offset = walk_back(head)
        person = resolve(ctx, head[offset:].strip(), sent_start)
        return (person, sent_start + offset) if person and person.kind == PERSON else None
    return Speaker(body, ORGANISATION), left.start()


# Government bodies whose names join two portfolios: "the Post and Telecommunications Ministry".
_PORTFOLIO_HEADS = frozenset(
    {"ministry", "department", "commission", "committee", "agency", "office", "bureau", "board"}
)


def _and_ministry(ctx: Context, left: re.Match[str], phrase: str) -> str | None:
    """'The Post and Telecomunications Ministry said': one body of two portfolios, even when
    not named so before (here misspelt), not "Post" and a ministry."""
    words = left.group(0).split()[:-1]
    if len(words) != 2 or words[0].lower() != "the":
        return None
    name = f"{words[1]} and {without_the(phrase)}"
    parts = name.split()
    if len(parts) != 4 or parts[-1].lower() not in _PORTFOLIO_HEADS:
        return None
    if ctx.registry.resolve_person(words[1]):
        return None
    return ctx.registry.add_org(name)


def joint_subject(ctx: Context, phrase_start: int, sent_start: int) -> tuple[Speaker, int] | None:
    """'Senator X and former governor Y announced': X, the subject joined before Y, and where
    the words naming X start."""
    before = ctx.body[sent_start:phrase_start]
    joint = _JOINT.search(before)
    if not joint or _COMPANY_TAIL.match(ctx.body, phrase_start):
        return None
    head = before[: joint.start()].rstrip(",")
    named, _, aside = head.rpartition(",")
    ends_in_role = aside.split()[-1].lower() in ROLE_WORDS if aside.split() else False
    if named and ends_in_role and is_role(aside.strip()):
        head = named  # "Dudley Taft, Taft vice chairman, and X said": Dudley Taft
    offset = walk_back(head)
    text = head[offset:]
    words = text.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1] in ORG_NOUNS:
        # "Both the council and the government called for …": the council named before.
        speaker = ctx.last_org(words[1], sent_start + offset)
    elif any(w[:1].isupper() for w in words):  # "the crowd and" joins no one
        speaker = resolve(ctx, text, sent_start + offset)
    else:
        speaker = None
    after = ctx.body[phrase_start : phrase_start + 40].split()[:1]
    if speaker and after and f" and {after[0]}" in speaker.name:
        return None  # "the Australian Meat and Livestock Corp": one body's name, not two
    return (speaker, sent_start + offset) if speaker else None
