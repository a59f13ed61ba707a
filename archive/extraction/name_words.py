"""Words and endings that mark a capitalised run as a thing or place, not a person."""

from __future__ import annotations

import re

from .lexicon import _words

# Nouns that end or start names of places, events, works and groups but are no surnames.
THING_WORDS = _words(
    """
    clause act dead comicon con expo fest faire crisis flight market bazaar tribe range falls
    lodge corner trek comics stones knights raccoon slayer fairies girl boy evolution
    equinox patrol cacti candy biology medicine journalism applications sentinels
    oceanography astronomy sustainability hoax village gardens point cay cape creek canyon
    springs heights harbour harbor port estate farm ranch resort arena stadium dome zone base
    experience interventions biotherapeutics capital partners holdings technologies labs
    studios records entertainment airways motors energy oil gas electric foods brands games
    software solutions insurance fc united city athletic rovers wanderers rangers saints
    show parish caucus time care fault exchange rights assistance securities plan tissue
    adventures break metro mine orchestra sabha nadu taxa industrial industrie rates chat
    six mths scotia receipts
    """
)

# Given names that are also listed words ("the Finance Bill"): a name when a surname follows.
GIVEN_NAME_WORDS = _words("bill")

# Title words that are also surnames ("John Major"): a surname after a name.
SURNAME_WORDS = _words("major")

# Capitalised articles that open place names ("El Paso", "La Jolla", "Rio Grande").
PLACE_OPENERS = _words("el la los las il lo rio punta san santa sao")

# Word endings that no surname has: abstract nouns and sciences ("Preventive Medicine").
THING_ENDINGS = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ology|ics|ware)$")

# A hyphenated word with a lower-case tail of an English adjective is an adjective
# ("Award-winning", "Moscow-based"); "Ki-moon" and "Hoi-kwan" are given names.
LOWER_TAIL = re.compile(
    r"-[a-z]*(?:ing|ed|born|based|owned|backed|wide|like|style|made|free|class|type|era|run"
    r"|led|long|time|term|level|scale|speaking|language|elect|designate|general)$"
)
