"""The words before an attribution verb that may name its speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH_NAMES
from .lexicon import (
    AUX_WORDS,
    CIVIC_HEADS,
    ORG_HEADS,
    ORG_LOWER,
    ORG_PRONOUNS,
    OUTLET_KINDS,
    PARTICLES,
    PERSON_PRONOUNS,
    ROLE_WORDS,
    is_job,
)
from .names import ARABIC_ARTICLE, DOTTED_INITIALS
from .speech_words import ORG_NOUNS, PUBLISHED_NOUNS, SPOKES_MANY, TIME_WORDS

_TOKENS = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
_INITIALS = re.compile(DOTTED_INITIALS)
_LAST_WORD = re.compile(r"(?:^|\s)(\w+)\s*$")
# "Smith on Tuesday said", "Smith, in its March 8 media release, said": cut before looking for
# the speaker. Set off by commas, or by none: in "the mayor of a town in the south," the
# words after "in" end an apposition.
_ADVERB_HEAD = r"(?:on|in|at|late|early|last|this|via)"
_ADVERBIAL = re.compile(
    r"(?:,\s+" + _ADVERB_HEAD + r"(?:\s+[\w'\u2019-]+){1,5},"
    r"|\s+" + _ADVERB_HEAD + r"\s+(?:a\s+|an\s+|the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?"
    r"|\s+(?:" + "|".join(sorted(TIME_WORDS)) + r")"
    # "X in relaying the news to parliament said", "the Ministry in Munich, Germany confirmed"
    r"|\s+(?:in|while|when|upon)\s+[a-z]+ing\b(?:\s+[\w'\u2019-]+){0,6}"
    r"|\s+in\s+[A-Z][\w'\u2019-]+,\s+[A-Z][\w'\u2019-]+)$"
)
# "State representative Jane Doe who sponsored the bill": the name before the clause.
_RELATIVE = re.compile(r"[A-Z][\w'\u2019-]*\s+who\s+[^,;\"\u201c]{1,60}$")
# "Supermarkets General -- responding to a letter by Dart -- said": an aside between dashes.
_DASH_ASIDE = re.compile(
    r"\s+(?:--|\u2014|\u2013)\s+(?:(?!--)[^\"\u201c\u2014\u2013]){2,150}?\s*(?:--|\u2014|\u2013)\s*$"
)
# "Chris Christie, who denounced the claims": the relative's antecedent speaks.
_WHO_LAST = re.compile(r",?\s+(?:who|which)\s*$")
# "X, director of the Y Institute, which studies trade, said": a clause on the body in the
# role, set off by its own commas; the role apposition before it stays.
_WHICH_ASIDE = re.compile(r"(?<=\w),\s+(?:which|whose|where)\s+[^,;\"\u201c]{1,90},\s*$")
# "A Fiat spokesman contacted by Reuters said": who reached the speaker is no speaker.
_REACHED_BY = re.compile(
    r",?\s+(?:contacted|reached|quoted|interviewed|questioned|polled|surveyed)\s+by\s+"
    r"[^,;\"\u201c]{1,50}?,?$"
)
# "Redouane consistently claimed", "X publicly stated": an adverb between name and verb.
_ADVERB_LAST = re.compile(r"\s+([a-z]+ly|here|there)\s*$")  # "a Benetton spokeswoman here said"
# Nouns in -ly that stand where a speaker does ("the family said", "the daily reported").
_LY_NOUNS = frozenset({"family", "assembly", "daily", "weekly", "monthly", "ally", "rally"})
# "Volcker, appearing with Reagan, Greenspan and Baker, said": the subject opening the
# sentence speaks, not the names inside the participle clause set off after it.
_PARTICIPIAL = re.compile(
    r"\s*(?P<subject>[A-Z][\w'\u2019.-]*(?: (?:[A-Z][\w'\u2019.-]*|of|the|de|al|van|von)){0,5}),"
    r"\s+(?:[a-z]+\s+)?[a-z]{3,}(?:ing|ed)\b[^\"\u201c\u201d]*,\s*$"
)
_APPOSITION = re.compile(r",\s+([^,]{2,90}),$")
# "Chuck Levitt, analyst for Shearson Lehman said": wire copy leaves out the comma closing a
# role apposition; the name opening the sentence is the subject, not the employer.
# An opening adverbial or the quote said may come first ("In testimony today, Tom Cook,
# director of industry affairs for the National Cattlemens Association said"), and the body
# may be described before its name ("president of the employers organisation Confindustria").
_UNCLOSED = re.compile(
    r"\s*(?:(?:In|On|At|After|During)\b[^,\"\u201c]{0,40},\s+"
    r"|[\"\u201c][^\"\u201c\u201d]*[,?!][\"\u201d]\s+)?"  # or the quote it said
    r"(?P<subject>[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){1,3}),"
    r" (?P<role>(?:[a-z][\w-]* ){0,3}?(?P<job>[A-Za-z][\w-]+)"
    r"(?: (?:of|for) [a-z][\w-]*(?: [a-z][\w-]*){0,2})? (?:for|of|at|with)"
    # the body's name may hold a comma before a capital: "Smith Barney, Harris Upham and Co"
    r" (?:the )?(?:[a-z][\w-]* ){0,2}[A-Z]"
    r"(?:[^,;\"\u201c\u201d]|,(?= [A-Z])){1,80}?),?\s*$"
)
# "Analyst Ann Lee, of Smith Barney Harris Upham said": where a named person works, set off
# by a comma wire copy leaves unclosed; she speaks, not the firm.
_WORKPLACE_UNCLOSED = re.compile(
    r"(?<=[A-Za-z.]), (?:of|at|with|from) (?:the )?[A-Z][^,;\"\u201c\u201d]{1,60}?\s*$"
)
_ENDS_IN_FULL_NAME = re.compile(r"\b[A-Z][\w'\u2019.-]* [A-Z][\w'\u2019-]+$")
# "X, the mayor of Esperanza, Sultan Kudarat, said": a description and then a place, one
# apposition of two parts.
_DESCRIPTION = re.compile(r",\s+((?:the|a|an)\s+[a-z][^,]{1,80})$")
# A sentence opening with a participle or a preposition: no subject before its comma.
_OPENER = re.compile(r"\s*(?:[A-Z][a-z]+ing|Asked|In|On|At|After|Before|During)\b[^,]*")
# "Council on Foreign Relations": "on" after a body's head word goes on with its name.
_ORG_ON = re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in ORG_HEADS)) + r") on $")
# "Researchers at the Zorvian Institute said": where they work is no adverbial of place.
_STAFF_AT = re.compile(r"\b(?:[Rr]esearchers|[Ss]cientists|[Oo]fficials) at $")
_WHEN_ON = re.compile(
    r"\s+on\s+(?:\d|(?:" + "|".join(sorted(TIME_WORDS | MONTH_NAMES)) + r")\b)",
    re.IGNORECASE,
)
_AGE = re.compile(r",\s+\d{1,3}$")
_LINK = re.compile(r"\s(of|for|and|on)(?:\s+the)?(?:\s+[a-z]+['\u2019]s)?\s+$")
# "the National Hurricane Center (NHC) said", "Rep. Ed Jones, (D-Tenn.) said".
_ACRONYM_AFTER = re.compile(r",?\s*\([A-Z][\w.-]{1,10}\),?$")
# "the Federal Trade Commission (FTC) report said": the acronym before what the body published.
_ACRONYM_BEFORE_NOUN = re.compile(r"\s*\([A-Z][A-Z.]{1,9}\)(?=\s+[a-z]+\s*$)")
# "X went on to say", "X is reported to have said": the subject of the verb before "to".
_RAISING = re.compile(
    r"\s+(?:went on|(?:is|was|were|are) (?:reported|said|understood|believed)"
    # "took to Twitter to say", "used a speech in Riga to warn": an occasion to speak
    r"|took to [\w.-]+|used (?:a|an|the|his|her|their|its) (?:speech|address|interview|post"
    r"|statement|video)(?: [^,.;:\"\u201c]{1,30}?)?) to(?: have)?$"
)
# "Biden and others in the Democratic Party warned": the one named speaks.
_AND_OTHERS = re.compile(
    r"\s+and\s+(?:many\s+|several\s+|some\s+)?others\b(?:\s+(?:in|of|from|at)\s+[^,;]{1,60})?\s*$"
)
# A speaker phrase is a few words (with a title, an apposition, a relative clause): reading
# more of a long sentence only costs time, once per verb of the sentence.
PHRASE_WINDOW = 500
_CONNECTORS = frozenset({"to", "of", "for"})
_AND_CO = re.compile(r"\s*(?:Co|Company|Sons|Partners)\b")
# The first name of a partnership, set off by a comma ("Sears, Roebuck and Co said", "Smith
# of Goldman, Sachs and Co said").
_PARTNER_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][\w.'\u2019-]*), $")
_ARTICLES = frozenset({"the", "a", "an"})


# "a key", "an influential new": an indefinite article and the adjectives after it.
_INDEFINITE_BODY = re.compile(r"(?:^|\s)([Aa]n?)(?:\s+[a-z]+){1,2}$")
# "the New York Coffee, Sugar and " before "Cocoa Exchange": one body's name, listing words.
_LISTED_NAME = re.compile(
    r"(?:^|\s)the\s+((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*,\s+(?:[A-Z][\w.-]*,\s+)*"
    r"[A-Z][\w.-]*\s+and\s+)$"
)
_CIVIC_BEFORE = re.compile(
    r"(?:(?<=\s)|^)(?:the\s+)?(" + "|".join(sorted(CIVIC_HEADS)) + r")$", re.IGNORECASE
)


def walk_back(before: str) -> int:
    """Where in `before` the speaker phrase ending it starts ('the Russian Foreign Ministry').

    A phrase goes on over "of (the)" to a name before it ("X of the army's Y Command");
    over "and" only inside such an "of" name ("State of Iraq and the Levant").
    """
    start = _walk_run(before)
    while start:
        partner = _PARTNER_BEFORE.search(before, 0, start)
        if partner and _AND_CO.search(before, start):
            start = partner.start(1)  # "Sears, Roebuck and Co": a partnership's first name too
            continue
        link = _LINK.search(before, 0, start)
        if not link:
            break
        earlier = _walk_run(before[: link.start()])
        civic = _CIVIC_BEFORE.search(before, 0, link.start())
        if civic and earlier >= civic.start(1):
            earlier = civic.start()  # "the city of Calabasas": the kind opens the name
        words = before[earlier : link.start()].split()
        words = words[1:] if words and words[0].lower() in _ARTICLES else words
        # Only a name links on ("the head of the Council" stays "the Council"), or a body
        # named by its kind ("the government of Armenia", "the ministry of defence").
        body_kind = len(words) == 1 and words[0].lower() in ORG_HEADS | CIVIC_HEADS
        if not words or not (words[0][:1].isupper() or body_kind):
            break
        if link.group(1) == "and" and not _and_links(before[earlier:start], before[start:]):
            break
        if link.group(1) == "on" and words[-1].lower() not in ORG_HEADS:
            break  # "Council on Foreign Relations", not "Smith on Tuesday"
        start = earlier
    listed = _LISTED_NAME.search(before, 0, start)
    if listed and before[start:].split()[-1].lower() in ORG_HEADS:
        return listed.start(1)  # "the New York Coffee, Sugar and Cocoa Exchange"
    return start


def _and_links(left: str, right: str) -> bool:
    """'State of Iraq and the Levant' is one name; 'University of X and Y University' two;
    'C. Itoh and Co Ltd' one firm."""
    if _AND_CO.match(right):
        return True
    heads = [any(w.lower() in ORG_HEADS for w in side.split()) for side in (left, right)]
    return " of " in left and not all(heads)


def _walk_run(before: str) -> int:
    """Where the run of name-like words ending `before` starts."""
    tokens = list(_TOKENS.finditer(before))
    start = len(before)
    post = _post_start(tokens)
    # A body's kind in lower case ends the run ("committee"): it may be unnamed.
    lower_head = bool(tokens) and tokens[-1].group().islower() and tokens[-1].group() in ORG_HEADS
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        lower = word.lower()
        if i == len(tokens) - 1 and lower in PERSON_PRONOUNS | ORG_PRONOUNS:
            return tokens[i].start()
        if lower in ("the", "an", "a"):
            return tokens[i].start()
        right = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        left = tokens[i - 1].group() if i > 0 else ""
        # "and", "of" or a number ("The Lost 52 Project") between two capitalised words.
        joins = lower in _CONNECTORS or word.isdigit()
        connector = joins and right[:1].isupper() and left[:1].isupper()
        speakerish = word[:1].isupper() or lower in PARTICLES or lower in ORG_LOWER
        speakerish = speakerish or bool(ARABIC_ARTICLE.match(word))  # "al-Sisi"
        speakerish = speakerish or lower in ORG_HEADS or lower in ROLE_WORDS or connector
        last = i == len(tokens) - 1
        speakerish = speakerish or (last and lower in ORG_NOUNS | SPOKES_MANY)
        # "The rapper said": a job after "the" takes up whoever was named with it.
        speakerish = speakerish or (last and left.lower() == "the" and is_job(lower))
        # "The central bank said": a body described by one word, taken up by its kind.
        body_after = i == len(tokens) - 2 and tokens[-1].group() in ORG_NOUNS
        speakerish = speakerish or (body_after and left.lower() == "the" and word.isalpha())
        # "the Business Day newspaper said": an outlet, its kind after its name.
        speakerish = speakerish or (last and lower in OUTLET_KINDS and left[:1].isupper())
        # "Russia's top diplomat said": a foreign minister, named before.
        ahead = [t.group().lower() for t in tokens[i : i + 3]]
        speakerish = speakerish or (lower in ("top", "diplomat") and "diplomat" in ahead)
        # "Biden campaign officials said": the body's noun before its officials.
        speakerish = speakerish or (lower in ORG_NOUNS and right.lower() in SPOKES_MANY)
        # "The ministry's spokeswoman said": a body's possessive before the last word.
        owner = lower.endswith(("'s", "\u2019s")) and lower[:-2] in ORG_NOUNS | ORG_HEADS
        speakerish = speakerish or (i == len(tokens) - 2 and owner) or i >= post
        # "The WHO's website said": what a named organisation publishes speaks for it.
        published = lower in PUBLISHED_NOUNS and left[:1].isupper()
        speakerish = speakerish or (i == len(tokens) - 1 and published)
        # A full stop ends the run, unless it closes initials inside it ("The U.S. Treasury").
        stop = word[-1] == "." and len(word) > 2 and not (_INITIALS.fullmatch(word) and right)
        indefinite = None
        if not speakerish and lower_head:
            indefinite = _INDEFINITE_BODY.search(before, 0, tokens[i].end())
        if indefinite:  # "A key U.S. Senate committee said": some committee, unnamed
            return indefinite.start(1)
        if not speakerish or word[-1] in ',;:"\u201d)' or stop:
            break
        start = tokens[i].start()
    return start


def _post_start(tokens: list[re.Match[str]]) -> int:
    """The token of the owner's possessive before a post the run ends in ("the Bank's chief
    economist", "the company's chief financial officer"): from there on, the run keeps the
    post's words in lower case. len(tokens) when the run ends in no such post."""
    words = [t.group() for t in tokens[-4:]]
    if not words or not is_job(words[-1]):
        return len(tokens)
    for back in range(2, len(words) + 1):
        word = words[-back]
        owner = _POSSESSIVE_END.sub("", word.lower())
        if word.endswith(("'s", "\u2019s", "s'", "s\u2019")) and (
            word[:1].isupper() or owner in ORG_NOUNS
        ):
            return len(tokens) - back
        if not word.islower() or not word.isalpha():
            break
    return len(tokens)


