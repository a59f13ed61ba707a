"""Who said what: quotes and reported speech attributed to people and organisations."""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import Pass, span
from .countries import code_for
from .lexicon import AGENCIES, FUNCTION_WORDS, ORG_PRONOUNS, PERSON_PRONOUNS, ROLE_WORDS
from .names import DOTTED_INITIALS, Mention, lower_words, person_mentions, split_role
from .phrases import Phrase, speaker_phrase, walk_back
from .quotes import find_quotes, interview_turns
from .registry import Registry
from .sources import (
    ACCORDING,
    IN_STATEMENT,
    PASSIVE,
    attribute_according,
    attribute_in_statement,
    attribute_passive,
    role_then_name,
)
from .speakers import (
    SPOKESPERSON_FOR,
    Context,
    Speaker,
    introduced_name,
    is_role,
    named_body,
    resolve,
    resolve_phrase,
    spokesperson_of,
    surname_alone,
)
from .speech_words import (
    ADDRESSING_VERBS,
    INTERVIEWER_TAGS,
    MEDIA_HEADS,
    OBJECT_VERBS,
    ORG_VERBS,
    PARTICIPLES,
    SPEECH_VERBS,
    SPOKES_MANY,
    TIME_WORDS,
    WEAK_VERBS,
)
from .subjects import (
    LIST_SEPARATOR,
    included_speakers,
    joined_body,
    joint_subject,
    sentence_subjects,
)
from .text import trie_pattern, without_the
from .types import ORGANISATION, PERSON, Statement

