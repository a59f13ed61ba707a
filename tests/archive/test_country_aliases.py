"""Curated country aliases, edited in the admin, count at query time."""

from __future__ import annotations

import pytest

from archive.ingestion import import_paths
from archive.models import CountryAlias
from search import aliases

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_aliases")]


@pytest.fixture
def armenia(tmp_path, django_capture_on_commit_callbacks):
    (tmp_path / "a.txt").write_text("Talks\n\nThe talks in Armenia went well.\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        import_paths([tmp_path / "a.txt"])


def add_alias(admin_client, name: str):
    return admin_client.post(
        "/admin/archive/country/AM/change/",
        {
            "code": "AM",
            "name": "Armenia",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
            "aliases-0-name": name,
            "aliases-0-country": "AM",
        },
    )


def test_an_alias_added_in_the_admin_resolves_at_once(admin_client, armenia):
    assert aliases.resolve_country("Hayastan") is None
    assert add_alias(admin_client, "Hayastan").status_code == 302
    assert list(CountryAlias.objects.values_list("country_id", "name")) == [("AM", "Hayastan")]
    assert aliases.resolve_country("hayastan") == "AM"
    assert "Armenia" in aliases.alias_table()("Hayastan")


def test_country_field_and_plain_words_find_the_alias(admin_client, client, armenia):
    add_alias(admin_client, "Hayastan")
    for q in ("country:Hayastan", "Hayastan"):
        assert client.get("/api/search", {"q": q}).json()["total"] == 1, q