def _drop_adverbs(before: str) -> str:
    for _ in range(2):
        adverb = _ADVERB_LAST.search(before)
        if not adverb or adverb.group(1) in _LY_NOUNS:
            break
        before = before[: adverb.start()]
    return before


def _without_acronym(before: str) -> str:
    """'the Center (NHC)' without its acronym; the comma after it stays when it closes an
    apposition ("X, aide to Tom Foley (D-Wash.), predicted")."""
    acronym = _ACRONYM_AFTER.search(before)
    if not acronym:
        return before
    kept = before[: acronym.start()]
    closes = acronym.group().endswith(",") and ", " in kept
    return kept + "," if closes else kept


def _strip_aux(before: str) -> str:
    before = _AND_OTHERS.sub("", _DASH_ASIDE.sub("", before))
    relative = _RELATIVE.search(before)
    if relative:
        before = before[: before.index(" who", relative.start())]
    before = _WHO_LAST.sub("", before)
    aside = _WHICH_ASIDE.search(before)
    if aside and "," in before[: aside.start()]:  # the role apposition it follows
        before = before[: aside.start()] + ","
    before = _REACHED_BY.sub("", before)
    before = _drop_adverbs(before)
    before = _ACRONYM_BEFORE_NOUN.sub("", _without_acronym(before.rstrip()))
    before = _RAISING.sub("", before)
    while True:
        before = before.rstrip()
        adverbial = _ADVERBIAL.search(before)
        named_on = _ORG_ON.search(before, 0, adverbial.start() + 4) if adverbial else None
        staff_at = _STAFF_AT.search(before, 0, adverbial.start() + 4) if adverbial else None
        if (
            adverbial
            and not staff_at
            and (not named_on or _WHEN_ON.match(before, adverbial.start()))
        ):
            before = before[: adverbial.start()]
            continue
        match = _LAST_WORD.search(before)
        if not match or match.group(1).lower() not in AUX_WORDS:
            return before
        before = before[: match.start(1)]