_VERB = re.compile(r"(?<![\w-])" + trie_pattern(SPEECH_VERBS + PARTICIPLES) + r"(?![\w-])")
_ADVERBIAL = (
    r"(?:\s+(?:on|in|at|during|after|via|to|late|early|last|this|through|yesterday|today"
    r"|earlier)\b"
    r"[^,.;:\"\u201c\u201d]{0,60}?)?"
)
_QUOTE_AFTER = re.compile(_ADVERBIAL + r"\s*(?:this\s*)?[,:]?\s*(?=[\u201c\"])")
# "said on Tuesday, after meeting his counterpart, that …": an aside set off by commas too.
_THAT_AFTER = re.compile(_ADVERBIAL + r"(?:,[^,.;:\"\u201c\u201d]{1,80},)?,?\s+that\s+")
# "stated this on Monday": what was said is the sentence before; not "said this was wrong"
_THIS_AFTER = re.compile(
    r"\s+this\s*(?:[:.;,]|$|(?:on|in|at|during|after|before|when|while|as|to|yesterday"
    r"|today)\b)"
)
# "described Day to the BBC in 2002: \"…\"": the verb's object and circumstances, a colon,
# then the quote.
_COLON_QUOTE = re.compile(r"[^.;:\"\u201c\u201d]{1,80}?:\s*(?=[\u201c\"])")
_ADDRESSEE = (
    r"\s+(?:(?:the|a|an|local|state|news|several|national|public|his|her|their|our)\s+)*"
    r"(?:reporters|journalists|media|press|public|him|her|them|us|me|lawmakers"
    r"|correspondents?|interviewers?|listeners|viewers|readers|followers|officials|police"
    r"|those\s+gathered|mourners|protesters|the\s+court|court"
    r"|(?:news|press)\s+(?:conference|briefing)|briefing|television|radio|broadcaster|supporters"
    r"|crowd|audience|parliament|delegates|jury|investigators|students"
    # "told his colleagues", "told a business seminar", "told the annual meeting"
    r"|(?:[a-z][\w-]*\s+){0,2}?(?:colleagues|shareholders|members|meeting|conference"
    r"|seminar|symposium|hearing|committee|subcommittee|forum|gathering|investors|analysts"
    r"|clients|employees|workers|staff|counterparts|ministers|delegation|panel)"
    r"(?:\s+of\s+[a-z][\w-]*)?"  # "told a meeting of analysts"
    # "told the Kuwaiti news agency KUNA": the kind before the name
    r"|(?:[A-Z][\w.'\u2019-]*\s+)?(?:news\s+agency|newspaper|daily|magazine|broadcaster)"
    r"\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"|(?:(?:host|anchor|presenter|interviewer)\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?:\s+(?:news\s+agency|newspaper|daily|television|radio|broadcaster))?)"
    # "told a news conference in Minsk": where the addressee was
    r"(?:\s+in\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?"
)
_TOLD = re.compile(_ADDRESSEE + _ADVERBIAL + r"(?:,?\s+that\b|\s*[,:])?\s+(?!to\b)")
# "told analysts last July that …": the time runs to "that" when one follows.
_TOLD_THAT = re.compile(_ADDRESSEE + _ADVERBIAL + r",?\s+that\s+")
_TOLD_LAST = re.compile(_ADDRESSEE)
# After "X said" these openings mean the statement came before the speaker.
_CLAUSE_BEFORE_END = re.compile(
    r"\s*(?:[.;,!?]|$|(?:in|on|at|during|after|before|late|earlier|last|yesterday|today"
    r"|while|when|as|to|via|through|from)\b"
    # "said this week", not "said this attitude would not help"
    r"|this\s+(?:week|month|year|morning|afternoon|evening|weekend|time)\b)"
)
_INVERTED = re.compile(r"[\u201d\"][,.!?]?\s*$|[,!?][\u201d\"]\s*$")
_AFTER_WHO = re.compile(r"\s+((?:the |a |an )?[^\s,;:!?]+(?: [^\s,;:!?]+){0,10})")
_INFINITIVE = re.compile(r"\s+to\s")
# The end of an attribution set off inside a sentence, which then goes on.
_ASIDE_ENDS = re.compile(_ADVERBIAL + r",\s+(?=[a-z])")
# "…, the Hamburg-based newsletter Oil World said": where a body is based describes it too.
_ARTICLE_AND_ADJECTIVES = re.compile(
    r",\s+((?:the|a|an)(?:\s+(?:[a-z][\w-]*|[A-Z][\w.-]*-based)){0,2}\s+)$"
)
_OFFICES_OF = re.compile(
    r"(?:^|\s)[Tt]he\s+(?P<role>(?:foreign |prime |defence |defense )?(?:leaders|presidents"
    r"|ministers|heads of state))\s+of\s+(?P<countries>(?:the\s+)?[A-Z][\w'\u2019-]*"
    r"(?:\s+[A-Z][\w'\u2019-]*)*(?:,\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)*"
    r",?\s+and\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)\s*$"
)
_AND_BEFORE = re.compile(r"\s+and\s+(?:the\s+)?$")
_CLAUSE_VERBS = frozenset({"said", "says", "added", "adds"})
_CLOSING_QUOTES = ('"', "\u201d")
_EXPRESSED_IN = re.compile(r",\s+expressed in\s$")
# A verb straight after "states" makes it a noun: "member states were", "EC states appeared".
_VERB_AFTER_STATES = re.compile(
    r"\s+(?:[a-z]+ly\s+)?"  # "no barriers to EC states quickly ratifying the accord"
    r"(?:are|were|have|had|will|would|could|should|can|may|might|must|do|did|[a-z]+ed|[a-z]+ing)\b"
)
# A verb's -s form between a list's comma and its "and" is a noun: "bills, notes and bonds".
_LISTED_BEFORE = re.compile(r",\s+$")
_LISTED_AFTER = re.compile(r"\s+(?:and|or)\s")
# Whom a letter was written to is no subject: the letter is.
_OBJECT_OF = re.compile(
    r"\b(?:its|his|her|their|the|a|an)\s+(?:letter|message|memo|note|petition|submission)"
    r"\s+to\s+$"
)
# A clause of its own after a verb of saying: "argued Biden had …", "said that he …".
_NEW_SUBJECT = re.compile(r"\s+(?:that\s+)?(?:[A-Z]|(?:he|she|they|it|we)\b)")
_GERUND = re.compile(r"\s+(?!during\b|including\b)[a-z]{3,}ing\b")
_SENTENCE_END = re.compile(_ADVERBIAL + r"\s*(?:[.!?]|$)")
# Whom a verb addresses, a few words without a verb's punctuation, then "that".
_OBJECT_THAT = re.compile(r"\s+(?:[\w'\u2019.-]+,?\s+){1,7}?that\s+(?!is\b|was\b|were\b|are\b)")
# Whom a verb addresses, then a clause its pronoun opens, "that" left out: "told companies
# they must limit their imports".
_OBJECT_PRONOUN = re.compile(
    r"\s+(?:[a-z][\w'\u2019-]*\s+){1,4}?(?=(?:he|she|they|it|we|there)\s+(?:must|would|will"
    r"|should|could|can|had|have|has|was|were|is|are|did|may|might)\b)"
)
_COMMITTING = frozenset(
    {"vowed", "vows", "pledged", "pledges", "claimed", "claims", "threatened", "promised"}
)
# A complement clause without "that": a short subject, then a finite verb of its own.
_BARE_CLAUSE = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|this|some)\s+)?(?:[\w'\u2019-]+\s+){0,6}?"
    r"(?:was|were|is|are|had|has|have|will|would|could|might|can)\s"
    r"|\s+(?:[A-Z][\w'\u2019-]+\s+){1,3}[a-z]+ed\s"  # "ruled Evers lacked authority"
)
_WITH_SUBJECT = re.compile(
    r",\s+with\s+((?:the\s+)?(?:[A-Z]|latter\b|former\b)[^,;:\"\u201c]{1,80})$"
)
# "called on the government to release …": an appeal, with an infinitive, not a visit or a date.
_CALLED_ON = re.compile(
    r"\s+(?!(?:" + "|".join(sorted(TIME_WORDS)) + r")\b)[^.;:\"\u201c]{1,80}?\bto\s+[a-z]",
    re.IGNORECASE,
)
# "the WHO reported 1,051,635 confirmed cases": figures an organisation gives out.
_FIGURES = re.compile(r"\s+(?:(?:a total of|more than|at least|over|nearly|about|some)\s+)?\d")
_QUOTED_AS = re.compile(
    r"\s+(?:was|were|is|are|has been|had been)\s+(?:also\s+)?quoted(?:\s+by\s+[^,;.]{1,40}?)?"
    r"\s+as$"
)
_POSTED_BEFORE = re.compile(
    r"\b(?:posted|tweeted|wrote|appeared|(?:held|gave|called) a (?:press|news) conference"
    r"|signed an? (?:joint |open )?(?:letter|statement))\b"
    r"[^,.;:\"\u201c]{0,40}$"
)
_QUOTING = re.compile(r"\bquoted\s+((?:[\w'\u2019.,-]+\s+){0,8}?[\w'\u2019.,-]+)\s+as$")
_PAIR = re.compile(
    r"(?:^|\s)(?:[Bb]oth|[Tt]he two)\s+"
    r"(?:men|women|leaders|ministers|presidents|candidates|politicians)\s*$"
)
# "described the decision as a mistake": what something is called.
_AS_LABEL = re.compile(r"\s+[^.;,\"\u201c]{1,60}?\bas\s+(?:a|an|the)?\s*\w")
# Someone unnamed who speaks for a named body, after the verb: "said an official at X".
_SPOKESPERSON_AFTER = re.compile(
    r"\s+(?:(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:spokes(?:man|woman|person)|official"
    r"|representative|executive)|(?:[a-z-]+\s+)?(?:officials|representatives|executives))"
    r"\s+(?:at|of|for|with)\s+(?:the\s+)?([A-Z][^,;.()\"\u201c]{1,80}?)"
    r"(?=\s*[,.;(]|\s*$)"
)
_MEDIA_BEFORE = re.compile(r"\b(?:press|news|media|newspaper|television|radio)\s+$")
_ASKED_ASIDE = re.compile(r",\s*$")
_PLAIN_SENTENCE_END = re.compile(r"[a-z][.!] $")
_ENDS_PARAGRAPH = re.compile(r"[.!?]?\s*(?:\n|$)")
_OTHER_SPEAKER = re.compile(
    r"(?:,\s+(?:while|whereas|but|and|though|although)|;)\s+(?:the\s+)?[A-Z][^,;]{0,60}?\s"
    r"(?:said|says|told|added|argued|insisted|countered|responded|reported)\b"
    # "…, with X calling it A and Y calling it B": X's words end at Y's participle.
    r"|\s+and\s+(?:[A-Z][\w'\u2019-]+\s+){1,3}(?:of\s+[A-Z][\w'\u2019-]+\s+)?"
    r"(?:saying|calling|adding|noting|describing)\b"
)
# "…, with X calling it A and Y of Florida calling it B": the second participle's subject.
_AND_SUBJECT = re.compile(
    r",\s+with\s+.+\sand\s+((?:[A-Z][\w'\u2019-]+\s+){1,3}(?:of\s+[A-Z][\w'\u2019-]+)?)\s*$"
)
_VERDICT = re.compile(r"\s+(?:a|an)\s+\w")
# A clause opening with these is background, not the statement ("After his arrest, X said").
_SUBORDINATE = re.compile(
    r"[\"\u201c]?(?:After|Before|When|While|As|If|Although|Though|Since|Because|Once|Until)\b"
)
# A quote, then a few words of a long title before the speaker's name:
# '"...", Coastal State University geology professor Ann Lee told ...'.
_QUOTE_THEN_TITLE = re.compile(
    r"[\u201d\"][,.!?]?\s*,?\s+[A-Z0-9][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,6}\s*$"
)
# '"…," the permanent trade ambassador of the European Community X told reporters': a role
# written in lower case after an article, then the name.
_QUOTE_THEN_ROLE = re.compile(
    r"[\u201d\"][,.!?]?\s*,?\s+(?:the|a|an)\s+([\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,7})\s*$"
)
# '"…," a spokesperson for the ministry said': the organisation's words.
_QUOTE_THEN_SPOKES = re.compile(
    r"[\u201d\"][,.!?]?\s*,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}" + SPOKESPERSON_FOR + "$"
)
_NOT_TITLE = re.compile(r"\b(?:\w+ed|as|when|while|and|but|said|says)\b")
# A verb that labels something, then the label quoted ("called it a \"farce\"").
_LABEL_VERB = re.compile(
    r"(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!be )"  # a passive names the target
    r"\b(?:characteri[sz]ed|described|called|attacked|dismissed|label+ed|branded|denounced"
    r"|termed|criticized|criticised|praised|hailed)\b"
    r"(?:[^.;\"\u201c\u201d]{0,80}?\b(?:as|a|an)"
    # 'called the claims "baseless"', 'called D'Souza "humble"': a short object, then the label
    r"|\s+(?:it|them|him|her|this|that|(?:the|these|those|his|her|their|its)\s+[\w-]+"
    r"|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?))\s*$"
)
# After a verb, a clause of concession or time is no statement of the verb's subject.
_CONJUNCTION_AFTER = re.compile(
    r"(?:\s+(?:it|this|that|so|them))?,?\s+(?:though|although|but|while|whereas|even as)\b"
)
_PARTICIPLE_AFTER = re.compile(r"(?:" + "|".join(PARTICIPLES) + r")\b")
# A speaker after "said" ends its sentence within a few words ("said the ministry.").
# "…, said officials of X Co, one of the co-lead managers.": an apposition may end it.
_SHORT_TAIL = re.compile(
    r"\s+[^\s,;:\"\u201c\u201d]+(?: [^\s,;:\"\u201c\u201d]+){0,7}"
    r"(?:, (?:one|a|an|the) [^,;:\"\u201c\u201d]{1,60})?\s*"
)
_ASIDE_TAIL = re.compile(
    r"\s+[^\s,;:\"\u201c\u201d]+(?: [^\s,;:\"\u201c\u201d]+){0,7}(?=, and\b"
    # "About then, says analyst X, Drexel issued …": the sentence goes on with its subject
    r"|, [A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)* [a-z]+(?:ed|s)\b)"
)


_FRONTED = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\u201d\"] )|(?<=\n))"
    r"(?:Said|Remarked|Added|Noted|Wrote|Explained|Commented|Continued|Tweeted)\s+"
    r"([^,;:.\"\u201c\u201d]{3,120}?),\s*(?=[\u201c\"])"
)
_WROTE_WORKS = re.compile(
    r"\s+(?:also\s+)?(?:for|with|songs?|books?|music|lyrics|novels?|poems?|poetry|scripts?"
    r"|plays?|articles?|columns?)\b"
)
# "it added nervousness to trading", "added 10 cents to the price": a thing added to another,
# not words ("he added prices had to rise" goes on with a verb after "to").
_ADDED_TO = re.compile(
    r"\s+(?!(?:he|she|it|they|we|i|there|this|that|prices?)\b)"
    r"(?:(?:a|an|the|some|more|further|new|its|their|\d[\d.,]*)\s+)?(?:[a-z]+\s+)?[a-z]+\s+to"
    r"\s+(?:the|a|an|its|their|his|her|\d|[a-z]+ing\b)"
)
_UNNAMED_OF = re.compile(
    r"\b(?:authorities|officials|sources|police|investigators|prosecutors|experts|officers"
    r"|diplomats|residents|analysts|people)\s+(?:in|from)\s+(?:the\s+)?[A-Z]"
)

