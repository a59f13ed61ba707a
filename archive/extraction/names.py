"""Person and organisation names: finding them in text and folding their spellings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nameparser.config.suffixes import SUFFIX_ACRONYMS
from nameparser.config.titles import TITLES as NAMEPARSER_TITLES

from .countries import POSSESSIVE, ambiguous_words, code_for, country_words, names_to_codes
from .lexicon import (
    COMPANY_FORMS,
    FUNCTION_WORDS,
    HONORIFICS,
    LEADING_HEADS,
    NON_NAME_WORDS,
    ORG_HEADS,
    PARTICLES,
    RANK_WORDS,
    ROLE_HEADS,
    ROLE_SUFFIXES,
    ROLE_WORDS,
    UPPER_CLASS,
)
from .name_words import (
    GIVEN_NAME_WORDS,
    LOWER_TAIL,
    PLACE_OPENERS,
    SURNAME_WORDS,
    THING_ENDINGS,
    THING_WORDS,
)
from .speech_words import US_STATES
from .text import one_edit
from .types import ORGANISATION, PERSON

_SPECIAL = str.maketrans(
    {"ə": "a", "Ə": "a", "ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"}
    | {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h"}
)
# Transliteration variants folded to one spelling, applied in this order.
_FOLDS = (
    (re.compile(r"^ye"), "e"),
    (re.compile(r"dzh|zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"y"), "i"),
    (re.compile(r"e"), "a"),  # Azerbaijani ə is written a or e; Mohammed/Muhammad
    (re.compile(r"o"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),  # Hassan/Hasan, Zelenskyy/Zelensky
)
_ARTICLES = frozenset({"al", "el"})
_OPENING_ARTICLES = frozenset({"The", "A", "An"})  # a sentence's article, capitalised
# "al-Sisi", "el-Sisi": an Arabic article written before a capitalised name.
_ARTICLE_PREFIX = r"(?:al|el|ad|as|an|ar|at)-"
ARABIC_ARTICLE = re.compile(rf"^{_ARTICLE_PREFIX}(?=[A-Z])")
_APOSTROPHES = re.compile(r"['\u2019`\u02bc]")
_NON_WORD = re.compile(r"[^\w]+|_")
_REGNAL = re.compile(r"I{2,3}|IV|VI{1,3}|IX|XI{0,3}|XIV|XVI{0,3}")  # "Elizabeth II"
_WORKPLACE_BEFORE = re.compile(
    r"\b(?:analyst|economist|strategist|trader|dealer|partner|director|manager|officer"
    r"|spokesman|spokeswoman|spokesperson|president|chairman|executive|head|researcher)"
    r" (?:at|with|for) $"
)
DOTTED_INITIALS = r"(?:[A-Z]\.){2,3}"  # "U.S.", "U.N.", "A.W."
# An initial: "R." or, before a name, a lone capital ("B Shiva Parvathi"), never "A" or "I".
# Initials run together ("A.W. Clausen"), never a place's ("U.S.", "D.C.", "N.Z.").
_JOINED_INITIALS = (
    r"(?!U\.[SKN]\.|E\.U\.|U\.A\.E\.|[DBN]\.C\.|N\.[ZYJ]\.|L\.A\.|S\.A\.)" + DOTTED_INITIALS
)
_INITIAL = re.compile(rf"{UPPER_CLASS}\.|[B-HJ-NP-Z]|{_JOINED_INITIALS}")
# Not a handle or an address: "@github", "github.com" are how a name is typed, not a word.
_LOWER_WORD = re.compile(r"(?<![@\w.-])[a-z][a-z'-]+\b(?!\.[a-z])")

_TOKEN = rf"(?:{UPPER_CLASS}\.|{UPPER_CLASS}[\w'\u2019-]*\w|{_ARTICLE_PREFIX}{UPPER_CLASS}\w+)"
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"


def _run_of(token: str) -> re.Pattern[str]:
    """Tokens in a row, particles allowed between them ("Ursula von der Leyen")."""
    return re.compile(rf"(?<![\w'\u2019.-]){token}(?: (?:{_PARTICLE} )*{token})*")


CAPSEQ = _run_of(_TOKEN)
# A person's name may open with an initial without its full stop ("B Shiva Parvathi").
_PERSON_TOKEN = (
    rf"(?:(?<![/&])[B-HJ-NP-Z](?= {UPPER_CLASS}[a-z])|{_JOINED_INITIALS}(?= [A-Z][a-z])|{_TOKEN})"
)
_PERSON_RUN = _run_of(_PERSON_TOKEN)
# "… of the Levant", "… for Aviation", and "to" before a verb and its object: "Committee to
# Protect Journalists"; an acronym after "and" is another body ("… of Bristol and UC Davis").
_ORG_TAIL = re.compile(
    rf" (?:(?:of|for|on) (?:the )?{_TOKEN}|to {_TOKEN} {_TOKEN})"
    rf"(?: (?:and (?![A-Z]{{2}}))?{_TOKEN})*"
)
# "Comptroller of the Currency Robert Clarke": the office's object may take "the".
# "Minister of Energy and Mines Arturo Hernandez": a portfolio of two words joined by "and".
_ROLE_PREFIX = re.compile(
    rf"((?:{DOTTED_INITIALS} )?(?:{_TOKEN} )*[\w-]+)"
    rf" ((?:to|of|for|on)(?: the)?(?: {_TOKEN} and)?) $"
)
_CONTRACTION = re.compile(r"['\u2019](?:m|d|re|ll|ve|t)$")
# A run before an administrative noun is a place ("the Maidan Wardak provincial council").
_PLACE_NOUN = re.compile(
    r" (?:province|provincial|district|county|region|regional|municipality|governorate"
    r"|prefecture|oblast|village|town)\b"
)
# "the International Aero Engine consortium": a body's name before its kind, no person's.
_BODY_NOUN = re.compile(r" (?:joint )?(?:consortium|company|firm|subsidiary|venture|partnership)\b")
_GOVERNMENT = re.compile(
    r"\b(government of (?:the )?(?P<of>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
    r"|(?P<adjective>(?!The\b|A\b|An\b|This\b)[A-Z][\w-]+(?: [A-Z][\w-]+)?) government)\b"
)
# Outlets introduced by what they are ("daily Népszava", "broadcaster NRK").
_OUTLET = re.compile(
    rf"\b(?:newspaper|daily|weekly|broadcaster|magazine|tabloid|outlet|website|news agency"
    rf"|news site|channel) ({_TOKEN}(?: {_TOKEN}){{0,3}})"
)
# "the Business Day newspaper", "the Manila Times daily": the kind after the name.
_OUTLET_BEFORE_KIND = re.compile(
    rf"\b({_TOKEN}(?: {_TOKEN}){{0,3}}) (?:newspaper|daily|weekly|magazine|tabloid|news agency"
    r"|broadcaster|website)\b"
)
_DESCRIBED_ORG = re.compile(
    rf"\b[a-z][\w-]* (?:company|firm|carmaker|automaker|manufacturer|retailer|charity|startup"
    rf"|developer|publisher|insurer|airline|nonprofit|non-profit) ({_TOKEN}(?: {_TOKEN}){{0,3}})"
    r"(?=[ ,.;:'\u2019])"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"\u201d\u2019)]*\s+|\n|[\"\u201c\u2018(]\s*)$")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Fold a name so spelling and transliteration variants compare equal."""
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOSTROPHES.sub("", text)
    tokens = _NON_WORD.sub(" ", text).split()
    # A person's title goes ("President Putin"); an organisation's first words stay, or
    # every ministry would be one ("Foreign Ministry", "Finance Ministry").
    body = any(t in ORG_HEADS for t in tokens[1:])
    while len(tokens) > 1 and not body and (tokens[0] in ROLE_WORDS or tokens[0] in HONORIFICS):
        tokens = tokens[1:]
    tokens = [t for i, t in enumerate(tokens) if t not in _ARTICLES or i == len(tokens) - 1]
    return " ".join(_fold(t) for t in tokens)


