"""Find the countries a text mentions: names, demonyms, institutions, capitals as metonyms."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

import pycountry

from .country_tables import Tables, data, tables
from .dates import DAY_PATTERN, MONTH_PATTERN, YEAR_PATTERN
from .lexicon import NON_NAME_WORDS

_SENTENCE_END = re.compile(r"[.!?\n]")
POSSESSIVE = re.compile(r"['\u2019]s$")  # "Russia's", "Lavrov's"
_WORD_BEFORE = re.compile(r"(\w[\w.'\u2019-]*) $")
_WORD_AFTER = re.compile(r" (\w[\w'\u2019-]*)")
_LOWER = re.compile(r"[a-z]")

# A capital stands for its state when it acts ("Ankara said", "Moscow's decision") or is
# acted with ("talks with Tehran", "between Baku and Yerevan"); a mere place does not count.
_ACT = (
    r"(?:said|says|say|stated|announced|accused|rejected|denied|warned|insisted|agreed|refused"
    r"|urged|demanded|threatened|responded|signed|sent|plans?|planned|hopes?|hoped|believes?"
    r"|claimed|condemned|welcomed|expects?|expected|considers?|decided|imposed|wants?|wanted"
    r"|blamed|called|asked|offered|proposed|approved|recogni[sz]ed|supports?|supported|backed"
    r"|opposed|objected|protested|reacted|retaliated|vowed|pledged|promised|confirmed|argues"
    r"|argued|maintains|seeks|sought|intends|tried|tries|insists|continues|reiterated"
    r"|officials|authorities|government|regime|leadership|administration|envoy|diplomats)"
)
_AFTER_METONYM = re.compile(
    r"(?:['\u2019]s (?:decision|position|stance|policy|policies|move|refusal|support|response"
    r"|relations|ties|efforts|plans?|proposal|demands?|role|allies|ally|government|officials"
    r"|ambassador|envoy|foreign|military|troops|interests?|leadership|approach|concerns?"
    r"|influence|sanctions|claims?|actions?|aggression|involvement|participation|reaction)"
    r"|,? (?:(?:has|have|had|will|would|could|may|might|must|did|does|also|now|still|again"
    r"|has also|had also|is|was|is also|cannot|can) )?" + _ACT + r")\b"
)
_BEFORE_METONYM = re.compile(
    r"(?:\b(?:with|between|against|towards?) |(?:officials|authorities|diplomats"
    r"|leadership|government) in |\bbetween [\w'\u2019.-]+(?: [\w'\u2019.-]+)? and )$"
)
_HYPHEN_PAIR = re.compile(r"-[A-Z]")
_DATELINE = re.compile(
    r"(?m)^(?P<place>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}?)"
    rf"(?:, (?!{MONTH_PATTERN} )(?P<region>[A-Z][\w.]*(?: ?[A-Z][\w.]*){{0,2}}))?"
    # Something must follow the place: a date, an agency or a dash.
    rf"(?=,? (?:{MONTH_PATTERN} {DAY_PATTERN}|\(|[-\u2013\u2014]))"
    rf",? (?P<date>{MONTH_PATTERN} {DAY_PATTERN}(?:,? {YEAR_PATTERN})?[,.]? ?)?"
    r"(?P<agency>\([^)\n]{1,40}\) ?)?[-\u2013\u2014]?"
)


@lru_cache(maxsize=1)
def names_to_codes() -> dict[str, str]:
    """Every surface form that names a country anywhere, mapped to its ISO alpha-2 code."""
    t = tables()
    return t.capitals | t.always


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Lower-cased single words that name a country, so name finders can skip them."""
    # Institutions are names of bodies ("the Kremlin said"), in any case ("PENTAGON").
    words = {f.lower() for f in names_to_codes() if " " not in f}
    words -= institution_names()
    words |= {w + "'s" for w in words} | {w + "\u2019s" for w in words}
    return frozenset(words)


@lru_cache(maxsize=1)
def institution_names() -> frozenset[str]:
    """Bodies that stand for their state ("Pentagon", "Kremlin", "White House"), lower-cased."""
    return frozenset(f.lower() for forms in data()["institutions"].values() for f in forms)