# Some of a body's members, critics or neighbours, who speak for nobody named ("senior
# members of the ruling Conservative Party urged").
_GROUP_OF = re.compile(r"\b([a-z]{3,}s)\s+of\s+(?:the\s+)?(?:(?!wh|th)[a-z]+\s+)?$")
_WITH_OUTLET = re.compile(
    r"(?:In an interview with|Speaking to|With) [A-Z][\w.]*(?: [A-Z][\w.]*)?, "
)
_AS_DID = re.compile(
    r",?\s+as did\s+((?:[\w'\u2019-]+\s+){0,6}?[A-Z][\w'\u2019.-]+\s+[A-Z][\w'\u2019-]+)\s*[.;,]"
)
_RULED_ON = re.compile(
    r"\s+(?:on\s+(?:the|a|an|his|her|its|their|whether)|against|in\s+favou?r|out)\b"
)
_DISMISSED_WORDS = re.compile(
    r"\s+(?:(?:the|these|those|such|his|her|their|its|any)\s+)?(?:[\w-]+\s+)?(?:claims?"
    r"|allegations?|accusations?|reports?|criticism|suggestions?|ideas?|concerns?|fears?"
    r"|rumou?rs?|speculation|charges?|calls?)\b"
)
_WHETHER = re.compile(r"\s+(?:whether|if|why|how)\s+")
_ON_DOING = re.compile(r"\s+(?:on|upon)\s+(?:\w+\s+){0,2}?\w+ing\b")
_LATER_QUOTE = re.compile(r"[^.;:\"\u201c\u201d]{1,100}?(?=[\u201c\"])")
_INITIALS = re.compile(DOTTED_INITIALS)
# Titles shortened with a full stop that goes on with the name: '"…," said Rep. Ed Jones'.
_TITLE_ABBREVIATIONS = frozenset(
    {"rep", "sen", "gov", "gen", "col", "lt", "sgt", "capt", "adm", "mrs", "prof", "dr", "mr"}
)
_SENTENCE_REST = re.compile(r"[.!?]?\s*")
# "…, said James E. Olson, chairman.": a name, then its role in lower case, end the sentence.
_NAME_ROLE_TAIL = re.compile(
    r"\s+(?:[A-Z][\w.'\u2019-]*\s+){1,3}[A-Z][\w.'\u2019-]*"
    r"(?:,?\s+\(?[DRI]-\s?[A-Z][a-z]*\.?\)?)?,"  # "Rep. John Dingell, D-Mich., chairman …"
    r"(?:\s+[a-z][\w-]*){1,5}(?:\s+(?:of|at)\s+[^,;:\"\u201c]{1,50})?[.!?]?\s*"
)
_INVERTING = frozenset(
    {"said", "says", "added", "stated", "argued", "noted", "explained", "insisted", "warned"}
)
# "... and said", "..., and suggested": a second verb of the sentence's subject.
_AND_END = re.compile(r"(?:^|\s|,)(?:and|but)$")