@dataclass(frozen=True)
class Phrase:
    """The words before an attribution verb: `text` at `start`, an apposition, the rest."""

    start: int
    text: str
    appositive: str = ""
    lead: str = ""  # what stands before an apposition ("The city's harbour master")

    @property
    def lead_start(self) -> int:
        """Where `lead` starts in the body (the phrase ends it)."""
        return self.start - (len(self.lead) - len(self.text))


def speaker_phrase(body: str, sent_start: int, verb_start: int) -> Phrase:
    """Whoever stands before the verb (within the last PHRASE_WINDOW characters)."""
    sent_start = _window_start(body, sent_start, verb_start)
    participial = _PARTICIPIAL.match(body, sent_start, verb_start)
    if participial:
        subject = participial.group("subject")
        return Phrase(participial.start("subject"), subject, "", subject)
    unclosed = _UNCLOSED.match(body, sent_start, verb_start)
    if unclosed and is_job(unclosed.group("job").lower()):
        subject = unclosed.group("subject")
        return Phrase(unclosed.start("subject"), subject, unclosed.group("role"), subject)
    before = _strip_aux(body[sent_start:verb_start])
    workplace = _WORKPLACE_UNCLOSED.search(before)
    if workplace and _ENDS_IN_FULL_NAME.search(before, 0, workplace.start()):
        before = before[: workplace.start()]
    appositive = ""
    apposition = _APPOSITION.search(before)
    if apposition and before[apposition.start() - 1 : apposition.start()].strip():
        appositive, before = apposition.group(1), before[: apposition.start()]
        description = _DESCRIPTION.search(before)
        # "Speaking to AFP, the president of the league, X, said": the description is the
        # role of the name after it, not the first half of one apposition.
        opened = _OPENER.match(before)
        if (
            description
            and not (opened and opened.end() >= description.start())
            and before[description.start() - 1 : description.start()].strip()
        ):
            appositive = f"{description.group(1)}, {appositive}"
            before = before[: description.start()]
    if appositive:  # "…, British Aerospace Plc (BAe), one of four shareholders, said"
        before = _ACRONYM_AFTER.sub("", before)
    age = _AGE.search(before)
    if age and appositive:
        before = before[: age.start()]  # "Ola Berg, 45, a resident of Minsk, said"
    offset = walk_back(before)
    return Phrase(sent_start + offset, before[offset:], appositive, before)


def _window_start(body: str, sent_start: int, verb_start: int) -> int:
    """Where to start reading for the phrase before `verb_start`: at most PHRASE_WINDOW back,
    on a word boundary."""
    if verb_start - sent_start <= PHRASE_WINDOW:
        return sent_start
    space = body.find(" ", verb_start - PHRASE_WINDOW, verb_start)
    return space + 1 if space >= 0 else verb_start - PHRASE_WINDOW
