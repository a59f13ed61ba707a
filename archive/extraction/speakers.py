"""Who a speaker phrase names: people, organisations, pronouns and follow-up nouns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .countries import POSSESSIVE, code_for, institution_names
from .dates import MONTH_NAMES
from .gender import PRONOUN_GENDER, genders, with_surnames
from .lexicon import (
    AGENCIES,
    CIVIC_HEADS,
    FUNCTION_WORDS,
    LEADING_HEADS,
    ORG_HEADS,
    ORG_PRONOUNS,
    OUTLET_KINDS,
    PARTICLES,
    PERSON_PRONOUNS,
    PLATFORMS,
    RANK_WORDS,
    ROLE_HEADS,
    ROLE_NOUNS,
    ROLE_WORDS,
    _words,
    is_job,
)
from .names import (
    Mention,
    clean_role,
    is_country_token,
    is_name_token,
    role_country,
    split_role,
)
from .phrases import Phrase
from .recency import Furthest, Latest
from .registry import Registry
from .speech_words import (
    COMPANY_NOUNS,
    INTERVIEWER_TAGS,
    MEDIA_HEADS,
    ORG_NOUNS,
    PUBLISHED_NOUNS,
    SPOKES_MANY,
    TIME_WORDS,
    VAGUE_SUBJECTS,
)
from .text import Sentences, without_the
from .types import ORGANISATION, PERSON

_ACRONYM = re.compile(r"[A-Z]{2,}")
# A lone name, not an adjective of origin or kind ("African", "Environmental"); a name with
# capitals inside ("GitHub", "YouTube") too.
_LONE_WORD = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?(?<!an)(?<!al)(?<!ans)")
# "Anna Petrova, the foreign minister, …": a role set off after the name.
_APPOSED_ROLE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:\"\u201c]{2,60}?)[,.]")
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?,;:\"\u201c\u201d\n])\s*$")
# A capitalised word inside a sentence, just before another ("Bettino Craxi", "Mr Yeutter").
_NAME_BEFORE = re.compile(r"(?<=[\w,] )(?!The )[A-Z][\w.'\u2019-]* $")
# "Smith on Tuesday said", "Smith, in a statement, said": cut before looking for the speaker.
_REL_START = re.compile(r"(?:who|which|that|whose|also|in|on|at|as|and|but|when|while)\b")
# What may come before a sentence's subject: a few capitalised or title words.
# An opening aside set off by a comma ("Wednesday, the day he dropped out, X endorsed …").
_OPENING_ASIDE = (
    r"(?:(?:In|On|At|After|Before|During|Following|Meanwhile|Later|Earlier|Yesterday|Today|"
    + "|".join(sorted(w.capitalize() for w in TIME_WORDS))
    + r")\b[^,;:\"\u201c\u201d]{0,60}, (?:[^,;:\"\u201c\u201d]{1,70}, )?)?"
)
_SUBJECT_OPENING = re.compile(
    _OPENING_ASIDE
    + r"(?:(?:[A-Z][\w.'\u2019-]*|the|a|an|of|"
    + "|".join(sorted(ROLE_WORDS))
    + r") ){0,5}"
)
# A sentence's first word, a surname when the article names its person in full.
_FIRST_WORD = re.compile(_OPENING_ASIDE + r"([A-Z][\w\u2019'-]+?)(?:'s|\u2019s)?[ ,]")
# "the Army of the North": a proper name after "the", with its small link words.
_PROPER_NAME = re.compile(
    r"the [A-Z][\w'\u2019.&-]*(?:(?: (?:of|and|for|the|to))* [A-Z][\w'\u2019.&-]*)*"
)
_NOT_HOLDING = frozenset({"vice", "deputy", "former", "ex", "assistant", "under"})
_FIRST_ACRONYM = re.compile(r"(?:The )?([A-Z]{3,}) ")
_KIN_NAME = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:wife|husband|son|daughter|mother|father|brother|sister"
    r"|widow|widower|partner|niece|nephew|grandson|granddaughter)\s+"
    r"([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2})$"
)
_PRONOUN_OPENING = re.compile(r"(?:He|She)\b")
_ARTICLE = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
_SPOKES = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "representative", "statement", "official"}
)
_SPOKES_ALONE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_SPOKES_TITLES = frozenset({"press secretary", "press officer", "press spokesman"})
_NAMED = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+[a-z][\w\s-]{0,40}?\s+(?:named|called|using the (?:pseudonym|name)"
    r"|identified(?: only)? as|who gave (?:only )?(?:his|her|their) name as)\s+"
    r"([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2})$"
)
_PERSON_OF = re.compile(
    r"\s*((?:[A-Z][\w'\u2019.-]+ ){1,3}[A-Z][\w'\u2019-]+) of (?:the |a )?[^,;\"\u201c]{1,60}$"
)
_OPENING_WORDS = (
    frozenset({"although", "though", "if", "because", "unless", "once", "whereas", "until"})
    | MONTH_NAMES
)
_DOCUMENTS = _words(
    """
    agreement agreements treaty accord accords constitution act charter protocol declaration
    resolution bible quran koran torah manifesto
    """
)
_PERSONAL_STAFF = frozenset({"office", "campaign", "team", "camp", "lawyer", "lawyers"})
_FULL_NAME = re.compile(
    r"(?:[a-z][\w-]+ ){0,3}[A-Z][\w'\u2019.-]+(?: (?:[a-z]{1,3} )?[A-Z][\w'\u2019.-]+){1,3}"
)
_PARTISANS = frozenset({"democrat", "republican"})
_LINK_WORDS = frozenset({"of", "and", "the", "for"})
# Officials of a place are unnamed ("Jefferson Parish officials", "Kent County officials").
_PLACE_UNITS = frozenset(
    {"parish", "county", "city", "state", "province", "district", "town", "village", "region"}
)
# How many earlier speakers "she" may pass over for one the article does not call "he".
_GENDER_LOOKBACK = 6
# "a Drexel spokesman said", "the company's spokeswoman told Reuters": someone unnamed who
# speaks for a body, whom the next sentence's "he" or "she" takes up.
_SPOKESPERSON_SAID = re.compile(
    r"\b(?i:an?|the|its|his|her|their)\s+(?:[\w'\u2019.-]+\s+){0,3}?"
    r"(?:spokes(?:man|woman|person)|official|representative)"
    # "An official of the Law Debenture Trust said …. He noted …"
    # "A spokesman for the Rio de Janeiro Port said": a particle may join the name.
    r"(?:\s+(?:of|for|at|with)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w'\u2019.&-]*|de|da|do|del|di|du|von|van|of|and)\s+){0,6}[A-Z][\w'\u2019.&-]*)?"
    r"\s+(?:said|told|added|stated|noted|explained|denied|confirmed|pointed out)\b"
)
_DESCRIBED_BY = re.compile(r"(?:^|[\s(])((?:[a-z]{3,}\s+){0,2}[a-z]{4,})\s+$")
# A body something is filed with or sent to, not the company a story is about.
_ADDRESSED_BODY = re.compile(r"\b(?:with|to)\s+(?:the\s+)?$")
# The offices a country's (or a union's) "top diplomat" holds.
_OFFICES = (
    ("minister", ("foreign",)),
    ("secretary", ("state",)),
    ("chief", ("policy",)),
    ("representative", ("high",)),
)
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "other", "many", "several", "most"})


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str = PERSON
    role: str = ""
    country: str = ""


@dataclass
class Context:
    """What attribution knows about one body so far."""

    body: str
    registry: Registry
    people: list[Mention]  # person mentions, canonical names, in order
    orgs: list[tuple[int, str]]  # (offset, canonical) of organisation mentions
    lower_words: set[str]
    # Lookups of the latest earlier candidate, one bisection each (see recency).
    _spoken: dict[str, Latest[Speaker]] = field(default_factory=dict, init=False)
    _people: Latest[Mention] = field(default_factory=Latest, init=False)
    # Every mention of a person in order, surnames alone included ("Spanton").
    _everyone: list[Mention] = field(default_factory=list, init=False)
    # People by a role noun ("minister") or a role's country ("AM"), each built on first use.
    _with_role: dict[str, Latest[Mention]] = field(default_factory=dict, init=False)
    _of_country: dict[str, Latest[Mention]] = field(default_factory=dict, init=False)
    _orgs: dict[str, Furthest] = field(default_factory=dict, init=False)
    # Where the body's sentences start (set by the attribution pass), and the people named
    # as a sentence's subject, built on first use.
    sentences: Sentences = field(init=False)
    _subjects: Latest[Mention] | None = field(default=None, init=False)
    _org_subjects: Latest[str] | None = field(default=None, init=False)
    _genders: dict[str, str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.sentences = Sentences(self.body)
        self._everyone = with_surnames(self.body, self.people)
        for mention in self._everyone:
            self._people.add(mention.start, mention)  # "offered Spanton a tour": her too
        for offset, name in self.orgs:
            self._add_org(offset, name)

    def add_spoken(self, offset: int, speaker: Speaker) -> None:
        """Record that `speaker` has a statement starting at `offset`."""
        self._spoken.setdefault(speaker.kind, Latest()).add(offset, speaker)
        if speaker.kind == ORGANISATION:
            self._add_org(offset, speaker.name)

    def _add_org(self, offset: int, name: str) -> None:
        # Indexed under "" (any organisation) and under its head nouns ("company"), the last
        # word or one before "of": "Ministry of Defence", "States of Malaya Chamber of Mines".
        words = name.lower().split()
        heads = {words[i - 1] for i, word in enumerate(words) if word == "of" and i > 0}
        heads = heads or {words[-1]}
        for key in {"", *(head.rstrip("s") for head in heads)}:
            self._orgs.setdefault(key, Furthest()).add(offset, name)

    def _fits(self, name: str, gender: str | None) -> bool:
        """Whether "he" or "she" (as `gender`) may take up `name`: unless the article clearly
        refers to that person the other way."""
        if gender is None:
            return True
        if self._genders is None:
            self._genders = genders(self.body, self._everyone)
        return self._genders.get(name, gender) == gender

    def last_speaker(self, kind: str, pos: int, pronoun: str = "") -> Speaker | None:
        """Whom "he", "she" or "it" at `pos` takes up: the last speaker, or for a person, the
        subject of this sentence or the one before if named since ("Adamowicz, 53, has
        supported … He condemned …"); "she" never a man the article calls "he"."""
        spoken = self._spoken.get(kind)
        gender = PRONOUN_GENDER.get(pronoun)
        found = spoken.latest(pos) if spoken else None
        for _ in range(_GENDER_LOOKBACK):
            if not (found and kind == PERSON) or self._fits(found[1].name, gender):
                break
            found = spoken.latest(found[0]) if spoken else None
        else:
            found = None
        if kind != PERSON:
            # "NASA interrupted … It also credited …": a sentence opening with "It" goes on
            # about the last one's subject; "…, it said" at the end is the story's speaker.
            opens = self.body.startswith("It ", self.sentences.start_of(pos))
            body = self._org_subject_before(pos) if opens else None
            later = body and (found is None or body[0] > found[0])
            if body and later and body[0] >= self._previous_sentence(pos):
                return Speaker(body[1], ORGANISATION)
            return found[1] if found else None
        # '"…," a Drexel spokesman said. He added, …': "he" is the spokesperson, so the body
        # he speaks for, when it spoke in the sentence before and no person spoke since.
        said = _SPOKESPERSON_SAID.search(self.body, self._previous_sentence(pos), pos)
        if said:
            spoken_for = self._last_body_spoken(pos, found[0] if found else -1)
            if spoken_for:
                return spoken_for
            if found is None or said.start() > found[0]:
                return None  # "…, a mining ministry spokesman said. …, he said.": no one named
        subject = self._subject_before(pos)
        if (
            subject
            and subject[0] >= self._previous_sentence(pos)
            and (found is None or subject[0] > found[0])
            and self._fits(subject[1].name, gender)
        ):
            return self.person(subject[1].name)
        if found:
            return found[1]
        earlier = self._people.before(pos)
        return self.person(earlier.name) if earlier and self._fits(earlier.name, gender) else None

    def body_spoken_for(self, pos: int) -> Speaker | None:
        """The body that last spoke before `pos`, when a spokesperson of one spoke before."""
        said = _SPOKESPERSON_SAID.search(self.body, 0, pos)
        return self._last_body_spoken(pos) if said else None

    def _last_body_spoken(self, pos: int, after: int = -1) -> Speaker | None:
        """The body that last spoke before `pos`, unless that was before `after`."""
        spoken = self._spoken.get(ORGANISATION)
        found = spoken.latest(pos) if spoken else None
        return found[1] if found and found[0] >= after else None

    def _subject_before(self, pos: int) -> tuple[int, Mention] | None:
        """The last person before `pos` named at the opening of a sentence, after at most a
        few title words ("Interior Minister X called …", "Actor X's appearance …")."""
        if self._subjects is None:
            subjects = [
                mention
                for mention in self.people
                if _SUBJECT_OPENING.fullmatch(
                    self.body, self.sentences.start_of(mention.start), mention.start
                )
            ]
            # "Bloomberg endorsed …": a surname alone, of someone named in full before.
            for start in self.sentences.starts:
                word = _FIRST_WORD.match(self.body, start)
                known = self.registry.resolve_person(word.group(1)) if word else None
                if word and known:
                    subjects.append(Mention(known, word.start(1), word.end(1)))
            self._subjects = Latest()
            for mention in sorted(subjects, key=lambda m: m.start):
                self._subjects.add(mention.start, mention)
        return self._subjects.latest(pos)

    def _org_subject_before(self, pos: int) -> tuple[int, str] | None:
        """The last organisation before `pos` that opens its sentence: one the text names
        there ("The Ministry of Health said …") or an acronym it knows ("NASA interrupted")."""
        if self._org_subjects is None:
            self._org_subjects = Latest()
            opening = {self.sentences.start_of(at): (at, name) for at, name in reversed(self.orgs)}
            for start in self.sentences.starts:
                word = _FIRST_ACRONYM.match(self.body, start)
                acronym = word.group(1) if word and not is_country_token(word.group(1)) else None
                known = (self.registry.find_org(acronym) or acronym) if acronym else None
                named = opening.get(start)
                if named and self.body[start : named[0]] in ("", "The ", "the "):
                    self._org_subjects.add(named[0], named[1])
                elif known:
                    self._org_subjects.add(start, known)
        return self._org_subjects.latest(pos)

    def _previous_sentence(self, pos: int) -> int:
        """Where the sentence before the one holding `pos` starts, reaching further back
        over a few that open with "He" or "She" (they go on about the same subject)."""
        starts = self.sentences.starts
        i = self.sentences.index(pos) - 1
        for _ in range(3):
            if i <= 0 or not _PRONOUN_OPENING.match(self.body, starts[i]):
                break
            i -= 1
        return starts[i] if i >= 0 else 0

    def person(self, name: str, role: str = "", country: str = "") -> Speaker:
        known_role, known_country = self.registry.role_of(name)
        return Speaker(name, PERSON, role or known_role, country or known_country)

    def last_with_role(
        self, noun: str, pos: int, qualifiers: tuple[str, ...] = (), country: str = ""
    ) -> Speaker | None:
        """The last person before `pos` whose role includes `noun` ("the minister") and every
        qualifier ("the prime minister": not the economy minister), of `country` when one
        is given ("the foreign ministers of Russia and Iran")."""

        def holds(mention: Mention) -> bool:
            words = self._role_words(mention)
            of_country = not country or mention.country == country
            return of_country and _holds(noun, words) and all(q in words for q in qualifiers)

        key = " ".join((*qualifiers, noun, country))
        return self._latest(self._with_role, key, pos, holds)

    def _role_words(self, mention: Mention) -> list[str]:
        apposed = _APPOSED_ROLE.match(self.body, mention.end)
        # "rapper Kanye West", "Fox News reporter Jennifer Griffin": a job written before
        # the name in lower case
        described = _DESCRIBED_BY.search(self.body, max(0, mention.start - 40), mention.start)
        job = described.group(1) if described and is_job(described.group(1).split()[-1]) else ""
        return re.findall(
            r"[a-z]+", f"{mention.role} {apposed.group(1) if apposed else ''} {job}".lower()
        )

    def last_two(self, pos: int) -> list[Speaker]:
        """The last two people named before `pos` ("both men said")."""
        names: list[str] = []
        for mention in reversed(self.people):
            if mention.start < pos and mention.name not in names:
                names.append(mention.name)
                if len(names) == 2:
                    return [self.person(name) for name in reversed(names)]
        return []

    def of_last_two(self, pos: int, latter: bool) -> Speaker | None:
        """ "The latter" or "the former": of the last two people or organisations named
        before `pos`."""
        named = [(m.start, self.person(m.name)) for m in self.people if m.start < pos]
        named += [(at, Speaker(name, ORGANISATION)) for at, name in self.orgs if at < pos]
        last_two: list[Speaker] = []
        for _, speaker in sorted(named, key=lambda n: n[0], reverse=True):
            if speaker.name not in (s.name for s in last_two):
                last_two.append(speaker)
            if len(last_two) == 2:
                return last_two[0] if latter else last_two[1]
        return None

    def last_of_country(self, code: str, pos: int) -> Speaker | None:
        """The last person before `pos` whose role is of country `code` ("Armenian Prime
        Minister X" for "the Armenian leader")."""
        return self._latest(self._of_country, code, pos, lambda m: m.country == code)

    def _latest(
        self,
        index: dict[str, Latest[Mention]],
        key: str,
        pos: int,
        keeps: Callable[[Mention], bool],
    ) -> Speaker | None:
        """The last person before `pos` that `keeps` accepts, `index[key]` built once."""
        if key not in index:
            index[key] = Latest()
            for mention in self.people:
                if keeps(mention):
                    index[key].add(mention.start, mention)
        latest = index[key].before(pos)
        return self.person(latest.name) if latest else None

    def last_org(self, noun: str, pos: int, any_company: bool = True) -> Speaker | None:
        """The last organisation before `pos` named with `noun`, or any for company nouns
        (unless not `any_company`)."""
        company = any_company and noun in COMPANY_NOUNS
        subject = self._org_subject_before(pos) if company else None
        if subject and subject[0] >= self.sentences.start_of(pos):
            # "X signed a letter with Bank of America …, the bank said": the sentence's own
            # subject, not the last body named in it.
            return Speaker(subject[1], ORGANISATION)
        named = self._orgs.get(_HEAD_SYNONYMS.get(noun, noun).rstrip("s"))
        found = named.before(pos) if named else None
        if found:  # a body named in full once, then within its own name's last words
            return Speaker(self.registry.longer_org(found[1]), ORGANISATION)
        if not company:
            return None  # "Police said": an unnamed source, as "officials said"
        said = self._last_body_spoken(pos)
        if said:
            return said
        anyone = self._orgs.get("")
        found = anyone.before(pos) if anyone else None
        while found and _ADDRESSED_BODY.search(self.body, max(0, found[0] - 12), found[0]):
            found = anyone.before(found[0]) if anyone else None  # "In a filing with the SEC"
        return Speaker(found[1], ORGANISATION) if found else None


def _holds(noun: str, role_words: list[str]) -> bool:
    """Whether a role is `noun` itself: a vice-president or former minister is none."""
    at = [i for i, word in enumerate(role_words) if word == noun]
    return any(i == 0 or role_words[i - 1] not in _NOT_HOLDING for i in at)


def _role_tail(lead: str) -> list[str]:
    """The role words ending `lead`: after its last article or possessive, at most six."""
    words = lead.split()[-6:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("the", "a", "an", "its", "his", "her") or POSSESSIVE.search(
            words[i]
        ):
            return words[i + 1 :]
    return words


# "A spokesman for Boeing said": whoever has a spokesperson is an organisation.
# Who speaks for an organisation it names: "a spokesperson for", "an official of", and its
# researchers, who speak for its study.
SPOKESPERSON_FOR = (
    r"(?:(?:spokes(?:man|woman|person)|officials?|representatives?)\s+(?:of|for)"
    r"|(?:researchers|scientists|officials)\s+(?:at|from))"  # "researchers at X said"
)
_SPOKESPERSON_OF = re.compile(rf"\b{SPOKESPERSON_FOR}\s+(?:the\s+)?$", re.IGNORECASE)


def spokesperson_of(ctx: Context, phrase: Phrase, before: str) -> Speaker | None:
    """The organisation `phrase` names when `before` ends with "a spokesperson for": known or
    not, a name there is an organisation's (not a country's: "an official of Iran")."""
    words = phrase.text.split()
    if not words or not _SPOKESPERSON_OF.search(before):
        return None
    if len(words) == 2 and words[0].lower() == "the" and words[1] in ORG_NOUNS:
        return ctx.last_org(words[1], phrase.start)  # "a spokesperson for the ministry"
    name = without_the(phrase.text)
    return named_body(ctx, name) if name[:1].isupper() else None


def named_body(ctx: Context, name: str) -> Speaker | None:
    """The organisation someone unnamed speaks for, known or not; no country ("an official
    of Iran" is unnamed)."""
    if is_country_token(name) or code_for(name):
        return None
    return Speaker(ctx.registry.find_org(name) or ctx.registry.add_org(name), ORGANISATION)


def introduced_name(ctx: Context, text: str) -> Speaker | None:
    """The person a description introduces by name: "a university student named Wong",
    "a protester using the pseudonym Katya", "his wife Mary"."""
    named = _NAMED.search(text) or _KIN_NAME.search(text)
    if not named:
        return None
    name = named.group(1)
    ctx.registry.add_persons([Mention(name, 0, len(name))])
    return ctx.person(ctx.registry.resolve_person(name) or name)


_ROLE_AT_BODY = re.compile(r"(?:[a-z][\w-]* ){0,4}(?:for|of|at|with|from) ")


def resolve_phrase(ctx: Context, phrase: Phrase, pos: int) -> Speaker | None:
    """'Name, the role,' or 'the role, Name,': whichever side names someone speaks."""
    if not phrase.appositive:
        named = introduced_name(ctx, phrase.lead)
        if named:
            return named
    appositive = phrase.appositive
    # "analyst for Shearson Lehman": the name after the role's preposition is the employer.
    employed = _ROLE_AT_BODY.match(appositive)
    if appositive and not (_REL_START.match(appositive) or _ARTICLE.match(appositive) or employed):
        inner = resolve(ctx, appositive.strip(), pos)
        role_words = _role_tail(phrase.lead)
        if inner and inner.kind == PERSON and role_words and is_role(" ".join(role_words)):
            role = clean_role(role_words)
            return ctx.person(inner.name, role, role_country(phrase.lead.split()[-8:]))
        if inner and inner.kind == PERSON and _FULL_NAME.fullmatch(appositive.strip()):
            # "The judge presiding over the case, Maria Lopez, said", "One of the authors,
            # herpetologist Ann Lee, told": a full name set off after a description speaks.
            return inner
    speaker = resolve(ctx, phrase.text, pos) if phrase.text else None
    owned = any(POSSESSIVE.search(w) for w in phrase.text.split()[:-1])
    if speaker and speaker.kind == ORGANISATION and owned:
        # "X's party, the Zorvian People's Party, said": the body by its own name
        named = _named_by_apposition(ctx, appositive, pos)
        speaker = named or speaker
    if speaker and appositive and speaker.kind == PERSON and is_role(appositive):
        role = clean_role(appositive.split())
        return ctx.person(speaker.name, role, role_country(appositive.split()))
    if speaker is None and appositive:
        return _described_organisation(ctx, phrase)
    if speaker is None and phrase.text[:1].isupper():
        # "the Hamburg-based newsletter Oil World said": the kind written before the name.
        kind = phrase.lead[: len(phrase.lead) - len(phrase.text)].split()[-1:]
        if kind and kind[0] in COMPANY_NOUNS | OUTLET_KINDS:
            speaker = _named_after_kind(ctx, [*kind, *phrase.text.split()], pos)
    workplace = None if speaker else _PERSON_OF.match(phrase.lead)
    if workplace:
        # "José Ortiz of the island's power authority said": the person, whatever the body.
        return _resolve_person(ctx, workplace.group(1).split())
    return speaker


# A body's kind written otherwise than its name's head word ("the bourse" for "the Amsterdam
# Stock Exchange").
_HEAD_SYNONYMS = {"bourse": "exchange"}

# What the press writes before a paper's or an agency's name ("the official Peking Review").
_PRESS_ADJECTIVES = frozenset(
    {"official", "semi-official", "state-run", "state-owned", "government-run", "authoritative"}
)

# A capitalised adjective that describes a body, not its name: "Democratic-controlled",
# "Soviet-backed", "Cyprus-based", "English-language".
_HYPHEN_ADJECTIVE = re.compile(
    r"[A-Z][\w.]*-(?:controlled|led|run|dominated|backed|owned|based|language)"
)

# A time opening a sentence without a comma: "On Friday Taft said", "Yesterday X said".
_TIME_OPENING = re.compile(
    r"(?:(?:On|Late|Early|Earlier|Later) )?(?:"
    + "|".join(sorted(w.capitalize() for w in TIME_WORDS))
    + r")(?: (?:morning|afternoon|evening|night))? (?=[A-Z])"
)
# States listed with wire copy's capital after "U.S.": "the U.S. And West Germany".
_STATES_LISTED = re.compile(r",?\s+And\s+|,\s+")
# Words wire copy capitalises after "U.S." that name no body: "the U.S. Group", a delegation.
_CAPITALISED_GROUPS = frozenset({"Group", "Delegation", "Team", "Side"})

# Kinds of body written in lower case after its name ("the Teamsters union").
_KINDS_AFTER_NAMES = frozenset({"union", "party", "group", "firm", "airline", "carrier"})


def _named_after_kind(ctx: Context, words: list[str], pos: int) -> Speaker | None:
    """'The Iranian news agency IRNA said', 'the state oil company Petrobras': what kind of
    body it is, then its name."""
    kinds = [i for i, w in enumerate(words[:-1]) if w in COMPANY_NOUNS | OUTLET_KINDS]
    if not kinds or len(words) - kinds[-1] - 1 > 3:
        return None
    name = words[kinds[-1] + 1 :]
    if not all(w[:1].isupper() for w in name) or code_for(" ".join(name)):
        return None
    named = resolve(ctx, " ".join(name), pos)
    if named and named.kind == ORGANISATION:
        return named
    return Speaker(ctx.registry.add_org(" ".join(name)), ORGANISATION) if named is None else None


def _named_by_apposition(ctx: Context, appositive: str, pos: int) -> Speaker | None:
    """The organisation an apposition names: "the Zorvian People's Party"."""
    words = appositive.split()
    if len(words) < 2 or words[0].lower() != "the" or not all(w[:1].isupper() for w in words[1:]):
        return None
    return _body_named(ctx, appositive, pos)


# Words that point away from the body named before ("the other company").
_ANOTHER = frozenset({"other", "another", "rival", "second", "new", "former", "first", "both"})


def _last_outlet(ctx: Context, pos: int) -> Speaker | None:
    """The last news outlet to speak before `pos`: named by a media word ("New York Times")
    or introduced as one."""
    spoken = ctx.last_speaker(ORGANISATION, pos)
    if spoken is None:
        return None
    media = spoken.name.lower().split()[-1] in MEDIA_HEADS
    return spoken if media or spoken.name in ctx.registry.outlets else None


def _employer(ctx: Context, words: list[str], pos: int) -> Speaker | None:
    """ "the World Bank's chief economist", "the company's chief financial officer": someone
    unnamed who holds a post in a named body speaks for it, as its spokesperson would."""
    owned = max((i for i, w in enumerate(words[:-1]) if POSSESSIVE.search(w)), default=None)
    if owned is None:
        return None
    post = words[owned + 1 :]
    if not all(w.islower() for w in post) or post[-1] in ORG_NOUNS | ORG_HEADS:
        return None  # "Goa's government" is a body of its own
    if not is_job(post[-1]):
        return None
    owner = [*words[:owned], POSSESSIVE.sub("", words[owned])]
    # "the United Nations' Food and Agriculture Organization's": the nearest owner.
    inner = [i for i, w in enumerate(owner[:-1]) if w.endswith(("s'", "s\u2019"))]
    owner = owner[inner[-1] + 1 :] if inner else owner
    if len(owner) == 1 and owner[0].lower() in ORG_NOUNS:
        return ctx.last_org(owner[0].lower(), pos)  # "the company's chief economist"
    known = ctx.registry.find_org(" ".join(owner))
    if known:
        return Speaker(known, ORGANISATION)
    headed = owner[-1].lower() in ORG_HEADS and all(
        w[:1].isupper() or w in ("of", "and") for w in owner
    )
    # A lone word may be a person or a place ("Trump's lawyer", "Chelyabinsk's governor").
    return _body_named(ctx, " ".join(["the", *owner]), pos) if headed else None


def _body_named(ctx: Context, phrase: str, pos: int) -> Speaker | None:
    """The organisation `phrase` names; None when it names a person or no one."""
    named = resolve(ctx, phrase, pos)
    return named if named and named.kind == ORGANISATION else None


def _described_organisation(ctx: Context, phrase: Phrase) -> Speaker | None:
    """'Roscosmos, the Russian space agency, announced': a name its apposition calls a body;
    'The militant group, the Army of the North, claimed': the name after its description."""
    described = phrase.appositive.split()
    words = phrase.text.split()
    lead = phrase.lead.split()
    if (
        len(lead) >= 2
        # "France's leading farmers' union, the FNSEA, said": a country's body described
        and (lead[0].lower() in ("the", "a", "an") or POSSESSIVE.search(lead[0]))
        and lead[-1].lower() in ORG_NOUNS
        and all(w.islower() for w in lead[1:])
        and _PROPER_NAME.fullmatch(phrase.appositive.strip())
    ):
        named = resolve(ctx, phrase.appositive.strip(), 0)
        return named if named and named.kind == ORGANISATION else None
    # "the foreign trade department of the Banco do Brasil": the head before "of".
    head = described[described.index("of") - 1] if "of" in described[1:] else described[-1]
    if not (
        described[0].lower() in ("the", "a", "an")
        and head.lower() in ORG_HEADS | ORG_NOUNS
        and words
        and all(w[:1].isupper() for w in words)
        and not is_country_token(words[0])
    ):
        return None
    return Speaker(ctx.registry.add_org(phrase.text), ORGANISATION)


def is_role(text: str) -> bool:
    """A title or job ("the governor of Alabama", "harbour master"), not a clause."""
    words = [w.strip(".,'\u2019").lower() for w in text.split()]
    agent = bool(words) and words[-1].endswith(("er", "or", "ist", "ian", "ant", "ent"))
    return not _REL_START.match(text) and (agent or any(w in ROLE_WORDS for w in words[:6]))


def _executive_of(words: list[str]) -> bool:
    """ "A Barclays National Bank executive": an unnamed executive speaks for the body named
    before the word (not "the chief executive", someone named before)."""
    return (
        len(words) >= 2
        and words[-1] == "executive"
        and words[-2][:1].isupper()
        and words[-2].lower() not in ROLE_WORDS
    )


def _spokes_title(words: list[str]) -> bool:
    """ "The Pentagon's press secretary": a spokesperson's title of two words."""
    return len(words) >= 2 and " ".join(words[-2:]).lower() in _SPOKES_TITLES


def resolve(ctx: Context, phrase: str, pos: int) -> Speaker | None:
    """The speaker a phrase names, or None when it names nobody."""
    words = phrase.split()
    if not words:
        return None
    first = words[0].lower()
    if len(words) == 1 and first in PERSON_PRONOUNS | ORG_PRONOUNS:
        return ctx.last_speaker(PERSON if first in PERSON_PRONOUNS else ORGANISATION, pos, first)
    if len(words) == 2 and first == "the" and words[1].lower() in ("latter", "former"):
        return ctx.of_last_two(pos, latter=words[1].lower() == "latter")
    article = first in ("the", "a", "an")
    words = words[1:] if article else words
    if not words:
        return None
    if _capital_after_state(ctx, words, first == "the"):
        return None
    if first == "the" and len(words) >= 2 and words[0] in _PRESS_ADJECTIVES:
        # "The official Peking Review accused …": the paper by its name.
        found = resolve(ctx, " ".join(["the", *words[1:]]), pos)
        return found if found and found.kind == ORGANISATION else None
    # "the Business Day newspaper", not "an Arab newspaper"
    outlet_kind = len(words) >= 2 and words[-1] in OUTLET_KINDS and first not in ("a", "an")
    if outlet_kind and all(_HYPHEN_ADJECTIVE.fullmatch(w) for w in words[:-1]):
        # "The Cyprus-based newsletter said", "the English-language daily said": no name
        return _last_outlet(ctx, pos)
    if (
        outlet_kind
        and all(w[:1].isupper() for w in words[:-1])
        and not code_for(" ".join(words[:-1]))
    ):
        # "the Business Day newspaper said": the outlet, by its name.
        outlet = " ".join(words[:-1])
        return Speaker(ctx.registry.find_org(outlet) or ctx.registry.add_org(outlet), ORGANISATION)
    if first == "the" and len(words) >= 2 and words[-1].lower() in ORG_HEADS | {"unit"}:
        name = " ".join(words)
        longer = ctx.registry.longer_org(name) if all(w[:1].isupper() for w in words) else name
        if longer != name:
            # "the Intelligence Unit said" after "the Economist Intelligence Unit": the one
            # body recorded whose name ends so
            return Speaker(longer, ORGANISATION)
    kinded = _named_after_kind(ctx, words, pos) if first == "the" else None
    if kinded:
        return kinded
    named_kind = first == "the" and len(words) >= 2 and words[-1] in _KINDS_AFTER_NAMES
    if named_kind and all(w[:1].isupper() for w in words[:-1]):
        # "The United Auto Workers union said": the body by its name, its kind left out.
        name = " ".join(words[:-1])
        national = any(code_for(part) for part in name.replace("-", " ").split())
        if not national and not ctx.registry.resolve_person(name):  # "the Anglo-Dutch group"
            return Speaker(ctx.registry.find_org(name) or ctx.registry.add_org(name), ORGANISATION)
    if len(words) == 2 and words[1].lower() == "campaign" and _LONE_WORD.fullmatch(words[0]):
        # "The Trump campaign accused …": a candidate's campaign speaks as a body.
        return Speaker(ctx.registry.add_org(" ".join(words)), ORGANISATION)
    if words[-1].lower() in PUBLISHED_NOUNS and len(words) >= 2:
        owner = resolve(ctx, " ".join(POSSESSIVE.sub("", w) for w in words[:-1]), pos)
        if owner and owner.kind == ORGANISATION:
            return owner
    if words[-1].lower() in _PERSONAL_STAFF and len(words) >= 2 and POSSESSIVE.search(words[-2]):
        # "Lavrov's office said", "Klobuchar's campaign said": the person speaks through it.
        known = ctx.registry.resolve_person(" ".join(POSSESSIVE.sub("", w) for w in words[:-1]))
        if known:  # someone the article names, not "the Alachua Sheriff's Office"
            return ctx.person(known)
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head.lower() in _DOCUMENTS:
        return None  # "The Minsk Agreement says", "the Constitution of X states": a text
    if words[-1] in SPOKES_MANY and len(words) >= 2:
        # "Biden campaign officials said": a body's officials speak for it; "Democratic
        # officials", "senior officials" are unnamed.
        owners = [*words[:-2], POSSESSIVE.sub("", words[-2])]
        while len(owners) > 1 and owners[0].lower() in RANK_WORDS:
            owners = owners[1:]  # "Senior Reagan Administration officials"
        # A body's name has a head word ("Health Ministry", "Biden campaign"): "U.S. Defence
        # officials" are unnamed.
        headed = any(w.lower() in ORG_HEADS | ORG_NOUNS for w in owners[1:])
        named = (
            (len(owners) >= 2 and headed)
            or " ".join(owners).lower() in AGENCIES | institution_names()  # "Pentagon"
            or ctx.registry.find_org(" ".join(owners))
        )
        titled = all(w[:1].isupper() for w in owners)  # "Health Ministry"
        proper = _LONE_WORD.fullmatch(owners[0]) or titled
        # "Other company officials", "Senior police officials": no body's name
        common = owners[0].lower() in _INDEFINITE | ctx.lower_words
        common = common or (owners[0].lower() in ROLE_WORDS and not titled)
        common = common or owners[-1].lower() in _PLACE_UNITS  # "Jefferson Parish officials"
        if not (named and proper) or common:
            return None
        return _body_named(ctx, " ".join(["the", *owners]), pos)
    # "Sources", "a survey", "court records" name nobody; "the Geological Survey" does.
    if words[-1].lower() in VAGUE_SUBJECTS and (len(words) == 1 or not words[-1][:1].isupper()):
        return None
    last = words[-1].lower()
    spokes = 1 if last in _SPOKES or _executive_of(words) else 2 if _spokes_title(words) else 0
    if spokes and len(words) > spokes:
        # "An Interpol spokesperson", "the ministry's spokesman": the organisation speaks.
        owners = words[:-spokes]
        owner = resolve(ctx, " ".join(owners), pos)
        bare = " ".join([*owners[:-1], POSSESSIVE.sub("", owners[-1])])
        if (
            not owner
            and (owners[0][:1].isupper() or POSSESSIVE.search(owners[-1]))
            and owners[0].lower() not in _INDEFINITE
            and not ctx.registry.resolve_person(bare)
        ):
            # "A White House spokesman", "the ministry's spokeswoman": the body, named or
            # taken up as "the <body>" would be; never a person's aide.
            owner = _body_named(ctx, f"the {bare}", pos)
        if owner:
            return owner
        if len(owners) == 1 and owners[0].lower() in ORG_NOUNS:
            return ctx.last_org(owners[0].lower(), pos)  # "a company spokesman"
        # "A senior USDA official": the organisation's name without its adjectives.
        owner_words = [
            POSSESSIVE.sub("", w)
            for w in owners
            if w[:1].isupper() and w.lower() not in _INDEFINITE  # "One official said"
        ]
        lone = len(owner_words) == 1
        if lone and not is_country_token(owner_words[0]):
            return Speaker(ctx.registry.add_org(owner_words[0]), ORGANISATION)
        return None
    if first == "the" and len(words) == 1 and last in _SPOKES_ALONE:
        # "The spokeswoman said" after "a Benetton spokeswoman said": the body she speaks for.
        return ctx.body_spoken_for(pos)
    employer = _employer(ctx, words, pos)
    if employer:
        return employer
    if len(words) == 1 and last in ORG_NOUNS and (first == "the" or last == "police"):
        return ctx.last_org(last, pos)
    if len(words) == 1 and last in OUTLET_KINDS and first == "the":
        return _last_outlet(ctx, pos)  # "The newspaper said" after "the New York Times said"
    described = first == "the" and 2 <= len(words) <= 3 and last in ORG_NOUNS
    if described and all(
        (w.islower() or _HYPHEN_ADJECTIVE.fullmatch(w)) and w not in _ANOTHER for w in words[:-1]
    ):
        # "the central bank said" after "the Bank of Spain", "the Democratic-controlled
        # committee said" after "the House Foreign Affairs Committee"; never any firm at all
        return ctx.last_org(last, pos, any_company=False)
    if (
        first == "the"
        and len(words) == 2
        and last in ORG_NOUNS
        and _ACRONYM.fullmatch(words[0])
        and not is_country_token(words[0])
        and not ctx.registry.find_org(" ".join(words))
    ):
        # "The UN agency added": the organisation named before, described by its family.
        return ctx.last_org(last, pos) or ctx.last_org("", pos)
    if first in _INDEFINITE:
        return None
    return _resolve_named(ctx, words, pos, article)


def _capital_after_state(ctx: Context, words: list[str], the: bool) -> bool:
    """Wire copy capitalises the word after "U.S.": a state's name, then no body's ("the U.S.
    Group also urged", "the U.S. Tariffs highlighted", "the U.S. And West Germany said")."""
    if "And" in words and all(code_for(part) for part in _STATES_LISTED.split(" ".join(words))):
        return True  # states named by country
    if not code_for(words[0]):
        return False
    if the and len(words) == 2 and words[1] in _CAPITALISED_GROUPS:
        return True
    return (
        len(words) >= 2
        and words[0].endswith(".")
        and words[-1].endswith("s")  # a plural: "U.S. Tariffs", not "the U.S. Treasury"
        and not any(w.lower() in ORG_HEADS | ORG_NOUNS for w in words[1:])
        and all(POSSESSIVE.sub("", w).lower() in ctx.lower_words for w in words[1:])
    )


def _resolve_named(ctx: Context, words: list[str], pos: int, article: bool) -> Speaker | None:
    time = _TIME_OPENING.match(" ".join(words))
    if time and not article:
        words = words[len(time.group().split()) :]  # "On Friday Taft said", "Yesterday X said"
    if _posted_body(words):
        return Speaker(ctx.registry.add_org(" ".join(words)), ORGANISATION)
    titled = _titled_person(ctx, words)
    if titled:
        return titled
    cut = words.index("of") if "of" in words[1:] else len(words)
    with_place = _with_workplace(ctx, words, cut)
    if with_place:
        return with_place
    last = words[-1].lower()
    named = any(w[:1].isupper() for w in words)
    # "Union of Montana": a head word before "of" makes the whole an organisation too.
    if (
        named
        and len(words) >= 2
        and (last in ORG_HEADS or (cut < len(words) and _has_head(words[:cut])))
    ):
        return _organisation(ctx, words)
    # "lead manager Banque Paribas said": a head word opening the name of a body.
    leading = [i for i, w in enumerate(words[:-1]) if w.lower() in LEADING_HEADS and w[0].isupper()]
    if leading:
        return _organisation(ctx, words[leading[0] :])
    owned = POSSESSIVE.search(words[0]) and is_country_token(words[0])
    if (article or owned) and last == "diplomat" and "top" in (w.lower() for w in words):
        return _top_diplomat(ctx, words, pos)
    if (article or owned) and last in ROLE_NOUNS and all(_role_or_country(w) for w in words):
        # "the Indian Prime Minister asked", "the Armenian leader said", "Turkey's president
        # said": whoever holds the role, or leads that country, never the role itself.
        qualifiers = tuple(
            w.lower() for w in words[:-1] if w.lower() in ROLE_WORDS and not code_for(w)
        )
        holder = ctx.last_with_role(last, pos, qualifiers)
        country = next((code for code in map(code_for, words) if code), None)
        if country and (holder is None or holder.country != country):
            holder = ctx.last_of_country(country, pos) or holder
        return holder
    job = is_job(last) and words[-1].islower()  # "the rapper", not "The Guardian"
    if article and len(words) <= 2 and (last in ROLE_NOUNS or job):
        qualifiers = tuple(w.lower() for w in words[:-1] if w.lower() in ROLE_WORDS)
        return ctx.last_with_role(last, pos, qualifiers)
    if article and last in _PARTISANS and all(w[:1].isupper() for w in words):
        # "the West Virginia Democrat": a politician named before, by party and state.
        return ctx.last_speaker(PERSON, pos)
    known = ctx.registry.find_org(" ".join(words))
    lone_body = last in AGENCIES | PLATFORMS or _ACRONYM.fullmatch(words[0])
    if known or (len(words) == 1 and lone_body):
        if is_country_token(words[0]):
            return None
        return Speaker(known or ctx.registry.add_org(words[0]), ORGANISATION)
    headed = ctx.last_org(last, pos) if article and len(words) == 1 else None
    if headed:
        return headed  # "the Chamber said" after "the Chamber of Mines said"
    if article and _proper_group(ctx, words):
        # "The Taliban", "the Holy See", "The Atlantic": a proper name after "the" is no
        # person, so as a subject of speech it is an organisation.
        return Speaker(ctx.registry.add_org(" ".join(words)), ORGANISATION)
    if cut < len(words) - 1 and words[0][:1].isupper():
        # "Vega of the army's Western Command" when "Vega" names no one: the body speaks.
        tail = [w for w in words[cut + 1 :] if w != "the" and not POSSESSIVE.search(w)]
        return _resolve_named(ctx, tail, pos, False) if tail else None
    person = _resolve_person(ctx, words)
    company = ctx.registry.company_named(" ".join(words))
    if (
        person
        and company
        and len(words) == 1
        and (not 0 <= ctx.body.find(person.name) < pos or person.name.split()[-1] != words[0])
    ):
        # "Taft said it would negotiate with … Dudley Taft" after "Taft Broadcasting Co": a
        # surname is the firm's until the person who bears it is named; "Kraft said" after
        # "Kraft Inc" and "Kraft Singles" is the firm's, no one's first name
        return Speaker(company, ORGANISATION)
    if person and not (company and company.startswith(person.name + " ")):
        company = None  # "Boston Five" is a person only if no firm's name opens with it
    if company is None and person is None and len(words) == 1:
        company = ctx.registry.blended_name(words[0])  # "Adsteam said"
        if company is None and _lone_name(ctx, words[0], pos):
            company = ctx.registry.add_org(words[0])
    return Speaker(company, ORGANISATION) if company else person


def _top_diplomat(ctx: Context, words: list[str], pos: int) -> Speaker | None:
    """ "Russia's top diplomat", "the top US diplomat", "the EU's top diplomat": whoever holds
    the foreign affairs office named before, of that country when one is written."""
    country = next((code for code in map(code_for, words) if code), None)
    holders = [ctx.last_with_role(noun, pos, qualifiers) for noun, qualifiers in _OFFICES]
    found = [h for h in holders if h and (country is None or h.country == country)]
    found = found or [h for h in holders if h and not h.country]  # a union's, a body's
    return found[0] if found else None


def _titled_person(ctx: Context, words: list[str]) -> Speaker | None:
    """'Bank of Israel Governor Michael Bruno': a person the article names, after a title
    that follows the body the title belongs to; not the body."""
    for size in (3, 2):
        if len(words) <= size + 1 or words[-size - 1].lower() not in ROLE_WORDS:
            continue
        known = ctx.registry.resolve_person(" ".join(words[-size:]))
        if known:
            role = words[:-size]
            return ctx.person(known, clean_role(role), role_country(role))
    return None


def _lone_name(ctx: Context, word: str, pos: int) -> bool:
    """'Boeing said', 'Hamas denied': a single capitalised word that speaks, is no person's
    name, no country and no ordinary word, and that the article names again elsewhere."""
    if not _lone_name_word(ctx, word):
        return False
    # The subject opens its clause: not "Bruce McArthur, from Toronto, on Tuesday admitted".
    subject = ctx.body.rfind(word, 0, pos)
    if subject < 0 or not _CLAUSE_OPENING.search(ctx.body, max(0, subject - 3), subject):
        return False
    if any(word in mention.name.split() for mention in ctx.people):
        return False  # a surname or given name of someone the article names
    uses = list(re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", ctx.body))
    # "Bettino Craxi", "Mr Yeutter": a word after a capitalised one is a surname somewhere.
    after_name = any(
        _NAME_BEFORE.search(ctx.body, max(0, use.start() - 40), use.start()) for use in uses
    )
    return len(uses) >= 2 and not after_name


def _lone_name_word(ctx: Context, word: str) -> bool:
    """One capitalised word that may be a name: no country, no adjective of origin, no word
    the article also writes in lower case, not the interviewer's tag."""
    if not _LONE_WORD.fullmatch(word) or is_country_token(word) or not is_name_token(word):
        return False
    if word.endswith("s") and is_job(word[:-1].lower()):
        return False  # "Brokers said": people of a trade, unnamed
    return word.lower() not in ctx.lower_words and word not in INTERVIEWER_TAGS


def surname_alone(ctx: Context, word: str) -> Speaker | None:
    """'…, Parrillo said.': one capitalised word that speaks at the end of what it said, and
    is no country, no organisation and no word the article also writes in lower case: a
    person wire copy names by surname only."""
    if not _lone_name_word(ctx, word) or ctx.registry.find_org(word):
        return None
    firm = ctx.registry.firm_of_founder(word)
    if firm:
        return Speaker(firm, ORGANISATION)
    misspelt = ctx.registry.person_misspelt(word)
    if misspelt:
        return ctx.person(misspelt)
    return _recorded_person(ctx, word)


def _recorded_person(ctx: Context, name: str) -> Speaker:
    """A person a rule found whom the name lists did not: recorded, so that later mentions
    of the name take the person up."""
    ctx.registry.add_persons([Mention(name, 0, len(name))])
    return ctx.person(ctx.registry.resolve_person(name) or name)


def _role_or_country(word: str) -> bool:
    return word.lower() in ROLE_WORDS or is_country_token(word)


def _with_workplace(ctx: Context, words: list[str], cut: int) -> Speaker | None:
    """A name with an organisation in it: the organisation itself ("Audi of America Inc",
    not a person "Audi"), or the person it employs ("Arnel dela Vega of the army's Western
    Mindanao Command", "Florida Department of Transportation official Troy Roberts")."""
    if cut < len(words):
        whole = ctx.registry.find_org(" ".join(words))
        if whole:
            return Speaker(whole, ORGANISATION)
        person = _resolve_person(ctx, words[:cut]) or _employee(ctx, words, cut)
        if person:
            return ctx.person(person.name, " ".join(words[cut + 1 :]), person.country)
    titled = _titled_name(words)
    return _resolve_person(ctx, words[titled:]) if titled else None


def _employee(ctx: Context, words: list[str], cut: int) -> Speaker | None:
    """'Howard Mount of the ratings agency': two or three capitalised words before "of" and
    a body described in lower case are a person, even when a word of the name is also a
    common one ("Mount")."""
    name, employer = words[:cut], words[cut + 1 :]
    described = (
        len(employer) >= 2
        and employer[0] == "the"
        and all(w.islower() for w in employer)
        and employer[-1] in ORG_NOUNS
    )
    if not (described and 2 <= len(name) <= 3 and all(_LONE_WORD.fullmatch(w) for w in name)):
        return None
    return _recorded_person(ctx, " ".join(name))


def _organisation(ctx: Context, words: list[str]) -> Speaker | None:
    """The organisation a phrase ending in a head word names, without what leads into it."""
    # "On Friday Ford Motor Company", "information company Data Resources Inc": a leading
    # time phrase or description is no part of the name.
    while len(words) > 2 and (
        words[0].lower() in FUNCTION_WORDS | TIME_WORDS | _OPENING_WORDS or words[0].isdigit()
    ):
        if words[0] == "May" and ctx.registry.find_org(" ".join(words)):
            break  # "May Department Stores Co": a name, not the verb "may"
        words = words[1:]  # "on February 1 Amazon Web Services", "Although X's Department"
    common = [
        i
        for i, w in enumerate(words)
        if w.islower()
        and w not in _LINK_WORDS
        # "government of Armenia": a lower-case head word before "of" is part of the name
        and not (w in ORG_HEADS | CIVIC_HEADS and words[i + 1 : i + 2] == ["of"])
    ]
    lead = words[: common[0]] if common else []
    titled = len(lead) >= 2 and words[len(lead)] in ROLE_WORDS and not POSSESSIVE.search(lead[-1])
    holder = ctx.registry.resolve_person(" ".join(lead)) if titled else None
    if holder:
        # "Yutaka Hashimoto general manager of Nippon Life Insurance Co": wire copy's
        # apposition without commas; the person named first speaks.
        return ctx.person(holder)
    name_start = common[-1] + 1 if common else 0
    if len(words) - name_start >= 2:
        words = words[name_start:]  # "Hindu-nationalist party Bharatiya Janata Party"
    while len(words) > 1 and words[0] in _LINK_WORDS:
        words = words[1:]  # "manager of Nippon Life": the body after the role's "of"
    if _common_noun_phrase(ctx, words):
        return None
    # "the University of Bristol and UC Davis": two bodies; the first speaks for both.
    joined = next(
        (
            i
            for i in range(1, len(words) - 1)
            if words[i] == "and" and _ACRONYM.fullmatch(words[i + 1])
        ),
        None,
    )
    words = words[:joined] if joined else words
    return Speaker(ctx.registry.add_org(" ".join(words)), ORGANISATION)


def _titled_name(words: list[str]) -> int:
    """Where a lower-case title before a closing name of two or three words starts, after
    some other words (0 when there is none)."""
    for i in range(len(words) - 3, 0, -1):
        name = words[i + 1 :]
        if words[i] in ROLE_WORDS and len(name) <= 3 and all(w[:1].isupper() for w in name):
            return i
    return 0


def _common_noun_phrase(ctx: Context, words: list[str]) -> bool:
    """'Emergency workers said', 'Rescue services said': a group named by lower-case words
    after a capital a sentence's start may give is no name."""
    first, rest = words[0], words[1:]
    if not rest:
        return False
    plural = rest[-1].endswith("s") and not rest[-1].endswith("ss")
    opening = first.lower() in ctx.lower_words or plural
    return (
        all(w.islower() for w in rest)
        and opening
        and not is_country_token(first)
        and not POSSESSIVE.search(first)
    )


def _posted_body(words: list[str]) -> bool:
    """'U.S. embassy in Beijing', 'Iranian consulate in Erbil': a country's body somewhere."""
    return (
        len(words) in (4, 5)
        and is_country_token(words[0])
        and words[1] in ORG_HEADS
        and words[2] == "in"
        and all(w[:1].isupper() for w in words[3:])
    )


def _has_head(words: list[str]) -> bool:
    # "Court of Session", "Bank of England": a lone head word opens a name too.
    opening = words if len(words) == 1 else words[1:]
    if words == [words[0].lower()] and words[0] in CIVIC_HEADS:
        return True  # "the city of Calabasas": a town's authority, named by its kind
    return any(w.lower().strip("'\u2019") in ORG_HEADS for w in opening)


def _proper_group(ctx: Context, words: list[str]) -> bool:
    if not words[0][:1].isupper() or words[0].lower() in ROLE_WORDS | TIME_WORDS:
        return False
    if any(not w[:1].isupper() and w not in _LINK_WORDS for w in words):
        return False
    if any(POSSESSIVE.search(w) for w in words):  # "the Fund's Jane Doe" is a person
        return False
    role, name = split_role(words)
    if role and len(name) >= 2 and ctx.registry.resolve_person(" ".join(name)):
        return False  # "the Presidential Spokesperson Harry Roque" is a person with a title
    if len(words) == 1 and (is_country_token(words[0]) or words[0].lower() in ctx.lower_words):
        return False
    return ctx.registry.resolve_person(" ".join(words)) is None


def _resolve_person(ctx: Context, words: list[str]) -> Speaker | None:
    role, name = split_role(words)
    while len(name) > 1 and name[0].endswith(("s'", "s\u2019")):
        name = name[1:]  # "Elders' O'Neill said": the firm's man, by his surname
    if not name or all(t in PARTICLES or t.endswith(".") for t in name):
        return None
    joined = " ".join(POSSESSIVE.sub("", t) for t in name)
    canonical = ctx.registry.resolve_person(joined)
    known_org = None if canonical else ctx.registry.find_org(joined)
    if known_org:
        return Speaker(known_org, ORGANISATION)  # "software company Red Hat announced"
    for cut in range(1, len(name) - 1):
        # "Koszalin Piotr Nowak" when the article knows "Piotr Nowak": the place is no name.
        if canonical is None:
            canonical = ctx.registry.resolve_person(" ".join(joined.split()[cut:]))
    if canonical is None:
        # An unknown lone word ("Calabasas announced") is a person only after a title,
        # and words the article also writes in lower case ("Human Rights") are no name.
        if len(name) == 1 and not (role and role[-1].lower().rstrip(".") in ROLE_HEADS):
            return None
        if any(POSSESSIVE.sub("", t).lower() in ctx.lower_words for t in name):
            return None
        ctx.registry.add_persons([Mention(joined, 0, len(joined))])
        canonical = ctx.registry.resolve_person(joined) or joined
    if role and role[-1].lower() in _LINK_WORDS:
        role = []  # "Energy and" of "Minister of Energy and Mines X": the recorded role holds
    return ctx.person(canonical, clean_role(role), role_country(role))