# A passage a verb attributes: its (start, end) in the body, and the quote it is, if one.
_Passage = tuple[tuple[int, int] | None, int | None]


def _quote_span(p: Pass, index: int) -> tuple[int, int] | None:
    return span(p.body, *p.quotes[index].inner)


def _quote_or_phrase(p: Pass, index: int, phrase_start: int) -> _Passage:
    """The quote, or when it is too short to stand alone (a word or two), the phrase from
    `phrase_start` through it ('called it "a mess."')."""
    quoted = _quote_span(p, index)
    if quoted is not None:
        return quoted, index
    return span(p.body, phrase_start, p.quotes[index].end, keep_end=True), None


def _quote_before(p: Pass, sent_start: int, phrase_at: int) -> int | None:
    head = p.body[sent_start:phrase_at].rstrip().rstrip(",")
    if head.endswith(("\u201d", '"')):
        return p.by_end.get(sent_start + len(head))
    title = _QUOTE_THEN_TITLE.search(head)
    if title and not _NOT_TITLE.search(head, title.start() + 1):
        return p.by_end.get(sent_start + title.start() + 1)
    role = _QUOTE_THEN_ROLE.search(head)
    if (
        role
        and any(w.lower() in ROLE_WORDS for w in role.group(1).split())
        and not _NOT_TITLE.search(head, role.start() + 1)
    ):
        return p.by_end.get(sent_start + role.start() + 1)
    spokes = _QUOTE_THEN_SPOKES.search(head)
    return p.by_end.get(sent_start + spokes.start() + 1) if spokes else None


def _quotes_around(p: Pass, verb: re.Match[str], phrase_at: int) -> list[_Passage]:
    """The quote closing right before the speaker and the one opening right after the verb."""
    sent_start, sent_end = p.sentence_at(verb.start())
    result: list[_Passage] = []
    before = _quote_before(p, sent_start, phrase_at)
    if before is not None:
        result.append((_quote_span(p, before), before))
    after = _QUOTE_AFTER.match(p.body, verb.end(), sent_end + 2)
    if not after and verb.group().startswith(("told", "tells")):
        # '"However," he told Science News, "this study …"': the quote after the addressee.
        addressee = _TOLD_LAST.match(p.body, verb.end(), sent_end)
        after = _QUOTE_AFTER.match(p.body, addressee.end(), sent_end + 2) if addressee else None
    if not after and before is None:
        after = _COLON_QUOTE.match(p.body, verb.end(), sent_end + 2)
    if after and after.end() in p.by_start and (before is None or "," in after.group()):
        index = p.by_start[after.end()]
        if before is None:  # 'called it "a mess."': read with the verb's object
            result.append(_quote_or_phrase(p, index, verb.start() + len(verb.group().split()[0])))
        else:
            result.append((_quote_span(p, index), index))
    return result


def _is_outlet(p: Pass, speaker: Speaker) -> bool:
    """A news outlet or agency: named by a media word, a known agency, or introduced as one."""
    last = speaker.name.lower().split()[-1]
    known = last in MEDIA_HEADS or last in AGENCIES or speaker.name in p.ctx.registry.outlets
    return speaker.kind == ORGANISATION and known


def _text_span(p: Pass, verb: re.Match[str], phrase_at: int, outlet: bool) -> list[_Passage]:
    """(span, quote index) of each passage the verb attributes."""
    body = p.body
    sent_start, sent_end = p.sentence_at(verb.start())
    result = _quotes_around(p, verb, phrase_at)
    if not result and phrase_at == verb.start() and _reported_inversion(p, verb):
        aside = _ASIDE_TAIL.match(body, verb.end(), sent_end)
        if aside and len(body[sent_start:phrase_at].split()) <= 4:
            # "About the same time, says analyst X, Drexel issued …": what follows the aside
            return [(span(body, aside.end() + 1, sent_end), None)]
        return [(span(body, sent_start, phrase_at), None)]
    word = verb.group()
    if result or _THIS_AFTER.match(body, verb.end()):
        previous = p.sentence_at(sent_start - 1) if sent_start else None
        return result or [(span(body, *previous) if previous else None, None)]
    tail = verb.end()
    if _CONJUNCTION_AFTER.match(body, tail, sent_end):
        return []  # "Biden denied, though Trump said it is on tape": nothing of Biden's
    if word.startswith(("told", "tells", "spoke to", "spoke with")):
        # "The plan will fail, X told Reuters on Monday.": the clause before the speaker.
        addressee = _TOLD_LAST.match(body, verb.end(), sent_end)
        before = addressee and _clause_before(p, phrase_at, addressee.end())
        if before:
            return [(before, None)]
        told = _after_addressee(p, verb, sent_end)
        told = _object_that(body, verb.end(), sent_end) if told is None else told
        if told is None:  # "has told companies they must limit imports"
            bare = _OBJECT_PRONOUN.match(body, verb.end(), sent_end)
            told = bare.end() if bare else None
        if told is None:
            return []
        tail = told
        if tail in p.by_start:
            return [(_quote_span(p, p.by_start[tail]), p.by_start[tail])]
    word = " ".join(word.split())
    verb_word = word.split()[0]
    appeal = word in ("called on", "calls on", "encouraged", "encourages")
    if appeal and not _CALLED_ON.match(body, tail, sent_end):
        return []  # "called on Monday", "encouraged investment": no appeal to anyone
    if word == "ruled" and _RULED_ON.match(body, tail, sent_end):
        return []  # "ruled on the appeal", "ruled against X": a decision, no words given
    if word.startswith("insist") and _ON_DOING.match(body, tail, sent_end):
        return []  # "insisted on linking the pact to …": a demand in deeds, no words given
    if word in ("wrote", "writes") and _WROTE_WORKS.match(body, tail, sent_end):
        return []  # "wrote for other artists", "wrote songs": a writer's work, no statement
    if word in ("added", "adds") and _ADDED_TO.match(body, tail, sent_end):
        return []
    # Outlets report on their own ("Reuters reported the attack was ..."); others need "that".
    strong = outlet and word in ORG_VERBS
    commits = word in _COMMITTING  # "vowed to fight on": a promise or a claim is speech
    weak = (word in WEAK_VERBS and not strong) or (_INFINITIVE.match(body, tail) and not commits)
    aside = _ASIDE_ENDS.match(body, tail, sent_end)  # weak verbs too: "…, X indicated, …"
    skip = word in PARTICIPLES or (weak and not aside)
    before = None if skip else _clause_before(p, phrase_at, tail)
    if before:
        return [(before, None)]
    # "X said the talks were useful, while Y said they failed": X's words end at Y.
    other = _OTHER_SPEAKER.search(body, tail, sent_end)
    sent_end = other.start() if other else sent_end
    that = _THAT_AFTER.match(body, tail, sent_end)
    if that:
        return [(span(body, that.end(), sent_end), None)]
    addressed = _object_that(body, tail, sent_end) if verb_word in ADDRESSING_VERBS else None
    if addressed is not None:
        return [(span(body, addressed, sent_end), None)]
    if weak:
        # "X reported the quake was strong": a clause with its own verb, "that" left out;
        # "X called it a tragedy": a verdict.
        clause = (
            word in WEAK_VERBS
            and _BARE_CLAUSE.match(body, tail, sent_end) is not None
            and not _INFINITIVE.match(body, tail)  # "continued to write songs"
        )
        verdict = word == "called it" and _VERDICT.match(body, tail, sent_end)
        describes = word in ("described", "describes", "referred to", "refers to")
        # "dismissed the claims as nonsense", not "dismissed the coach as manager"
        dismisses = word == "dismissed" and _DISMISSED_WORDS.match(body, tail) is not None
        describes = describes or dismisses
        verdict = verdict or (describes and _AS_LABEL.match(body, tail, sent_end))
        figures = word == "reported" and _FIGURES.match(body, tail, sent_end)
        # "questioned whether the talks would succeed": a doubt voiced
        doubt = word == "questioned" and _WHETHER.match(body, tail, sent_end)
        if doubt:
            return [(span(body, doubt.end(), sent_end), None)]
        # "With Wikinews, X discusses why he joined the party": what an interview covers.
        interview = word.startswith("discuss") and _WITH_OUTLET.match(body, sent_start)
        # "proposed expanding the Court": a proposal put in words, as "suggested" is.
        proposal = word == "proposed" and _GERUND.match(body, tail, sent_end)
        if clause or verdict or figures or interview or proposal:
            return [(span(body, tail, sent_end), None)]
        # 'X described tire marks and "insane" heat': the words quoted later in the sentence.
        later = _LATER_QUOTE.match(body, tail, sent_end) if describes else None
        index = p.by_start.get(later.end()) if later else None
        if index is None:
            return []
        quoted = _quote_span(p, index)  # a word or two quoted: the whole phrase is the gist
        return [(quoted, index)] if quoted else [(span(body, tail, sent_end, keep_end=True), None)]
    text = span(body, tail, sent_end)
    if text is None and (verb_word in OBJECT_VERBS or word in ("called for", "calls for")):
        # "X confirmed the deal.", "Y claimed responsibility.": the sentence is the statement.
        text = span(body, sent_start, sent_end)
    return [(text, None)]


