"""An article and its statements as the plain records every output selects from."""

from __future__ import annotations

import pytest

from archive.mapping import article_fields, article_record, export_record, statement_record
from archive.models import Article

pytestmark = pytest.mark.django_db


def test_the_record_has_every_field_outputs_share(quoted_article, django_assert_num_queries):
    with django_assert_num_queries(0):  # all of it from the row and what is prefetched
        record = article_record(quoted_article)
    assert record == {
        "id": quoted_article.pk,
        "title": "Treaty talks",
        "source": "Wire A",
        "date": "2021-03-04",
        "url": "https://example.org/talks",
        "link_url": "https://example.org/talks",
        "page_url": f"/articles/{quoted_article.pk}/",
        "countries": ["AM", "CH", "DE"],
        "country_names": ["Armenia", "Germany", "Switzerland"],
        "speakers": ["Maria Zakharova", "Sergei Lavrov"],
        "speaker_slugs": ["maria-zakharova", "sergei-lavrov"],
    }


def test_an_undated_article_with_a_script_url_has_no_date_and_no_link(quoted_article):
    Article.objects.filter(pk=quoted_article.pk).update(url="javascript:alert(1)", date=None)
    fields = article_fields(Article.objects.get(pk=quoted_article.pk))
    assert (fields["date"], fields["url"], fields["link_url"]) == (
        None,
        "javascript:alert(1)",
        None,
    )


def test_a_statement_record(quoted_article):
    statement = quoted_article.statements.all()[1]
    assert statement_record(statement) == {
        "id": statement.pk,
        "speaker": "Sergei Lavrov",
        "speaker_slug": "sergei-lavrov",
        "role": "minister",
        "text": "Sign",
        "form": "reported",
    }


def test_export_articles_writes_the_record_with_the_rest_of_the_metadata(quoted_article):
    assert export_record(quoted_article) == {
        "id": quoted_article.pk,
        "external_id": "talks-1",
        "title": "Treaty talks",
        "date": "2021-03-04",
        "source": "Wire A",
        "byline": "Jo Vance",
        "url": "https://example.org/talks",
        "status": "visible",
        "countries": ["AM", "CH", "DE"],
        "speakers": ["Maria Zakharova", "Sergei Lavrov"],
        "persons": ["Sergei Lavrov"],
        "dates_mentioned": ["2021-03"],
        "statements": [
            {"speaker": "Maria Zakharova", "role": "", "text": "Talks"},
            {"speaker": "Sergei Lavrov", "role": "minister", "text": "Sign"},
            {"speaker": "Sergei Lavrov", "role": "", "text": "Soon"},
        ],
    }
