"""Organisations whose names differ only in their first words stay apart, in new imports and
in archives an older key had joined (migration 0010)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.alias_keys import rekey_aliases
from archive.extraction import name_key
from archive.ingestion import import_paths
from archive.models import Person, PersonAlias

pytestmark = pytest.mark.django_db


def test_two_ministries_are_two_organisations(tmp_path: Path, django_capture_on_commit_callbacks):
    texts = {
        "a.txt": "Talks\n\nThe Foreign Ministry said the talks in Armenia were useful.\n",
        "b.txt": "Budget\n\nThe Finance Ministry said the budget would be cut by a tenth.\n",
    }
    paths = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    with django_capture_on_commit_callbacks(execute=True):
        assert import_paths(paths).imported == 2
    speakers = set(Person.objects.filter(statements__isnull=False).values_list("name", flat=True))
    assert speakers == {"Foreign Ministry", "Finance Ministry"}


def test_a_title_still_leaves_a_person_s_key():
    assert name_key("Foreign Minister Sergei Lavrov") == name_key("Sergei Lavrov")
    assert name_key("Foreign Ministry") != name_key("Finance Ministry")
    assert name_key("Security Council") != name_key("Zorvian Council")


def test_rekeying_parts_what_the_old_key_joined_and_keeps_curated_merges():
    joined = Person.objects.create(name="Agriculture Ministry", kind="organisation", slug="am")
    for name in ("Agriculture Ministry", "Foreign Ministry", "Finance Ministry"):
        PersonAlias.objects.create(person=joined, name=name, key="ministri")  # the old key
    # A curator's merge: a spelling with a key of its own.
    PersonAlias.objects.create(person=joined, name="MinAgri", key=name_key("MinAgri"))

    assert rekey_aliases(Person, PersonAlias) == (3, 2)

    keys = dict(PersonAlias.objects.values_list("name", "key"))
    assert keys == {n: name_key(n) for n in keys}
    owner = dict(PersonAlias.objects.values_list("name", "person__name"))
    assert owner == {
        "Agriculture Ministry": "Agriculture Ministry",
        "MinAgri": "Agriculture Ministry",
        "Foreign Ministry": "Foreign Ministry",
        "Finance Ministry": "Finance Ministry",
    }
    assert set(Person.objects.values_list("kind", flat=True)) == {"organisation"}
    assert rekey_aliases(Person, PersonAlias) == (0, 0)  # a second run changes nothing