def _object_that(body: str, tail: int, sent_end: int) -> int | None:
    """Where what was said starts after whom a verb addresses: "told the assembled voters
    that …", "assured investors on Monday that …"."""
    addressed = _OBJECT_THAT.match(body, tail, sent_end)
    return addressed.end() if addressed else None


def _clause_before(p: Pass, phrase_at: int, tail: int) -> tuple[int, int] | None:
    """'The plan will fail, X said on Monday.': the clause before the speaker, when nothing
    but circumstances follows the verb (not "On Wednesday, the court issued an opinion")."""
    sent_start, sent_end = p.sentence_at(phrase_at)
    head = p.body[sent_start:phrase_at].rstrip()
    if (
        head.endswith(",")
        and not _SUBORDINATE.match(head)
        and _CLAUSE_BEFORE_END.match(p.body, tail, sent_end)
    ):
        if _ASIDE_ENDS.match(p.body, tail, sent_end) and not _INVERTED.search(head):
            # "The plan, Mara Vell said, will fail.": an aside inside what was said.
            return span(p.body, sent_start, sent_end)
        return span(p.body, sent_start, len(head) + sent_start)
    return None


def _after_addressee(p: Pass, verb: re.Match[str], sent_end: int) -> int | None:
    """Where what was said starts after "told reporters" or "spoke to X"; None when the
    sentence only says whom ("Patel spoke to Wikinews in August") or a participle reports
    it ("spoke to reporters, saying …")."""
    told = _TOLD_THAT.match(p.body, verb.end(), sent_end) or _TOLD.match(
        p.body, verb.end(), sent_end
    )
    if not told or _PARTICIPLE_AFTER.match(p.body, told.end(), sent_end):
        return None
    return told.end()


def _inverted_speaker(p: Pass, verb: re.Match[str], sent_start: int) -> Speaker | None:
    """'"We will win," said Anna Petrova.', 'GDP will grow, said the ministry.': the speaker
    follows the verb."""
    if not (_INVERTED.search(p.body, sent_start, verb.start()) or _reported_inversion(p, verb)):
        return None
    named = role_then_name(p, verb.end(), p.sentence_at(verb.start())[1])
    if named:
        return named[0]  # "…, said the government's lawyer, Richard Keen."
    spokes = _SPOKESPERSON_AFTER.match(p.body, verb.end())
    body = named_body(p.ctx, spokes.group(1)) if spokes else None
    if body:
        return body  # '"…," said an official at International Digital Communications Planning
    words = _words_after(p, verb.end())
    introduced = introduced_name(p.ctx, " ".join(words[:8]))
    if introduced:
        return introduced  # '"…," said a protester using the pseudonym Katya.'
    titled = _titled_name_last(p, words)
    if titled:
        return titled
    words = words[:8]
    for n in range(len(words), 0, -1):
        if words[n - 1][:1].isupper() or n == 2:
            speaker = resolve(p.ctx, " ".join(words[:n]), verb.start())
            if speaker:
                return speaker
    return None


def _words_after(p: Pass, pos: int) -> list[str]:
    """The words after a verb to the end of its clause, at most eleven; a full stop ends them
    unless it closes an initial ("John G. Roberts", "A.W. Clausen")."""
    who = _AFTER_WHO.match(p.body, pos)
    words = who.group(1).split() if who else []
    # "said Dr. Livermore": a title without its full stop, which ends no sentence
    words = [w[:-1] if w[:-1].lower() in _TITLE_ABBREVIATIONS else w for w in words]
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if w.endswith(".") and len(w) > 2 and not _INITIALS.fullmatch(w)
        ),
        None,
    )
    words = words[: cut + 1] if cut is not None else words
    if words:
        words[-1] = words[-1].rstrip(".") if len(words[-1]) > 2 else words[-1]
    return words