@lru_cache(maxsize=8192)
def _fold(token: str) -> str:
    for pattern, repl in _FOLDS:
        token = pattern.sub(repl, token)
    return token


def bare(token: str) -> str:
    """The word without a possessive 's ("Russia's" -> "Russia")."""
    return token[:-2] if token.endswith(("'s", "\u2019s")) else token


def is_country_token(token: str) -> bool:
    parts = bare(token).lower().split("-")
    return any(part in country_words() for part in parts)


def _listed(lower: str, words: frozenset[str]) -> bool:
    # A plural of a listed word, not a name ending in "ss" ("Hiss" is no plural of "his").
    plural = lower.endswith("s") and not lower.endswith("ss")
    ies = lower.endswith("ies") and lower[:-3] + "y" in words  # "Secretaries"
    return lower in words or (plural and lower[:-1] in words) or ies


# Titles long enough that one letter wrong leaves no name's spelling.
_LONG_ROLE_WORDS = frozenset(w for w in ROLE_WORDS if len(w) >= 10)


@lru_cache(maxsize=8192)
def is_name_token(token: str) -> bool:
    """Could `token` be part of a person's name ('Lavrov', 'R.', 'von')?"""
    if token in PARTICLES or _INITIAL.fullmatch(token) or _REGNAL.fullmatch(token):
        return True
    word = ARABIC_ARTICLE.sub("", bare(token))  # "al-Sisi" is a name as "Sisi" is
    lower = word.lower()
    if (
        not word[:1].isupper()
        or (len(word) > 1 and word.isupper())
        or any(c.isdigit() for c in word)
    ):
        return False
    if _CONTRACTION.search(lower) or _listed(lower, NON_NAME_WORDS) or "year-old" in lower:
        return False
    if lower.endswith(ROLE_SUFFIXES) or THING_ENDINGS.search(lower) or LOWER_TAIL.search(word):
        return False
    if _listed(lower, ROLE_WORDS) or _listed(lower, ORG_HEADS) or lower in THING_WORDS:
        return False
    if any(_listed(part, ROLE_WORDS) for part in lower.split("-")[1:]):
        return False  # "Then-President", "Ex-Minister"
    if len(lower) >= 9 and any(one_edit(role, lower) for role in _LONG_ROLE_WORDS):
        return False  # "U.S. Trade Represenative Clayton Yeutter": a title misspelt
    return lower in ambiguous_words() or not is_country_token(word)


