from __future__ import annotations

import pytest

from archive.models import Article
from search import backends
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db


def test_admin_needs_a_login(client):
    for url in ("/admin/", "/admin/archive/article/", "/admin/archive/person/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_admin_pages_render(admin_client, seeded):
    article = Article.objects.first()
    for url in (
        "/admin/archive/article/",
        f"/admin/archive/article/{article.pk}/change/",
        "/admin/archive/person/",
        "/admin/archive/country/",
        "/admin/archive/article/?q=Lavrov",
    ):
        assert admin_client.get(url).status_code == 200, url


def test_hide_action_takes_the_article_out_of_search(
    admin_client, seeded, django_capture_on_commit_callbacks
):
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/archive/article/", {"action": "hide", "_selected_action": [article.pk]}
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.HIDDEN
    assert backends.get_backend().search(backend_query(q="Lavrov")).total == 0
    assert backends.get_backend().search(backend_query()).total == 4


def test_post_without_csrf_token_is_refused(seeded):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403


@pytest.mark.parametrize("value", ["abc", "²", "99999999999999999999999"])
def test_a_speaker_filter_that_is_no_id_is_ignored(admin_client, seeded, value):
    # "²" passes str.isdigit() but not int(); the long one overflows the database's integer.
    response = admin_client.get("/admin/archive/article/", {"speaker": value})
    assert response.status_code == 200
    assert response.context["cl"].result_count == Article.objects.count()