def _titled_name_last(p: Pass, words: list[str]) -> Speaker | None:
    """'said study co-author and Royal Society Research Fellow Martin Hale': a person the
    article names, after the last word of a long title, however the title reads; not 'said
    Reagan in a statement read by spokesman X', where the words before are no title."""
    for size in (3, 2):
        title = [w.lower() for w in words[:-size]]
        if (
            len(title) >= 2
            and title[-1] in ROLE_WORDS
            and not any(w in FUNCTION_WORDS for w in title if w != "and")
        ):
            name = p.ctx.registry.resolve_person(" ".join(words[-size:]))
            if name:
                return p.ctx.person(name)
    return None


def _own_subject(p: Pass, phrase: Phrase, sent_start: int) -> Speaker | None:
    """'Iowa Beef, a unit of Occidental Corp, closed the plant because it said ...': a
    pronoun after the sentence's own subject of its kind is that subject."""
    pronoun = phrase.text.lower()
    if phrase.start <= sent_start or pronoun not in PERSON_PRONOUNS | ORG_PRONOUNS:
        return None
    if pronoun in PERSON_PRONOUNS and p.body[sent_start : phrase.start].rstrip().endswith(","):
        # "X was not involved, he said.": "he" reports on X, so is someone else (a body
        # does report on itself so: "Amex will advertise on television, it said.")
        return None
    kind = PERSON if pronoun in PERSON_PRONOUNS else ORGANISATION
    subjects = sentence_subjects(p.ctx, sent_start, phrase.start)
    # "The United Arab Emirates daily X published what it said": a country opening a longer
    # subject is no subject of its own.
    own = [s for s in subjects if s.kind == kind and not code_for(s.name)]
    if own and kind == ORGANISATION:
        # "The Post and Telecommunications Ministry has urged … because it says": the whole
        # name, as its own statement gave it, not the words after "and".
        return replace(own[0], name=p.ctx.registry.longer_org(own[0].name))
    return own[0] if own else None


def _reported_inversion(p: Pass, verb: re.Match[str]) -> bool:
    """'GDP will grow three pct, said company Data Resources Inc (DRI).': reported speech,
    then "said" and a short phrase that ends the sentence."""
    comma = _last_before(p.body, verb.start())
    if verb.group() not in _INVERTING or comma < 0 or p.body[comma] != ",":
        return False
    _, sent_end = p.sentence_at(verb.start())
    if _SHORT_TAIL.fullmatch(p.body, verb.end(), sent_end):
        return True
    if _NAME_ROLE_TAIL.fullmatch(p.body, verb.end(), sent_end):
        return True
    if _ASIDE_TAIL.match(p.body, verb.end(), sent_end):
        return True  # "The bomb was in a market, stated Minister X, and was left …"
    named = role_then_name(p, verb.end(), sent_end)  # "…, said the lawyer, Ann Lee."
    return named is not None and _SENTENCE_REST.fullmatch(p.body, named[1], sent_end) is not None


def _last_before(body: str, pos: int) -> int:
    """Where the last character before `pos` that is not a space is (-1 if none): read back
    over the spaces, rather than copy the body up to `pos`."""
    at = pos - 1
    while at >= 0 and body[at].isspace():
        at -= 1
    return at


def _clause_subjects(p: Pass, sent_start: int, pos: int) -> list[Speaker]:
    """Who a verb without its own subject continues: the sentence's speaker or subject."""
    same = p.last_in_sentence(sent_start, pos)
    return [same] if same else sentence_subjects(p.ctx, sent_start, pos)


def _speakers_of(p: Pass, verb: re.Match[str], sent_start: int) -> tuple[list[Speaker], int]:
    """Who speaks through `verb`, and where the speaker phrase starts."""
    head = p.body[sent_start : verb.start()].rstrip()
    if verb.group() in PARTICIPLES:
        # "X agreed, saying ...": only a participle set off by a comma reports speech, or
        # one after posting ("X posted on Twitter asking for ...").
        # "surprised business leaders by declaring that …": the means is the saying (not in
        # "X argued Y had lost by saying …", where the saying is Y's).
        embedded = any(_NEW_SUBJECT.match(head, m.end()) for m in _VERB.finditer(head))
        means = head.endswith(" by") and not embedded
        set_off = head.endswith(",") or means or _POSTED_BEFORE.search(head)
        found = _clause_subjects(p, sent_start, verb.start()) if set_off else []
        own = _participle_subject(p, head, sent_start, verb.start())
        return ([own] if own else found), verb.start()
    included = included_speakers(p.ctx, sent_start, verb.start())
    if included:  # "Others, including reporter Jennifer Griffin, confirmed …"
        return included, sent_start
    heads = _office_holders_of(p, head, verb.start())
    if heads:  # "The foreign ministers of Russia, Iran and Turkey said …"
        return heads, sent_start
    phrase = speaker_phrase(p.body, sent_start, verb.start())
    pair_named = _two_people(p, phrase.appositive)
    if pair_named:  # "two top German officials, Otto Schlecht and Hans Tietmeyer, told"
        return pair_named, phrase.start
    if _OBJECT_OF.search(phrase.lead, 0, len(phrase.lead) - len(phrase.text)):
        return [], phrase.start  # "its letter to Taft's board states …": the letter speaks
    if _UNNAMED_OF.search(phrase.lead) and code_for(without_the(phrase.text)):
        return [], phrase.start  # "authorities in the United Kingdom announced": unnamed
    pair = _PAIR.search(phrase.lead)
    if pair:  # "Both men said", "the two leaders said in a joint statement"
        at = p.body.rfind(pair.group(), sent_start, verb.start())
        return p.ctx.last_two(at), at
    whole = joined_body(p.ctx, phrase.text, phrase.start, sent_start)
    if whole:  # "The Food and Drug Administration said": one body, not two subjects
        return [whole[0]], whole[1]
    speaker = _own_subject(p, phrase, sent_start) or resolve_phrase(p.ctx, phrase, verb.start())
    speaker = speaker or spokesperson_of(p.ctx, phrase, p.body[sent_start : phrase.start])
    group = _GROUP_OF.search(p.body, sent_start, phrase.start)
    if speaker and speaker.kind == ORGANISATION and group and group[1] not in SPOKES_MANY:
        return [], phrase.start  # "critics of the government said": unnamed, not the body
    if speaker or phrase.text.startswith("the "):
        joint = joint_subject(p.ctx, phrase.start, sent_start)
        if speaker and joint:  # '"…," X and Y said': what was said ends where X is named
            return [speaker, joint[0]], min(joint[1], _phrase_opening(p, phrase, speaker))
        if speaker:
            return [speaker], _phrase_opening(p, phrase, speaker)
        if joint:
            return [joint[0]], phrase.start  # "Both the council and the government called …"
    beside = _beside_a_country(p, phrase, verb.start())
    if beside:
        return [beside[0]], beside[1]
    if phrase.text[:1].isupper():
        alone = _surname_after_clause(p, phrase, verb)
        return ([alone] if alone else []), phrase.start
    inverted = _inverted_speaker(p, verb, sent_start)
    if inverted:
        return [inverted], verb.start()
    if _AND_END.search(head) or (head.endswith(",") and not _INVERTED.search(head)):
        # "X expressed concern, and suggested ...", "X, a veteran and author, said ...".
        return _clause_subjects(p, sent_start, verb.start()), verb.start()
    return [], verb.start()