@dataclass(frozen=True)
class Mention:
    """A name found in text at [start, end); `role` is the title written before it."""

    name: str
    start: int
    end: int
    kind: str = PERSON
    role: str = ""
    country: str = ""  # ISO code of the role's country ("Russian Foreign Minister" -> RU)


def role_country(words: list[str]) -> str:
    """ISO code of the first country word in a role ("Russian", "Egypt's", "governor of
    Alabama")."""
    for word in words:
        word = bare(word.strip(",.;:"))
        code = code_for(word)
        if code:
            return code
        if word in US_STATES:
            return "US"
    return ""


def _country_prefix(tokens: list[str]) -> int:
    """How many leading tokens spell a multi-word country ('Hong Kong Carrie Lam' -> 2)."""
    table = names_to_codes()
    for size in (4, 3, 2):
        if len(tokens) >= size and bare(" ".join(tokens[:size])) in table:
            return size
    return 0


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """('Russian Ambassador to Armenia', 'Sergey Kopyrkin'): the name is the trailing run."""
    tokens = without_postnominals(tokens)
    i = len(tokens)
    if i >= 2 and tokens[-1].lower() in SURNAME_WORDS and is_name_token(tokens[-2]):
        i -= 1  # "John Major": a title word as the surname after a name
    while i > 0 and is_name_token(tokens[i - 1]):
        # A possessive inside the run ends the role: "Biden's Twitter" names no one.
        if i < len(tokens) and POSSESSIVE.search(tokens[i - 1]):
            break
        i -= 1
    if 0 < i < len(tokens) and tokens[i - 1].lower() in GIVEN_NAME_WORDS:
        i -= 1  # "Bill Clinton"
    i = max(i, _country_prefix(tokens))
    name = tokens[i:]
    while name and name[0] in PARTICLES:
        name = name[1:]
    # "Businessman Don Blankenship", "King Maha Vajiralongkorn": a title that is no word of
    # ours but is one of nameparser's opens the run; two names stay ("Judge Dredd" is one).
    while len(name) > 2 and name[0].lower().rstrip(".") in NAMEPARSER_TITLES:
        name = name[1:]
    if name and name[-1] in PARTICLES:
        return tokens, []
    return tokens[: len(tokens) - len(name)], name


