"""An admin that stays fast as the archive grows: a fixed number of queries per page whatever
the number of rows, no page that lists every person, compact rows that say what they cut."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Country, Job, JobArticle, Person, PersonAlias, Statement

pytestmark = pytest.mark.django_db

_serial = itertools.count()


def archive_of(articles: int, statements: int, persons: int, tag: str) -> list[Article]:
    """`articles` articles of `statements` statements each, by `persons` speakers, each
    article naming two countries and every speaker; built in bulk."""
    countries = [
        Country.objects.get_or_create(code="AM", defaults={"name": "Armenia"})[0],
        Country.objects.get_or_create(code="GE", defaults={"name": "Georgia"})[0],
    ]
    people = [
        Person.objects.create(name=f"{tag} Speaker {n}", slug=f"{tag}-speaker-{n}-{next(_serial)}")
        for n in range(persons)
    ]
    for person in people:
        PersonAlias.objects.create(person=person, name=person.name, key=person.name.lower())
    made = []
    for n in range(articles):
        said = [f"Remark {k} of {tag} article {n}." for k in range(statements)]
        body = " ".join(f"The speaker said: {s}" for s in said)
        article = Article.objects.create(
            title=f"{tag} headline {n}",
            body=body,
            raw_text=body,
            source=f"Outlet {n % 3}",
            date=datetime.date(2020 + n % 3, 1, 1 + n % 28),
            content_hash=f"{tag}-{n}-{next(_serial)}",
            external_id=f"{tag}-{n}",
        )
        article.countries.set(countries)
        article.persons.set(people)
        offset = 0
        rows = []
        for k, text in enumerate(said):
            start = body.index(text, offset)
            rows.append(
                Statement(
                    article=article,
                    speaker=people[k % persons],
                    text=text,
                    start=start,
                    end=start + len(text),
                )
            )
            offset = start + len(text)
        Statement.objects.bulk_create(rows)
        made.append(article)
    return made


def first_statement(article: Article) -> Statement:
    statement = article.statements.order_by("start").first()
    assert statement is not None
    return statement


def queries(client, url: str) -> int:
    cache.clear()  # the review queue's counts are kept a minute
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def pages(article: Article, person: Person, statement: Statement) -> list[str]:
    job = Job.objects.create(kind=Job.IMPORT, status=Job.DONE, total=1, done=1)
    JobArticle.objects.create(job=job, article=article, outcome=JobArticle.IMPORTED)
    return [
        "/admin/",
        "/admin/archive/article/",
        "/admin/archive/article/?q=headline",
        "/admin/archive/article/?year=2021&o=-7",
        f"/admin/archive/article/?speaker={person.pk}",
        f"/admin/archive/article/{article.pk}/change/",
        "/admin/archive/article/add/",
        "/admin/archive/article/import/",
        "/admin/archive/person/",
        "/admin/archive/person/?o=-4",
        "/admin/archive/person/?q=speaker",
        f"/admin/archive/person/{person.pk}/change/",
        "/admin/archive/statement/",
        f"/admin/archive/statement/?speaker__id__exact={person.pk}",
        "/admin/archive/statement/?q=Big",
        f"/admin/archive/statement/{statement.pk}/change/",
        "/admin/archive/country/",
        "/admin/archive/country/AM/change/",
        "/admin/review/",
        "/admin/review/?kind=seen-once",
        "/admin/review/?kind=outlet",
        "/admin/archive/job/",
        f"/admin/archive/job/{job.pk}/change/",
        f"/admin/archive/job/{job.pk}/progress/",
        f"/admin/archive/article/?job={job.pk}:imported",
    ]


def test_no_admin_page_runs_more_queries_for_more_rows(admin_client):
    small = archive_of(articles=2, statements=2, persons=2, tag="Small")
    first = first_statement(small[0])
    small_counts = [queries(admin_client, url) for url in pages(small[0], first.speaker, first)]
    big = archive_of(articles=40, statements=12, persons=15, tag="Big")
    big_article = big[0]
    big_statement = first_statement(big_article)
    big_person = big_statement.speaker
    big_urls = pages(big_article, big_person, big_statement)
    big_counts = [queries(admin_client, url) for url in big_urls]
    # An N+1 would add one query per row, statement, alias or person on the bigger archive.
    grew = {
        url: (s, b) for url, s, b in zip(big_urls, small_counts, big_counts, strict=True) if b > s
    }
    assert not grew
    assert max(big_counts) <= 15


def test_the_article_page_lists_no_person_and_the_statements_fit_a_line(admin_client):
    article = archive_of(articles=1, statements=3, persons=3, tag="One")[0]
    for n in range(300):
        Person.objects.create(name=f"Bystander Number{n}", slug=f"bystander-{n}")
    html = admin_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    assert "Bystander" not in html  # persons and countries come from the autocomplete
    statement = article.statements.first()
    # The compact row: its context with the statement marked, its place on the article page,
    # the full editor one click away; no offsets and no text area to edit.
    assert "The speaker said: <mark>Remark 0 of One article 0.</mark>" in html
    assert f"?statement={statement.pk}#statement-{statement.pk}" in html
    assert f"/admin/archive/statement/{statement.pk}/change/" in html
    assert 'name="statements-0-start"' not in html
    assert 'name="statements-0-text"' not in html
    # The chosen speaker is already an option of the autocomplete, without a query per row.
    assert f'<option value="{statement.speaker_id}" selected>' in html


def test_long_titles_and_quotes_are_cut_with_the_whole_on_hover(admin_client):
    article = archive_of(articles=1, statements=1, persons=1, tag="Long")[0]
    long_title = "A very long headline " + "with many words " * 12 + "<b>end</b>"
    Article.objects.filter(pk=article.pk).update(title=long_title)
    html = admin_client.get("/admin/archive/article/").content.decode()
    escaped = long_title.replace("<", "&lt;").replace(">", "&gt;")
    assert f'title="{escaped}"' in html
    assert "<b>end</b>" not in html  # cut, and escaped where shown
    assert "with many words …" not in html and "…</span>" in html


def test_list_counts_are_right(admin_client):
    archive_of(articles=3, statements=4, persons=2, tag="Count")
    response = admin_client.get("/admin/archive/person/?q=Count")
    persons = {p.name: p for p in response.context["cl"].result_list}
    first = persons["Count Speaker 0"]
    assert (first.article_count, first.statement_count) == (3, 6)
    response = admin_client.get("/admin/archive/article/?q=Count")
    assert [a.statement_count for a in response.context["cl"].result_list] == [4, 4, 4]


def test_year_filter_and_search_by_exact_id(admin_client):
    archive_of(articles=6, statements=1, persons=1, tag="Year")
    response = admin_client.get("/admin/archive/article/", {"year": "2021"})
    assert {a.date.year for a in response.context["cl"].result_list} == {2021}
    assert response.context["cl"].result_count == 2
    response = admin_client.get("/admin/archive/article/", {"q": "Year-4"})
    assert [a.external_id for a in response.context["cl"].result_list] == ["Year-4"]
    for bad in ("abc", "²", "0", "99999999999"):
        response = admin_client.get("/admin/archive/article/", {"year": bad})
        assert response.status_code == 200
        assert response.context["cl"].result_count == 6


def test_a_statement_edited_in_the_full_editor_is_curated(admin_client, db):
    article = archive_of(articles=1, statements=2, persons=2, tag="Edit")[0]
    statement = article.statements.first()
    other = Person.objects.get(name="Edit Speaker 1")
    url = f"/admin/archive/statement/{statement.pk}/change/"
    data = {
        "article": article.pk,
        "speaker": other.pk,
        "form": statement.form,
        "role": "Minister",
        "role_country": "",
        "text": statement.text,
        "countries": "[]",
        "start": statement.start,
        "end": statement.end,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    statement.refresh_from_db()
    assert (statement.speaker, statement.role) == (other, "Minister")
    article.refresh_from_db()
    assert article.is_curated("statements")
