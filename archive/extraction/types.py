"""The plain data an extraction produces: no Django, no I/O."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

PERSON = "person"
ORGANISATION = "organisation"
# A statement's form: the speaker's own words in quotation marks, or what the article says
# they said.
QUOTE = "quote"
REPORTED = "reported"


@dataclass(frozen=True)
class Entity:
    """A person or organisation named in an article, under its canonical spelling."""

    name: str
    kind: str = PERSON
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """Something an article reports `speaker` as saying.

    `start`/`end` are character offsets of `text` in the cleaned body.
    """

    speaker: str
    text: str
    start: int
    end: int
    kind: str = PERSON
    role: str = ""
    country: str = ""  # ISO alpha-2 code of the role's country ("Russian Foreign Minister")
    form: str = REPORTED
    countries: tuple[str, ...] = ()  # what it speaks about: countries it names, the role's


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article's raw text."""

    title: str
    body: str
    byline: str | None = None
    source: str | None = None
    date: datetime.date | None = None
    dates_mentioned: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = field(default=())

    @property
    def speakers(self) -> list[str]:
        """Canonical names of everyone quoted, in order of first statement."""
        return list(dict.fromkeys(s.speaker for s in self.statements))

    @property
    def persons(self) -> list[str]:
        return sorted(e.name for e in self.entities if e.kind == PERSON)
