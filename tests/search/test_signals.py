"""The index follows database changes once their transaction commits."""

from __future__ import annotations

import pytest
from django.db import transaction

from archive.models import Article, Country
from search import backends
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db


def total(**params) -> int:
    return backends.get_backend().search(backend_query(**params)).total


def test_editing_metadata_reaches_the_index_on_commit(seeded, django_capture_on_commit_callbacks):
    article = Article.objects.get(external_id="001_164608633c2f966a.txt")
    greece, _ = Country.objects.get_or_create(code="GR", defaults={"name": "Greece"})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.title = "Renamed headline about Araghchi"
        article.save()
        article.countries.add(greece)
        assert total(countries=("GR",)) == 0  # nothing reaches the index before the commit
    assert len(callbacks) == 1  # one batch for the whole transaction
    assert total(countries=("GR",)) == 1
    assert total(q="renamed") == 1


def test_hiding_removes_and_showing_restores(seeded, django_capture_on_commit_callbacks):
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.HIDDEN
        article.save()
    assert total(q="Lavrov") == 0
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.VISIBLE
        article.save()
    assert total(q="Lavrov") == 1


def test_deleting_removes_from_the_index(seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.get(external_id="003_16757b8a0299963c.txt").delete()
    assert total(q="Lavrov") == 0
    assert total() == 4


def test_a_rolled_back_change_never_reaches_the_index(seeded, django_capture_on_commit_callbacks):
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                article.status = Article.HIDDEN
                article.save()
                raise RuntimeError("abort")
        except RuntimeError:
            pass
        Article.objects.filter(pk=article.pk).update(title="still visible")
    assert total(q="Lavrov") == 1
