"""Speaker and country pages: one person's statements, or one country's coverage."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count

from archive.models import Article, Country, Person, Statement
from search.facets import FacetValue, export_query
from search.query import QueryPairs, SearchParams
from search.service import SearchPage, search_articles

TOP_STATEMENTS = 10  # statements shown on a country page; the rest are a search away


@dataclass
class SpeakerOverview:
    person: Person
    page: SearchPage  # their statements
    search_query: str = ""  # the search page's query for their statements
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, int]] = field(default_factory=list)  # role, statements in it
    countries: list[FacetValue] = field(default_factory=list)  # their statements speak about


@dataclass
class CountryOverview:
    country: Country
    page: SearchPage  # articles about the country
    statements: SearchPage  # statements about the country (naming it, or a role of it)
    speakers: list[FacetValue] = field(default_factory=list)  # most such statements first


def speaker_overview(person: Person, params: SearchParams, query: QueryPairs) -> SpeakerOverview:
    """A person's statements, newest first, searchable by `params.q` and dates."""
    mine = dataclasses.replace(params, mode="statements", speakers=(person.slug,), sort="newest")
    page = search_articles(mine, query)
    search_query = urlencode([("mode", "statements"), ("speaker", person.slug)])
    # The export takes the same statements in the same order as this page.
    page.export_query = f"{search_query}&sort=newest&{export_query(query)}".rstrip("&")
    aliases = [a.name for a in person.aliases.all() if a.name != person.name]
    roles = (
        Statement.objects.filter(speaker=person, article__status=Article.VISIBLE)
        .exclude(role="")
        .values_list("role")
        .annotate(n=Count("id"))
        .order_by("-n", "role")
    )
    return SpeakerOverview(
        person=person,
        page=page,
        search_query=search_query,
        aliases=aliases,
        roles=list(roles),
        countries=_group(page, "country"),
    )


def country_overview(country: Country, params: SearchParams, query: QueryPairs) -> CountryOverview:
    """Articles and statements about a country, newest first, with those who speak about it
    most (a statement's countries are its own: those it names, its speaker's role's)."""
    about = dataclasses.replace(params, countries=(country.code,), sort="newest", mode="articles")
    said = dataclasses.replace(about, mode="statements", page=1, page_size=TOP_STATEMENTS)
    page = search_articles(about, query)
    statements = search_articles(said, query)
    return CountryOverview(
        country=country,
        page=page,
        statements=statements,
        speakers=_group(statements, "speaker"),
    )


def _group(page: SearchPage, name: str) -> list[FacetValue]:
    """A facet's values with counts; nothing chosen in it here, so counts are plain."""
    group = next((g for g in page.facets if g.name == name), None)
    return [v for v in group.values if v.count] if group else []