@lru_cache(maxsize=1)
def ambiguous_words() -> frozenset[str]:
    return frozenset(w.lower() for w in data()["ambiguous"])


def code_for(word: str) -> str | None:
    """The country code a single surface form maps to, if any ("Russia's" -> RU)."""
    return names_to_codes().get(POSSESSIVE.sub("", word))


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out matches of `pattern`, keeping every other offset unchanged."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _glued_to_name(text: str, start: int, end: int) -> bool:
    """True when an ambiguous word sits inside a longer capitalised name ("Jordan Peterson")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end, end + 40)
    for match in (before, after):
        if match and match.group(1)[0].isupper():
            word = match.group(1).lower()
            if word not in NON_NAME_WORDS and word not in country_words():
                return True
    return False


def _blocked_by_context(text: str, start: int, end: int, cues: re.Pattern[str]) -> bool:
    """True when a cue ("Atlanta", "Senate") shares the sentence with the match."""
    left = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=0
    )
    right_match = _SENTENCE_END.search(text, end, end + 300)
    right = right_match.start() if right_match else min(len(text), end + 300)
    return bool(cues.search(text, left, right))


def _is_metonym(text: str, start: int, end: int) -> bool:
    """True when a capital at [start, end) stands for its state rather than a place."""
    if _AFTER_METONYM.match(text, end) or _BEFORE_METONYM.search(text, max(0, start - 40), start):
        return True
    return bool(_HYPHEN_PAIR.match(text, end)) or (start > 0 and text[start - 1] == "-")


def _shouted(text: str, start: int, end: int) -> bool:
    """True inside an all-capitals line, where "US" may be the pronoun."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return not _LOWER.search(text, left, right if right >= 0 else len(text))


def _era_code(form: str, t: Tables, on: datetime.date | None) -> str | None:
    if on is not None and form in t.era:
        code, until = t.era[form]
        if on < until:
            return code
    return None


def _match_code(text: str, match: re.Match[str], t: Tables, on: datetime.date | None) -> str | None:
    """The code one match contributes, or None when its context says it is no country."""
    form, start, end = match.group(), match.start(), match.end()
    if form in t.ambiguous and _glued_to_name(text, start, end):
        return None
    if form in t.blocks and _blocked_by_context(text, start, end, t.blocks[form]):
        return None
    if form == "US" and _shouted(text, start, end):
        return None
    era = _era_code(form, t, on)
    if form in t.always:
        return era or t.always[form]
    if _is_metonym(text, start, end):
        return era or t.capitals.get(form)
    return None


def dateline_countries(text: str, on: datetime.date | None = None) -> set[str]:
    """Countries of wire datelines opening a paragraph ("HOUSTON, March 2 -", "X, Calif. -")."""
    t = tables()
    codes: set[str] = set()
    for match in _DATELINE.finditer(text):
        place = match.group("place").upper()
        region = (match.group("region") or "").upper()
        by_place = _era_code(place, t, on) or t.dateline_places.get(place)
        by_region = t.dateline_regions.get(region)
        # The region qualifies the city ("LONDON, Ontario"), unless it is ambiguous itself
        # ("ATLANTA, Georgia").
        code = by_place if by_place and region.title() in t.ambiguous else by_region or by_place
        if code:
            codes.add(code)
    return codes


def find_countries(text: str, on: datetime.date | None = None) -> list[str]:
    """Sorted unique ISO alpha-2 codes of the countries `text` mentions.

    `on`, the article's date, lets forms of the time name former states ("Moscow" -> SU
    before 1992); without it every form gets its modern reading.
    """
    t = tables()
    masked = _mask(text, t.regions)
    codes = {c for m in t.forms.finditer(masked) if (c := _match_code(masked, m, t, on))}
    codes |= dateline_countries(text, on)
    return sorted(codes)


def country_name(code: str) -> str:
    """A short English name for a country code, for labels ("Russia", not "Russian Federation")."""
    code = code.upper()
    short: str | None = data().get("display_names", {}).get(code)
    if short:
        return short
    country = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(
        alpha_2=code
    )
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
