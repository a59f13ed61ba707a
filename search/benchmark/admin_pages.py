"""The admin's pages timed on the benchmark's archive: a curator's visit, page by page."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client

from archive.models import Article, Country, Person, Statement

HEADER = "| admin page | p50 ms | max ms | queries |\n| --- | --- | --- | --- |"


@dataclass(frozen=True)
class PageTiming:
    name: str
    samples: list[float]
    queries: int

    def row(self) -> str:
        return (
            f"| {self.name} | {statistics.median(self.samples) * 1000:.1f} | "
            f"{max(self.samples) * 1000:.1f} | {self.queries} |"
        )


def pages(search_word: str) -> list[tuple[str, str]]:
    """(what a curator does, the address) over the archive as it stands."""
    count = Article.objects.count()
    article = Article.objects.order_by("pk").only("pk")[count // 2] if count else None
    person = Person.objects.with_counts().order_by("-statement_count").first()
    statement = Statement.objects.order_by("pk").only("pk").last()
    if article is None or statement is None:
        return []
    country = Country.objects.filter(articles__isnull=False).first()
    query = urlencode({"q": search_word})
    found = [
        ("admin index", "/admin/"),
        ("articles", "/admin/archive/article/"),
        (f"articles, title search “{search_word}”", f"/admin/archive/article/?{query}"),
        ("articles of a year, by statements", "/admin/archive/article/?year=2020&o=-7"),
        ("article edit page", f"/admin/archive/article/{article.pk}/change/"),
        ("persons", "/admin/archive/person/"),
        ("persons by statements", "/admin/archive/person/?o=-5"),
        ("person edit page", f"/admin/archive/person/{person.pk}/change/" if person else ""),
        ("statements", "/admin/archive/statement/"),
        ("statement edit page", f"/admin/archive/statement/{statement.pk}/change/"),
        ("countries", "/admin/archive/country/"),
        ("review queue", "/admin/review/"),
        ("review queue, named once", "/admin/review/?kind=seen-once"),
        ("review queue, a title in front", "/admin/review/?kind=title-variant"),
        ("country edit page", f"/admin/archive/country/{country.pk}/change/" if country else ""),
    ]
    if person is not None:
        found.insert(
            4, ("articles quoting a speaker", f"/admin/archive/article/?speaker={person.pk}")
        )
    return [(name, url) for name, url in found if url]


def title_word() -> str:
    """A word to search titles for: the longest of a title from the middle of the archive."""
    count = Article.objects.count()
    title = Article.objects.order_by("pk").values_list("title", flat=True)[count // 2]
    return max(title.split(), key=len).strip(".,:;!?\"'()")


def timings(search_word: str, passes: int = 5) -> list[PageTiming]:
    """Each page `passes` times, after one untimed visit; a signed-in administrator made for
    the run in the benchmark's own scratch database."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    measured = []
    for name, url in pages(search_word):
        cache.clear()  # the review queue's counts: timed as the first visit of a minute
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        samples = []
        for _ in range(passes):
            cache.clear()
            started = time.perf_counter()
            client.get(url)
            samples.append(time.perf_counter() - started)
        measured.append(PageTiming(name, samples, counter.count))
    return measured


class QueryCounter:
    """Counts the queries run through a connection (Django's query log is emptied at the
    start of every request, so it cannot count a request's own)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        self.count += 1
        return execute(sql, params, many, context)
