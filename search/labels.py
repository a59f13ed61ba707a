"""The names a results page shows for countries and speakers, kept in each process.

A page names the countries and speakers of its facets and its hits' tags: asking the
database for them was two of a page's three queries (about 2 ms of a 13 ms page). Countries
are few, so all are read at once; speakers as pages first show them. Curation in this
process drops what is kept (search.signals); another process's curation reaches this one
within `REFRESH_SECONDS`, as with the alias tables (search.aliases).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

from archive.models import Country, Person
from search.aliases import REFRESH_SECONDS

MAX_SPEAKERS = 100_000  # names kept before starting afresh: a few megabytes


class _Kept:
    """One process's names, from one moment: replaced whole, never partly cleared."""

    def __init__(self) -> None:
        self.read_at = time.monotonic()
        self.countries: dict[str, str] | None = None
        self.speakers: dict[str, str | None] = {}  # None: no such speaker

    @property
    def fresh(self) -> bool:
        return time.monotonic() - self.read_at <= REFRESH_SECONDS


_lock = threading.Lock()
_kept = _Kept()


def _current() -> _Kept:
    global _kept
    with _lock:
        if not _kept.fresh or len(_kept.speakers) > MAX_SPEAKERS:
            _kept = _Kept()
        return _kept


def country_names(codes: Iterable[str]) -> dict[str, str]:
    """code → name for those of `codes` the archive knows."""
    kept = _current()
    names = kept.countries
    if names is None:
        names = kept.countries = dict(Country.objects.values_list("code", "name"))
    return {code: names[code] for code in codes if code in names}


def speaker_names(slugs: Iterable[str]) -> dict[str, str]:
    """slug → name for those of `slugs` the archive knows (one query for those not kept)."""
    kept = _current()
    wanted = set(slugs)
    missing = wanted - kept.speakers.keys()
    if missing:
        found = dict(Person.objects.filter(slug__in=missing).values_list("slug", "name"))
        # Slugs the archive lacks are kept too (as None), so that a link to a speaker merged
        # away does not ask again on every page.
        kept.speakers.update({slug: found.get(slug) for slug in missing})
    names = kept.speakers
    return {slug: name for slug in wanted if (name := names.get(slug)) is not None}


def forget() -> None:
    """Drop what is kept (curation in this process renamed, added or removed something)."""
    global _kept
    with _lock:
        _kept = _Kept()