_ROLE_OPENERS = frozenset(
    {"current", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday"}
    | {"thursday", "friday", "saturday", "sunday"}
)


def clean_role(tokens: list[str]) -> str:
    """The role words before a name, without leading articles, times ("Yesterday British
    Farm Minister"), countries and demonyms."""
    while tokens and (
        tokens[0].lower() in FUNCTION_WORDS | _ROLE_OPENERS or is_country_token(tokens[0])
    ):
        tokens = tokens[1:]
    return " ".join(tokens)


def _is_person(name: list[str], role: list[str]) -> bool:
    full = [t for t in name if t not in PARTICLES]
    initials = [t for t in full if t.endswith(".")]
    if not full or len(full) > 5 or len(initials) == len(full) or full[-1].endswith("."):
        return False
    if len(full) >= 2:
        return True
    # A lone surname counts only straight after a title: "President Putin", "Mr Smith".
    return bool(role) and role[-1].lower().rstrip(".") in ROLE_HEADS


def _drop_sentence_opener(
    text: str, start: int, tokens: list[str], common: set[str]
) -> tuple[list[str], int]:
    """'Separately Ali' -> 'Ali': a sentence-initial word also used in lower case is no name."""
    opener = text[max(0, start - 6) : start]
    first = tokens[0].lower() if tokens else ""
    # "President Trump said": a title is no ordinary word even if the text has "president".
    ordinary = (first in common and first not in ROLE_HEADS) or first.endswith("ing")
    # "Broadcaster Piers Morgan": an occupation capitalised only because it opens the sentence.
    occupation = first.endswith(("er", "or", "ist", "ian")) and not is_country_token(tokens[0])
    ordinary = ordinary or (len(tokens) >= 3 and occupation)  # not "Armenian", "Russian"
    if first and _SENTENCE_START.search(opener) and ordinary:
        return tokens[1:], start + len(tokens[0]) + 1
    return tokens, start


def _role_prefix(text: str, start: int) -> list[str]:
    """['Ambassador', 'to'] for 'Ambassador to Armenia Sergey Kopyrkin' (run split at 'to')."""
    match = _ROLE_PREFIX.search(text, max(0, start - 80), start)
    if match and match.group(1).split(" ")[-1].lower() in ROLE_WORDS:
        return match.group(1).split(" ") + match.group(2).split(" ")
    return []


def lower_words(text: str) -> set[str]:
    """The words `text` also uses in lower case: a capitalised word among them is an
    ordinary word at a sentence's start, not a name."""
    return set(_LOWER_WORD.findall(text))


def _is_postnominal(token: str) -> bool:
    """Letters after a name that are no part of it: "QC", "MP", "OBE", "PhD" (nameparser's)."""
    word = token.replace(".", "")
    return word != word.capitalize() and word.lower() in SUFFIX_ACRONYMS


def without_postnominals(tokens: list[str]) -> list[str]:
    """'Judge Durham Hall QC' -> 'Judge Durham Hall' (at least two tokens are kept)."""
    end = len(tokens)
    while end > 2 and _is_postnominal(tokens[end - 1]):
        end -= 1
    return tokens[:end]


def person_mentions(text: str) -> list[Mention]:
    """Full person names in `text`, titles split off into `role`."""
    common = lower_words(text)
    found = []
    matches = [m for m in _PERSON_RUN.finditer(text) if " " in m.group()]  # lone words: no names
    places_and_bodies = {
        m.group()
        for m in matches
        if _PLACE_NOUN.match(text, m.end()) or _BODY_NOUN.match(text, m.end())
    }
    for match in matches:
        if match.group() in places_and_bodies:
            continue
        run = without_postnominals(match.group().split(" "))
        letters = len(match.group()) - len(" ".join(run))  # "Judge Durham Hall QC"
        tokens, start = _drop_sentence_opener(text, match.start(), run, common)
        role, name = split_role(tokens)
        prefix = _role_prefix(text, start)
        if prefix and not role and len(name) >= 3:
            # "Mayor of Koszalin Piotr Nowak": the preposition's object is no part of the name.
            role, name = [name[0]], name[1:]
        opener = (role or name)[0].lower()
        if (
            not _is_person(name, role)
            or name[0].lower() in PLACE_OPENERS
            or opener in PLACE_OPENERS
        ):
            continue  # "El Paso", "Las Vegas Review-Journal"
        if not role and _WORKPLACE_BEFORE.search(text, max(0, start - 40), start):
            continue  # "an analyst at Merrill Lynch", "analyst for Shearson Lehman": a firm
        if not role and _REGNAL.fullmatch(name[-1]):
            continue  # "Macintosh II"; "Queen Elizabeth II" has her title
        # "Mayo Clinic": a last word the article also uses in lower case is a common noun,
        # unless a particle comes before it ("Haitham bin Tariq Al Said").
        if not role and bare(name[-1]).lower() in common and name[-2].lower() not in PARTICLES:
            continue
        name[-1] = bare(name[-1])
        joined = " ".join(name)
        end = match.end() - letters
        end = end if not POSSESSIVE.search(run[-1]) else end - 2
        role = prefix + role
        mention = Mention(
            joined, end - len(joined), end, PERSON, clean_role(role), role_country(role)
        )
        found.append(mention)
    return found


_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")
_STATE_BODIES = frozenset({"ministry", "government", "office", "department", "embassy"})
_OWNER = re.compile(r"([\w.-]+)['\u2019]s (?=[A-Z])")
_AND_BEFORE = re.compile(rf"(?<![\w'\u2019.-])(?:({_TOKEN}) )?({_TOKEN}) and $")


_NAME_BEFORE = re.compile(rf"(?<![\w'\u2019.-])({_TOKEN}) $")
_DOTTED_BEFORE = re.compile(rf"(?<![\w.])({DOTTED_INITIALS}) $")
_OF_BEFORE = re.compile(rf"(?<![\w'\u2019.-])({_TOKEN}) of $")


def _joined_start(text: str, start: int, company: bool) -> int:
    """Where a name ending in a head word starts when words before "and" open it ("Pacific
    Gas and Electric Company", "Turkey's Disaster and Emergency Management Presidency"):
    one or two capitalised words, neither a head word nor a country; and for a company,
    a word before "of" ("Audi of America Inc")."""
    owner = _OF_BEFORE.search(text, max(0, start - 30), start)
    if owner and not company and not text.endswith(("the ", "The "), 0, owner.start(1)):
        owner = None  # "the States of Malaya Chamber of Mines", not "X Tam of Morgan Trust"
    if owner and _opens_name(owner.group(1)) and owner.group(1).lower() not in ROLE_WORDS:
        return owner.start(1)
    joined = _AND_BEFORE.search(text, max(0, start - 40), start)
    if not joined or not _opens_name(joined.group(2)):
        return start
    first = joined.group(1)
    # "American Telephone and Telegraph Co": a firm's name may open with a country's adjective.
    national = company and bool(first) and is_country_token(first) and bare(first) == first
    begin = joined.start(1) if first and (_opens_name(first) or national) else joined.start(2)
    before = text[max(0, begin - 30) : begin].split()[-2:]
    # "North Wales Fire and Rescue Service", "New Fire and Rescue Service": a place opens it.
    opener = max((i for i, word in enumerate(before) if word in _PLACE_OPENERS), default=None)
    if opener is not None:
        return begin - len(" ".join(before[opener:])) - 1
    previous = before[-1:]
    partners = text.startswith(("Co", "Company"), start) and company  # "head of X and Co"
    if (
        previous
        and not partners
        and (previous[0] in ("of", "for", "and") or _names_more(previous[0]))
    ):
        return start  # "University of Washington and Stanford University" are two
    return begin


# Words opening a place's name, which a body's name may open with ("North Wales Fire and
# Rescue Service", "West Midlands Fire and Rescue").
_PLACE_OPENERS = frozenset({"North", "South", "East", "West", "New", "Greater", "Central"})


def _names_more(word: str) -> bool:
    # "The National Search and Rescue Agency": a sentence's "The" names no more.
    return word[:1].isupper() and word not in _OPENING_ARTICLES and _opens_name(word)


def _opens_name(word: str) -> bool:
    possessive = bare(word) != word or word.endswith(("'", "\u2019"))
    return word.lower() not in ORG_HEADS and not is_country_token(word) and not possessive


def org_mentions(text: str) -> list[Mention]:
    """Capitalised names ending in an organisation word: 'Russian Foreign Ministry'."""
    found = []
    for match in CAPSEQ.finditer(text):
        tokens = match.group().split(" ")
        # "Merrill Lynch and Co's London office": a firm's possessive still ends its name.
        heads = [
            i
            for i, t in enumerate(tokens)
            if t.lower() in ORG_HEADS or bare(t).lower() in COMPANY_FORMS
        ]
        if not heads:
            continue
        leading = tokens[0].lower() in LEADING_HEADS or (tokens[0] == "Bank" and len(tokens) > 1)
        if heads == [0] and leading:
            heads = [len(tokens) - 1]  # "Banco Santander", "Bank Negara": the name after it
        tokens = tokens[: heads[-1] + 1]
        tokens[-1] = bare(tokens[-1])
        start = match.start()
        while tokens and tokens[0].lower() in FUNCTION_WORDS | RANK_WORDS:
            start += len(tokens[0]) + 1
            tokens = tokens[1:]
        end = start + len(" ".join(tokens))
        head_start = start
        start = _joined_start(text, start, tokens[-1].lower() in COMPANY_FORMS)
        dotted = _DOTTED_BEFORE.search(text, max(0, start - 12), start)
        if dotted:
            start = dotted.start(1)  # "U.S. Supreme Court": initials with full stops open it
            firm = _NAME_BEFORE.search(text, max(0, start - 30), start)
            if firm and tokens[-1].lower() in COMPANY_FORMS and _opens_name(firm.group(1)):
                start = firm.start(1)  # "Cargill U.K. Ltd": a firm's name before its place
        last = heads[-1] == len(match.group().split(" ")) - 1
        tail = _ORG_TAIL.match(text, end) if last and end == match.end() else None
        if tail and tail.group().startswith(" to ") and tokens[-1].lower() in COMPANY_FORMS:
            tail = None  # "sold Rothmans International Plc to Philip Morris": two companies
        if tail:
            end = tail.end()
        if len(tokens) >= 2 or tail or start < head_start:  # "Merrill Lynch and Co"
            start += owner_end(text[start:end], text[max(0, start - 30) : start])
            found.append(Mention(text[start:end], start, end, ORGANISATION))
    return found


def owner_end(name: str, before: str = "") -> int:
    """Where, in an organisation's `name`, the name of a body it owns starts: 15 for "NASA's
    Commercial Crew Program" (the owner is an organisation, not a founder as in "Moody's
    Investors Service" nor a word of the name as in "People's Liberation Army"); else 0.
    `before` is the text before the name ("the University of " before "Washington's …")."""
    owned = _OWNER.search(name)
    if not owned:
        return 0
    owner = name[: owned.end(1)].split(" ")
    rest = name[owned.end() :].split(" ")
    # "America's Choice" is a brand more often than a country's body.
    country = owner != ["America"] and (
        " ".join(owner) in names_to_codes() or (len(owner) == 1 and is_country_token(owner[0]))
    )
    if country:
        # "China's Tsinghua University" is Tsinghua University; "Spain's Finance Ministry"
        # and "Sri Lanka's Central Bank" keep their country, being named by what they do.
        generic = rest[-1].lower() in _STATE_BODIES or rest[0].lower() in ("central", "national")
        return owned.end() if len(rest) >= 2 and not generic else 0
    head_of = _OF_BEFORE.search(before[-30:])
    owner += [head_of.group(1)] if head_of else []
    if not any(w.lower() in ORG_HEADS or _ACRONYM_WORD.fullmatch(w) for w in owner):
        return 0
    return owned.end() if len(rest) >= 2 and any(w.lower() in ORG_HEADS for w in rest) else 0


def outlet_mentions(text: str) -> list[Mention]:
    """News outlets introduced by what they are: 'daily Népszava', 'broadcaster NRK'."""
    found = [
        Mention(m.group(1), m.start(1), m.end(1), ORGANISATION) for m in _OUTLET.finditer(text)
    ]
    for match in _OUTLET_BEFORE_KIND.finditer(text):
        start = match.start(1) + (4 if match.group(1).startswith("The ") else 0)
        name = text[start : match.end(1)]
        if name in _OPENING_ARTICLES:
            continue  # "The newspaper said": no outlet's name
        if name and not code_for(name):  # "the Iranian newspaper", "Armenian daily Aravot"
            found.append(Mention(name, start, match.end(1), ORGANISATION))
    return sorted(found, key=lambda m: m.start)


def described_org_mentions(text: str) -> list[Mention]:
    """Organisations introduced by what they are: 'software company Red Hat', 'charity
    Oxfam' (not 'company chairman John Smith': a role opens no organisation's name)."""
    found = []
    for match in _DESCRIBED_ORG.finditer(text):
        tokens = match.group(1).split(" ")
        if tokens[0].lower() in ROLE_WORDS or len(tokens) > 3:
            continue
        found.append(Mention(match.group(1), match.start(1), match.end(1), ORGANISATION))
    return found


def government_mentions(text: str) -> list[Mention]:
    """A country's government named by its country ("the government of Samoa", "the Samoan
    government"), for "the government said" later on."""
    found = []
    for match in _GOVERNMENT.finditer(text):
        country = match.group("of") or match.group("adjective")
        if code_for(country):
            found.append(Mention(match.group(1), match.start(1), match.end(1), ORGANISATION))
    return found
