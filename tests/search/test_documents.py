"""The index document: an article's record, its speakers by slug, and what only the index needs."""

from __future__ import annotations

import pytest

from archive.mapping import article_record
from search.documents import article_document, indexable_articles, stamp

pytestmark = pytest.mark.django_db


def test_the_document_is_the_record_with_the_index_fields(quoted_article):
    article = indexable_articles().get(pk=quoted_article.pk)
    record = article_record(article)
    lavrov, zakharova, soon = (
        article.statements.get(text=text) for text in ("Sign", "Talks", "Soon")
    )
    assert article_document(article) == {
        "id": record["id"],
        "title": record["title"],
        "title_from_body": False,
        "body": article.body,
        "source": "Wire A",
        "countries": ["AM", "CH", "DE"],
        "speakers": ["maria-zakharova", "sergei-lavrov"],
        "speaker_names": ["Maria Zakharova", "Sergei Lavrov", "Sergey Lavrov"],
        "date": article.date,
        "stamp": stamp(article.updated_at),
        "statements": [
            {
                "id": zakharova.pk,
                "speaker": "maria-zakharova",
                "speaker_names": ["Maria Zakharova"],
                "role": "",
                "text": "Talks",
                "countries": [],
            },
            {
                "id": lavrov.pk,
                "speaker": "sergei-lavrov",
                "speaker_names": ["Sergei Lavrov", "Sergey Lavrov"],
                "role": "minister",
                "text": "Sign",
                "countries": [],
            },
            {
                "id": soon.pk,
                "speaker": "sergei-lavrov",
                "speaker_names": ["Sergei Lavrov", "Sergey Lavrov"],
                "role": "",
                "text": "Soon",
                "countries": [],
            },
        ],
    }