def _two_people(p: Pass, appositive: str) -> list[Speaker]:
    """The two people the article names whom an apposition joins ("State Secretaries X and
    Y"), or none; only looked up, so an apposition of anything else records nothing."""
    first, sep, second = appositive.strip().partition(" and ")
    if not sep:
        return []
    names = [
        p.ctx.registry.resolve_person(" ".join(split_role(part.split())[1]))
        for part in (first, second)
    ]
    return [p.ctx.person(name) for name in names if name] if all(names) else []


def _phrase_opening(p: Pass, phrase: Phrase, speaker: Speaker) -> int:
    """Where the words naming the speaker start, so that what was said ends at the comma
    before them: the phrase itself, its article and adjectives ('…, the authoritative Business
    Day newspaper said.'), or the description before a name ('…, managing director of X Corp,
    Peter Frawley, said.')."""
    lead_start = phrase.lead_start
    comma = phrase.lead.rfind(", ")
    named = phrase.appositive.strip().endswith(speaker.name.split()[-1])
    if speaker.kind == PERSON and named and comma >= 0 and is_role(phrase.lead[comma + 2 :]):
        return lead_start + comma + 2
    described = _ARTICLE_AND_ADJECTIVES.search(p.body, lead_start, phrase.start)
    return described.start(1) if described else phrase.start


def _office_holders_of(p: Pass, head: str, pos: int) -> list[Speaker]:
    """'The leaders of Armenia and Azerbaijan said', 'the foreign ministers of Russia, Iran
    and Turkey said': each country's holder of that office named before."""
    offices = _OFFICES_OF.search(head)
    if not offices:
        return []
    role = offices.group("role").split()
    noun = role[-1].rstrip("s")
    qualifiers = tuple(role[:-1])
    found = []
    for country in LIST_SEPARATOR.split(offices.group("countries")):
        code = code_for(without_the(country))
        if not code:
            return []  # "the leaders of the alliance and Turkey": not only countries
        if noun == "leader":
            holder = p.ctx.last_of_country(code, pos)
        else:
            holder = p.ctx.last_with_role(noun, pos, qualifiers, code)
        if holder and holder not in found:
            found.append(holder)
    return found


def _beside_a_country(p: Pass, phrase: Phrase, pos: int) -> tuple[Speaker, int] | None:
    """'Citibank and Argentina said in a joint statement': the subject joined to a state
    named by its country (the state may speak, but need not be listed), and where it
    starts."""
    joined = _AND_BEFORE.search(phrase.lead, 0, len(phrase.lead) - len(phrase.text))
    if not joined or not code_for(without_the(phrase.text)):
        return None
    head = phrase.lead[: joined.start()]
    offset = walk_back(head)
    other = resolve(p.ctx, head[offset:], pos) if head[offset:][:1].isupper() else None
    return (other, phrase.lead_start + offset) if other else None


def _surname_after_clause(p: Pass, phrase: Phrase, verb: re.Match[str]) -> Speaker | None:
    """'The sale will fail, Parrillo said.', '"…," Henderson said in a statement.': a lone
    unknown name after the clause or quote it said, with nothing but the sentence's end after
    the verb."""
    at = _last_before(p.body, phrase.start)
    said_ends = p.body[at : at + 1] == "," or (
        p.body[at : at + 1] in _CLOSING_QUOTES and p.body[at - 1 : at] in (",", "?", "!")
    )
    if not (said_ends and verb.group() in _CLAUSE_VERBS):
        return None
    if not _SENTENCE_END.match(p.body, verb.end()):
        return None
    return surname_alone(p.ctx, phrase.text)


def _participle_subject(p: Pass, head: str, sent_start: int, verb_at: int) -> Speaker | None:
    """The participle's own subject: "Iran denied it, with Foreign Minister X saying ...",
    "X was quoted by TASS as saying ...", "TASS quoted X as saying ..."."""
    if and_subject := _AND_SUBJECT.search(head):
        return resolve(p.ctx, and_subject.group(1).split(" of ")[0].strip(), verb_at)
    if with_subject := _WITH_SUBJECT.search(head):
        which = with_subject.group(1).split()[:2]
        if which[-1] in ("latter", "former"):  # "…, with the latter confirming …"
            return resolve(p.ctx, " ".join(which), verb_at)
        phrase = speaker_phrase(p.body, sent_start + with_subject.start(1), verb_at)
    elif quoted := _QUOTED_AS.search(head):
        phrase = speaker_phrase(p.body, sent_start, sent_start + quoted.start())
    elif quoting := _QUOTING.search(head):  # "TASS quoted X as saying ...": the one quoted
        phrase = speaker_phrase(p.body, sent_start + quoting.start(1), sent_start + quoting.end(1))
    else:
        return None
    return resolve_phrase(p.ctx, phrase, verb_at)


def _attribute_verb(p: Pass, verb: re.Match[str]) -> None:
    if p.inside_quote(verb.start()):
        return
    if verb.group() == "asked" and _ASKED_ASIDE.search(
        p.body, max(0, verb.start() - 3), verb.start()
    ):
        return  # "X, asked whether she would resign, said …": a question put to X
    if verb.group() == "reports" and _MEDIA_BEFORE.search(p.body, 0, verb.start()):
        return  # "Italian press reports that a bond issue was studied pushed …": a noun
    if verb.group() == "expressed" and _EXPRESSED_IN.search(
        p.body, max(0, verb.start() - 3), verb.end() + 4
    ):
        return  # "foreign sales, expressed in U.S. dlrs, rose": a participle of measure
    if verb.group() == "states" and _VERB_AFTER_STATES.match(p.body, verb.end()):
        return  # "enough EC states appeared to be opposed": the noun, before its own verb
    if (
        verb.group().endswith("s")
        and _LISTED_BEFORE.search(p.body, max(0, verb.start() - 3), verb.start())
        and _LISTED_AFTER.match(p.body, verb.end())
    ):
        return  # "brokering treasury bills, notes and bonds": one of the things listed
    sent_start, sent_end = p.sentence_at(verb.start())
    speakers, phrase_at = _speakers_of(p, verb, sent_start)
    # "Aides denied the story, as did former adviser John Bolton": one more who said it.
    as_did = _AS_DID.search(p.body, verb.end(), sent_end)
    also = resolve(p.ctx, " ".join(as_did.group(1).split()[-2:]), verb.end()) if as_did else None
    speakers = speakers + [also] if also and also.kind == PERSON else speakers
    if not speakers:
        return
    for text, quote in _text_span(p, verb, phrase_at, _is_outlet(p, speakers[0])):
        if as_did and text and text[1] > as_did.start():
            # what was said ends where "as did" begins; too short, it is the whole clause
            cut = as_did.start()
            text = span(p.body, text[0], cut) or span(p.body, sent_start, cut)
        for speaker in speakers:
            p.add(speaker, text, quote, shared=len(speakers) > 1)


