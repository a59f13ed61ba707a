"""Metadata extraction for news articles: title, body, dates, countries, people, statements."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from .acronyms import definitions
from .cleanup import clean
from .countries import country_name, find_countries
from .dates import (
    article_date,
    complete_years,
    find_date_mentions,
    find_dateline,
    iso_dates,
    sole_year,
)
from .lexicon import LEADING_HEADS
from .names import (
    Mention,
    described_org_mentions,
    government_mentions,
    name_key,
    org_mentions,
    outlet_mentions,
    person_mentions,
)
from .registry import Registry
from .statements import find_statements
from .types import ORGANISATION, PERSON, Entity, Extraction, Statement

EXTRACTOR_VERSION: int = 13

# Metadata comes from the first MAX_EXTRACTED characters of the body only: news articles are
# far shorter, and a huge text would hold an import up for minutes. The body is kept whole.
MAX_EXTRACTED: int = 200_000

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_EXTRACTED",
    "ORGANISATION",
    "PERSON",
    "Entity",
    "Extraction",
    "Statement",
    "country_name",
    "extract",
    "name_key",
]


# "X was born Peter Edward Baker": a birth name is another name of the person before it.
# "Merrill Lynch and Co's office", "Fairchild Composites/Bonding Center": a firm's name goes on.
_FIRM_GOES_ON = re.compile(r"/[A-Z]| and (?:Co|Company|Sons|Partners)\b")
_BORN = re.compile(r"\b(?:was|is) born ((?:[A-Z][\w'\u2019-]+ ){1,3}[A-Z][\w'\u2019-]+)")


def _entities(body: str, title: str) -> tuple[Registry, list[Mention], list[tuple[int, str]]]:
    """Persons and organisations of the body; the headline only adds spellings."""
    registry = Registry()
    outlets = outlet_mentions(body)
    found_orgs = sorted(
        org_mentions(body) + outlets + government_mentions(body), key=lambda m: m.start
    )
    # "software company Red Hat": known by name, but no candidate for "the company" until
    # it speaks (it is often a deal's other party, not the story's company).
    described = described_org_mentions(body)
    org_names = {org.name for org in found_orgs + described}
    registry.outlets.update(org.name for org in outlets)
    # "Merrill Lynch" of "Merrill Lynch and Co", "Toronto Sun" of "Toronto Sun Publishing":
    # the opening words of an organisation's name are no person.
    openings = {" ".join(name.split()[:i]) for name in org_names for i in (2, 3)}
    no_people = org_names | openings
    # "Banque Nationale de Paris": no person "Nationale de Paris" inside a body's name.
    spans = [
        (org.start, org.end) for org in found_orgs if org.name.split()[0].lower() in LEADING_HEADS
    ]
    mentions = [
        m
        for m in person_mentions(body)
        if m.name not in no_people
        and not any(a <= m.start and m.end <= b for a, b in spans)
        and not _FIRM_GOES_ON.match(body, m.end)
    ]
    registry.add_persons(mentions)
    registry.add_persons(person_mentions(title), create=False)
    for born in _BORN.finditer(body):
        earlier = [m for m in mentions if m.end <= born.start() and born.start() - m.end < 60]
        if earlier and earlier[-1].name != born.group(1):
            registry.add_alias(born.group(1), earlier[-1].name)
    for acronym, name in definitions(body):
        registry.define_acronym(acronym, name)
    for org in described:
        registry.add_org(org.name)
    orgs = [(org.start, registry.add_org(org.name)) for org in found_orgs]
    people = [replace(m, name=registry.resolve_person(m.name) or m.name) for m in mentions]
    return registry, people, orgs


def extract(raw_text: str, title: str | None = None) -> Extraction:
    """Everything the archive indexes about one article.

    `raw_text` is a whole seed file (headline on its first line) or, when `title` is
    given, an imported article's body. Metadata comes from the body's first MAX_EXTRACTED
    characters; `body` is the whole cleaned text.
    """
    cleaned = clean(raw_text, title)
    body = _head(cleaned.body)
    date = article_date(cleaned.marker, body)
    dateline = find_dateline(body)
    context_year = sole_year(f"{cleaned.title}\n{body}")
    title_year = sole_year(cleaned.title)
    mentions = complete_years(find_date_mentions(body), date, body, context_year, title_year)
    registry, people, orgs = _entities(body, cleaned.title)
    statements = [
        replace(s, countries=statement_countries(s, date))
        for s in find_statements(body, registry, people, orgs, cleaned.title)
    ]
    return Extraction(
        title=cleaned.title,
        body=cleaned.body,
        byline=cleaned.byline,
        source=dateline.agency if dateline else None,
        date=date,
        dates_mentioned=iso_dates(mentions, date),
        # The headline counts too: it often names the country the body only implies.
        countries=tuple(find_countries(f"{cleaned.title}\n\n{body}", date)),
        entities=registry.entities(),
        statements=tuple(statements),
    )


def statement_countries(statement: Statement, on: datetime.date | None) -> tuple[str, ...]:
    """The countries a statement is about: those its words name, and its speaker's role's
    ("Russian Foreign Minister" speaks for RU whatever country he names)."""
    codes = set(find_countries(statement.text, on)) | ({statement.country} - {""})
    return tuple(sorted(codes))


def _head(body: str) -> str:
    """The part of `body` extraction reads: all of it, or MAX_EXTRACTED characters cut at a
    space (statement offsets stay offsets into the whole body)."""
    if len(body) <= MAX_EXTRACTED:
        return body
    cut = max(body.rfind(" ", 0, MAX_EXTRACTED), body.rfind("\n", 0, MAX_EXTRACTED))
    return body[: cut if cut > 0 else MAX_EXTRACTED]
