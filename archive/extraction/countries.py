"""Find the countries a text mentions: names, demonyms, capitals, common variants."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pycountry

from .lexicon import NON_NAME_WORDS

_DATA_FILE = Path(__file__).with_name("countries.json")
_SENTENCE_END = re.compile(r"[.!?\n]")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_WORD_BEFORE = re.compile(r"(\w[\w.'\u2019-]*) $")
_WORD_AFTER = re.compile(r" (\w[\w'\u2019-]*)")


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literals, factored by prefix so matching stays fast.

    Alternatives are tried longest-first at every node, so the longest name wins.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body if len(branches) == 1 else body

    return build(trie)


def _word_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(sorted(set(words))) + r")(?!\w)")


@lru_cache(maxsize=1)
def _data() -> dict:
    with _DATA_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def names_to_codes() -> dict[str, str]:
    """Every surface form we match, mapped to its ISO 3166-1 alpha-2 code."""
    data = _data()
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            # "Korea, Republic of" style names never occur in running text.
            if name and "," not in name and "(" not in name:
                table[name.removeprefix("the ")] = country.alpha_2
    for section in ("variants", "demonyms", "capitals"):
        for code, forms in data[section].items():
            for form in forms:
                table[form] = code
    # Datelines and shouted headlines write names in capitals ("MOSCOW, Oct 26").
    ambiguous = set(data["ambiguous"])
    for form, code in list(table.items()):
        if len(form) >= 5 and form not in ambiguous:
            table.setdefault(form.upper(), code)
    return table


@lru_cache(maxsize=1)
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _word_regex(list(names_to_codes())), _word_regex(_data()["regions"])


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Lower-cased single words that name a country, so name finders can skip them."""
    words = {form.lower() for form in names_to_codes() if " " not in form}
    words |= {w + "'s" for w in words} | {w + "\u2019s" for w in words}
    return frozenset(words)


@lru_cache(maxsize=1)
def ambiguous_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["ambiguous"])


def code_for(word: str) -> str | None:
    """The country code a single surface form maps to, if any ("Russia's" -> RU)."""
    table = names_to_codes()
    bare = _POSSESSIVE.sub("", word)
    return table.get(bare)


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


@lru_cache(maxsize=1)
def _cue_regexes() -> dict[str, re.Pattern[str]]:
    blocks = _data()["context_blocks"]
    return {
        form: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)")
        for form, cues in blocks.items()
    }


def _blocked_by_context(text: str, start: int, end: int, cues: re.Pattern[str]) -> bool:
    """True when a cue ("Atlanta", "Senate") shares the sentence with the match."""
    left = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=0
    )
    right_match = _SENTENCE_END.search(text, end, end + 300)
    right = right_match.start() if right_match else min(len(text), end + 300)
    sentence = text[left:right]
    return bool(cues.search(sentence))


def find_countries(text: str) -> list[str]:
    """Sorted unique ISO alpha-2 codes of the countries `text` mentions."""
    names, regions = _regexes()
    masked = _mask(text, regions)
    table = names_to_codes()
    ambiguous = set(_data()["ambiguous"])
    blocks = _cue_regexes()
    codes: set[str] = set()
    for match in names.finditer(masked):
        form = match.group()
        if form in ambiguous and _glued_to_name(masked, match.start(), match.end()):
            continue
        if form in blocks and _blocked_by_context(text, match.start(), match.end(), blocks[form]):
            continue
        codes.add(table[form])
    return sorted(codes)


def country_name(code: str) -> str:
    """A short English name for a country code, for labels ("Russia", not "Russian Federation")."""
    code = code.upper()
    short = _data().get("display_names", {}).get(code)
    if short:
        return short
    country = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(
        alpha_2=code
    )
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