def _interviewee(p: Pass, title: str) -> str | None:
    """The person an interview's headline names ("Wikinews interviews Karl Meyer")."""
    for mention in person_mentions(title):
        name = p.ctx.registry.resolve_person(mention.name)
        if name:
            return name
    return None


def _interviews(p: Pass, title: str) -> None:
    """Tagged answers of an interview, each a statement of the person tagged; the
    interviewer's turns (anyone but the person the headline names, or a turn that only asks)
    are none."""
    turns = interview_turns(p.body)
    interviewee = _interviewee(p, title) if turns else None
    for turn in turns:
        p.masked.append((turn.start - 1, turn.end + 1))
        asks = p.body[turn.start : turn.end].rstrip().endswith("?")
        if turn.tag in INTERVIEWER_TAGS or asks:
            continue
        if turn.tag.isupper() and len(turn.tag) <= 4:
            name = p.ctx.registry.person_by_initials(turn.tag)
        elif turn.colon and " " not in turn.tag:  # "Berg: answer": someone named in full
            name = p.ctx.registry.resolve_person(turn.tag)
        else:
            p.ctx.registry.add_persons([Mention(turn.tag, 0, len(turn.tag))])
            name = p.ctx.registry.resolve_person(turn.tag)
        if name and (interviewee is None or name == interviewee):
            turn_span = span(p.body, turn.start, turn.end, keep_end=True)
            p.add(p.ctx.person(name), turn_span, None, verbatim=True)
    p.masked.sort()
    if interviewee and all(name != interviewee for _, name in p.found):
        # Only the questions survive: the interviewee still speaks, through the interview.
        first = next((m.start for m in p.ctx.people if m.name == interviewee), turns[0].start)
        p.add(p.ctx.person(interviewee), span(p.body, *p.sentence_at(first)), None)


def _continuations(p: Pass) -> None:
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


def _subject_quotes(p: Pass) -> None:
    """Quotes with no verb of saying of their own that are the words of their sentence's
    subject: one a colon introduces ('X disagreed with the findings: "..."') and one that
    names what the subject judged something to be ('Trump characterized the call as
    "perfectly fine"', 'Pelosi called his conduct a "breach of his responsibilities"')."""
    used = {q for _, q in p.found.values() if q is not None}
    for index, quote in enumerate(p.quotes):
        if index in used:
            continue
        for sent_start, subject_end, label_end in _introductions(p, quote.start):
            speakers = sentence_subjects(p.ctx, sent_start, subject_end)
            # 'Trump called the inquiry a "witch hunt"': a label read with what it labels.
            text, quoted = (
                _quote_or_phrase(p, index, label_end)
                if label_end is not None
                else (_quote_span(p, index), index)
            )
            for speaker in speakers:
                p.add(speaker, text, quoted)
            if speakers:
                break


def _introductions(p: Pass, quote_start: int) -> list[tuple[int, int, int | None]]:
    """(sentence start, where its subject must end, where a labelling verb ends) for each
    way the quote at `quote_start` may be introduced: after a colon, then after a
    labelling verb."""
    found: list[tuple[int, int, int | None]] = []
    colon = _last_before(p.body, quote_start)
    if colon >= 0 and p.body[colon] == ":" and not p.inside_quote(colon):
        found.append((p.sentence_at(colon)[0], colon, None))
    if not p.inside_quote(quote_start):
        sent_start, _ = p.sentence_at(quote_start)
        label = _LABEL_VERB.search(p.body, sent_start, quote_start)
        if label:
            verb_end = label.start() + len(label.group().split()[0])
            found.append((sent_start, label.end(), verb_end))
        quote = p.quotes[p.by_start[quote_start]] if quote_start in p.by_start else None
        alone = quote is not None and (quote.open or _ENDS_PARAGRAPH.match(p.body, quote.end))
        before = p.body[max(0, sent_start - 3) : sent_start]
        if sent_start == quote_start and alone and _PLAIN_SENTENCE_END.search(before):
            # 'Sergei Lavrov was blunt. "We are ready …"': a quote standing alone after a
            # sentence of the same paragraph is its subject's.
            previous = p.sentence_at(sent_start - 2)[0]
            found.append((previous, sent_start, None))
    return found


def _attribute_fronted(p: Pass, match: re.Match[str]) -> None:
    """'Remarked Center for Biological Diversity scientist Tierra Curry, "…"': the verb
    first, then the speaker, then the quote."""
    speaker = resolve(p.ctx, match.group(1), match.start(1))
    index = p.by_start.get(match.end())
    if speaker and index is not None:
        p.add(speaker, _quote_span(p, index), index)


def find_statements(
    body: str,
    registry: Registry,
    people: list[Mention],
    orgs: list[tuple[int, str]],
    title: str = "",
) -> list[Statement]:
    """Every statement in `body`, in order of position.

    `people` are the body's person mentions under canonical names; `orgs` the
    (offset, canonical name) of its organisation mentions.
    """
    ctx = Context(body, registry, people, orgs, lower_words(body))
    p = Pass(body, ctx, find_quotes(body))
    _interviews(p, title)
    events = [(m.start(), 0, m) for m in _VERB.finditer(body)]
    events += [(m.start(), 1, m) for m in ACCORDING.finditer(body)]
    events += [(m.start(), 2, m) for m in PASSIVE.finditer(body)]
    events += [(m.start(), 3, m) for m in IN_STATEMENT.finditer(body)]
    events += [(m.start(), 4, m) for m in _FRONTED.finditer(body)]
    handlers = (
        _attribute_verb,
        attribute_according,
        attribute_passive,
        attribute_in_statement,
        _attribute_fronted,
    )
    for _, kind, match in sorted(events, key=lambda e: e[0]):
        handlers[kind](p, match)
    _subject_quotes(p)
    _continuations(p)
    return sorted((s for s, _ in p.found.values()), key=lambda s: (s.start, s.end))
