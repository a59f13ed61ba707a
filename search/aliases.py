"""Alias tables for query-time expansion: every spelling of a person or a country."""

from __future__ import annotations

import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import pycountry

from archive.extraction.countries import code_for
from archive.models import CountryAlias, PersonAlias

REFRESH_SECONDS = 30.0  # other processes' curation reaches this one within this long


def resolve_country(value: str) -> str | None:
    """An ISO code for `country:` values: a code, a name, a variant, a demonym or an alias."""
    value = value.strip()
    # A curator's alias wins: it exists because the built-in tables got this name wrong.
    curated = curated_country_codes().get(_fold(value))
    if curated:
        return curated
    if len(value) == 2 and value.isalpha():
        code = value.upper()
        known = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(
            alpha_2=code
        )
        return code if known else None
    return code_for(value) or code_for(value.title())


class AliasTable:
    """Lower-cased spelling → every spelling of the same person or country."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self._forms: dict[str, list[str]] = {}
        for group in groups:
            forms = list(dict.fromkeys(group))
            if len(forms) < 2:
                continue
            for form in forms:
                self._forms.setdefault(_fold(form), forms)

    def __call__(self, text: str) -> list[str]:
        return self._forms.get(_fold(text), [])


def _fold(text: str) -> str:
    """Case, accents and spacing folded, nothing more. Not `name_key`, which matches people's
    names loosely (by surname, phonetically): as a query lookup it read `Party` as every
    "… Party", `government` as "Federal Government" and `a` as "AAA", and replaced the word."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def country_groups() -> list[list[str]]:
    """Names of each country as pycountry and our variants give them (not demonyms)."""
    from archive.extraction.country_tables import data

    groups: dict[str, list[str]] = defaultdict(list)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                groups[country.alpha_2].append(name)
    for code, variants in data().get("variants", {}).items():
        groups[code] += [v for v in variants if len(v) > 3]
    for code, name in CountryAlias.objects.values_list("country_id", "name"):
        groups[code].append(name)
    return list(groups.values())


def person_groups() -> list[list[str]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for person_id, name in PersonAlias.objects.values_list("person_id", "name").iterator():
        groups[person_id].append(name)
    return [names for names in groups.values() if len(names) > 1]


_lock = threading.Lock()
_cache: dict[str, Any] = {}


def alias_table() -> AliasTable:
    """This process's table, rebuilt when older than REFRESH_SECONDS or after `forget()`."""
    with _lock:
        table: AliasTable | None = _cache.get("table")
        built: float = _cache.get("built", 0.0)
        if table is None or time.monotonic() - built > REFRESH_SECONDS:
            table = AliasTable([*country_groups(), *person_groups()])
            _cache.update(table=table, built=time.monotonic())
        return table


def curated_country_codes() -> dict[str, str]:
    """Folded curated country alias -> ISO code, cached like the alias table."""
    with _lock:
        codes: dict[str, str] | None = _cache.get("countries")
        built: float = _cache.get("countries_built", 0.0)
        if codes is None or time.monotonic() - built > REFRESH_SECONDS:
            rows = CountryAlias.objects.values_list("name", "country_id")
            codes = {_fold(name): code for name, code in rows}
            _cache.update(countries=codes, countries_built=time.monotonic())
        return codes


def forget() -> None:
    """Drop the cached table (curation in this process changed aliases)."""
    with _lock:
        _cache.clear()
