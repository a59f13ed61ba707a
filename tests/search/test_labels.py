"""The names a results page shows for speakers and countries follow curation."""

from __future__ import annotations

import pytest

from archive.models import Country, Person
from search import labels

pytestmark = pytest.mark.django_db


def _page(client) -> str:
    return client.get("/", headers={"HX-Request": "true"}).content.decode()


def test_a_renamed_speaker_is_shown_by_the_new_name_on_the_next_page(client, seeded):
    person = Person.objects.filter(statements__isnull=False).first()
    assert person.name in _page(client)
    person.name = "Zorvian Quellwright"
    person.save()  # curation in this process: the kept names are dropped
    assert "Zorvian Quellwright" in _page(client)


def test_a_rename_made_elsewhere_is_shown_once_the_kept_names_are_old(client, seeded, monkeypatch):
    country = Country.objects.get(code="AM")
    assert country.name in _page(client)
    # Another process renames it: no signal reaches this one.
    Country.objects.filter(code="AM").update(name="Zorvian Republic")
    assert "Zorvian Republic" not in _page(client)
    monkeypatch.setattr(labels, "REFRESH_SECONDS", -1.0)
    assert "Zorvian Republic" in _page(client)


def test_names_are_given_only_for_what_the_archive_knows(seeded):
    person = Person.objects.first()
    assert labels.speaker_names([person.slug, "no-such-person"]) == {person.slug: person.name}
    assert labels.country_names(["AM", "XX"]) == {"AM": Country.objects.get(code="AM").name}


def test_a_slug_the_archive_lacks_is_asked_for_once(seeded, django_assert_num_queries):
    person = Person.objects.first()
    with django_assert_num_queries(1):
        assert labels.speaker_names([person.slug, "no-such-person"]) == {person.slug: person.name}
    with django_assert_num_queries(0):
        assert labels.speaker_names(["no-such-person", person.slug]) == {person.slug: person.name}


def test_a_speaker_added_elsewhere_is_named_once_the_kept_names_are_old(seeded, monkeypatch):
    assert labels.speaker_names(["zorvian-quellwright"]) == {}
    # Added by another process: no signal reaches this one.
    Person.objects.bulk_create([Person(name="Zorvian Quellwright", slug="zorvian-quellwright")])
    assert labels.speaker_names(["zorvian-quellwright"]) == {}
    monkeypatch.setattr(labels, "REFRESH_SECONDS", -1.0)
    assert labels.speaker_names(["zorvian-quellwright"]) == {
        "zorvian-quellwright": "Zorvian Quellwright"
    }
