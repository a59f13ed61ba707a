"""The review queue's rules, each one a curator can read: what makes a name or a role suspect.

Pure functions over names and roles; `archive.review` runs them over the archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from archive.extraction import name_key
from archive.extraction.countries import names_to_codes
from archive.extraction.lexicon import AGENCIES
from archive.extraction.speech_words import MEDIA_HEADS

# Outlets whose names end in no media word ("Al Jazeera", "Associated Press" ends in one).
KNOWN_OUTLETS = frozenset({"al jazeera", "bloomberg", "politico", "axios", "euronews"})
_NON_WORD = re.compile(r"[^\w]+")
MAX_TITLE_WORDS = 5  # "United States Secretary of State" before a name, at most


def is_outlet(name: str, outlets: Iterable[str] = ()) -> bool:
    """An outlet or a news agency: one the archive's articles come from, an agency known by
    its one word ("Reuters", "TASS"), or a name ending in a media word ("The Korea Herald",
    "Fox News", "Associated Press")."""
    words = _plain_words(name)
    if not words:
        return False
    plain = " ".join(words)
    if plain in KNOWN_OUTLETS or plain in {" ".join(_plain_words(o)) for o in outlets}:
        return True
    return (len(words) == 1 and words[0] in AGENCIES) or words[-1] in MEDIA_HEADS


def _plain_words(name: str) -> list[str]:
    """Lower-cased words without punctuation or a leading "the"."""
    words = _NON_WORD.sub(" ", name.lower()).split()
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def is_country_role(role: str) -> bool:
    """A role that is only a country's name or its people's ("United States", "Iranian"):
    roles are offices, and a country alone says nothing of the speaker's."""
    text = role.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return text in names_to_codes()


def titled_variants(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(longer, shorter) pairs where the longer name is the shorter one with a title or a
    role in front ("United States President Donald Trump", "Donald Trump"). The shorter has
    at least two words, so that "President Trump" does not pair with every "Trump"."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(name_key(name), name)
    for key, name in by_key.items():
        words = key.split()
        for cut in range(1, min(MAX_TITLE_WORDS, len(words) - 2) + 1):
            shorter = by_key.get(" ".join(words[cut:]))
            if shorter is not None and shorter != name:
                yield name, shorter
                break
