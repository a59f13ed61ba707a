"""The surface forms that name countries, built once from pycountry and countries.json."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

_DATA_FILE = Path(__file__).with_name("countries.json")
# Forms that are everyday words or names when shouted in capitals ("GIVE US", "CHAD SMITH").
_NO_UPPER = frozenset({"US", "Chad", "Jordan", "Georgia", "Turkey", "Guinea"})
# Subdivisions whose names qualify a dateline city ("AUSTIN, Texas (AP) -").
_DATELINE_SUBDIVISION_COUNTRIES = ("US", "CA", "AU")


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literals, factored by prefix so matching stays fast.

    Alternatives are tried longest-first at every node, so the longest name wins.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def word_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + trie_pattern(sorted(set(words))) + r")(?!\w)")


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    with _DATA_FILE.open(encoding="utf-8") as fh:
        table: dict[str, Any] = json.load(fh)
    return table


def _pycountry_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            # "Korea, Republic of" style names never occur in running text.
            if name and "," not in name and "(" not in name:
                table[name.removeprefix("the ")] = country.alpha_2
    return table


def _sections(*names: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for section in names:
        for code, forms in data()[section].items():
            for form in forms:
                table[form] = code
    return table


def _with_capitals(table: dict[str, str]) -> dict[str, str]:
    """Add the upper-case spelling of datelines and shouted headlines ("MOSCOW", "IRAN")."""
    skip = set(data()["ambiguous"]) | _NO_UPPER
    for form, code in list(table.items()):
        if len(form) >= 4 and form not in skip:
            table.setdefault(form.upper(), code)
    return table


@dataclass(frozen=True)
class Tables:
    """Everything the country finder looks up, built once."""

    always: dict[str, str]  # names, demonyms, institutions: count wherever they occur
    capitals: dict[str, str]  # count only as metonyms or in datelines ("Ankara said")
    era: dict[str, tuple[str, datetime.date]]  # form -> (former state, last day + 1)
    forms: re.Pattern[str]  # every key of the three tables above
    regions: re.Pattern[str]  # phrases masked first ("South China Sea")
    ambiguous: frozenset[str]
    blocks: dict[str, re.Pattern[str]]
    dateline_places: dict[str, str]  # upper-cased city -> code
    dateline_regions: dict[str, str]  # upper-cased state or province -> code


def _era() -> dict[str, tuple[str, datetime.date]]:
    era: dict[str, tuple[str, datetime.date]] = {}
    for code, spec in data()["era_forms"].items():
        if code.startswith("_"):
            continue
        until = datetime.date.fromisoformat(spec["until"])
        for form in spec["forms"]:
            era[form] = era[form.upper()] = (code, until)
    return era


def _upper_keys(*tables: dict[str, str]) -> dict[str, str]:
    return {form.upper(): code for table in tables for form, code in table.items()}


def _subdivisions() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in _DATELINE_SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or ():
            table[sub.name] = code
    return table


@lru_cache(maxsize=1)
def tables() -> Tables:
    d = data()
    always = _with_capitals(
        _pycountry_names() | _sections("variants", "demonyms", "historic", "institutions")
    )
    capitals = {k: v for k, v in _with_capitals(_sections("capitals")).items() if k not in always}
    era = _era()
    blocks = {
        form: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)")
        for form, cues in d["context_blocks"].items()
    }
    return Tables(
        always=always,
        capitals=capitals,
        era=era,
        forms=word_regex([*always, *capitals, *era]),
        regions=word_regex(d["regions"]),
        ambiguous=frozenset(d["ambiguous"]),
        blocks=blocks,
        dateline_places=_upper_keys(capitals, _sections("dateline_places")),
        # Country names win over a same-named state ("TBILISI, Georgia").
        dateline_regions=_upper_keys(_subdivisions(), _sections("dateline_regions"), always),
    )
