"""What kind of mistake each extraction error is, so that the next person sees where to work.

Pure functions over one article's extracted and gold values (no text needed): a missed
speaker is an organisation, a name the extractor found with a role or another name glued on,
or a person whose attribution or follow-up the rules missed; a false speaker is a glued
name, a piece of a longer name, someone named who does not speak, or a fragment; a missed
date is a day or a month, or one found with another year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from archive.extraction.lexicon import PARTICLES

# Its own list, not the extractor's `ORG_HEADS`: an organisation the extractor's words miss
# must still be named one here.
ORGANISATION = re.compile(
    r"\b(?:Inc|Co|Corp|Corporation|Company|Ltd|Plc|Group|Bank|Ministry|Department|Court|"
    r"Police|Patrol|Party|Embassy|embassy|Government|government|Administration|Agency|"
    r"Association|Federation|Union|Council|Committee|Commission|Board|Office|Service|"
    r"Survey|Center|Centre|Institute|Institut|Organization|Organisation|Project|Presidency|"
    r"University|Workers|Street|Network|News|Reserve|Authority|Management|KGB|Co\.)\b"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&.-]{1,9}$")
# Lower-case words that may sit inside a proper name.
_PARTICLES = PARTICLES | {"of", "the", "and", "for", "y"}


def is_organisation(name: str) -> bool:
    return bool(ORGANISATION.search(name) or _ACRONYM.match(name))


def _contains(longer: str, shorter: str) -> bool:
    """Whether `shorter` is a run of whole words inside `longer` (and not all of it)."""
    a, b = longer.split(), shorter.split()
    return len(a) > len(b) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


def missed_speaker_kind(gold: str, false_hits: Iterable[str]) -> str:
    if any(_contains(found, gold) for found in false_hits):
        return "role or name glued on"
    if is_organisation(gold):
        return "organisation"
    return "person: attribution or follow-up"


def false_speaker_kind(found: str, gold_names: Iterable[str], persons: Iterable[str]) -> str:
    names = list(gold_names)
    if any(_contains(found, name) for name in names):
        return "role or name glued on"
    if any(_contains(name, found) for name in names):
        return "piece of a longer name"
    if any(found == person or _contains(person, found) for person in persons):
        return "named, not speaking"
    words = found.replace("'s", " 's").split()
    if any(w[0].islower() and w not in _PARTICLES for w in words) or "'s" in words:
        return "fragment"
    return "other"


def missed_date_kind(gold: str, found: Iterable[str]) -> str:
    """A day or a month, one the text gives no year for ("--03-31"), or one the extractor
    has with another year."""
    yearless = gold.startswith("--")
    month_day = gold[2:] if yearless else gold[5:]
    if any(f[5:] == month_day and f != gold for f in found if not f.startswith("--")):
        return "another year"
    kind = "day" if len(month_day) == 5 else "month"
    return f"{kind} without a year" if yearless else kind
