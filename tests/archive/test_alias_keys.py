"""Organisations whose names differ only in their first words stay apart, in new imports and
in archives an older key had joined (migration 0010)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.alias_keys import rekey_aliases
from archive.extraction import name_key
from archive.ingestion import import_paths
from archive.models import Article, Person, PersonAlias, Statement
from archive.reextraction import reextract

pytestmark = pytest.mark.django_db


TEXTS = {
    "a.txt": "Talks\n\nThe Foreign Ministry said the talks in Armenia were useful.\n",
    "b.txt": "Budget\n\nThe Finance Ministry said the budget would be cut by a tenth.\n",
}


def _import(tmp_path: Path, capture) -> None:
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    with capture(execute=True):
        assert import_paths(paths).imported == 2


def _speakers() -> set[str]:
    return set(Statement.objects.values_list("speaker__name", flat=True))


def test_an_archive_the_old_key_joined_is_parted_and_reextracted(
    tmp_path: Path, django_capture_on_commit_callbacks
):
    _import(tmp_path, django_capture_on_commit_callbacks)
    # The state an import under the old key left: one organisation for both ministries.
    kept = Person.objects.get(name="Foreign Ministry")
    other = Person.objects.get(name="Finance Ministry")
    Statement.objects.filter(speaker=other).update(speaker=kept)
    PersonAlias.objects.filter(person=other).update(person=kept)
    PersonAlias.objects.filter(person=kept).update(key="ministri")
    other.delete()
    assert _speakers() == {"Foreign Ministry"}

    assert rekey_aliases(Person, PersonAlias) == (2, 1)
    with django_capture_on_commit_callbacks(execute=True):
        reextract(Article.objects.all())
    assert _speakers() == {"Foreign Ministry", "Finance Ministry"}


def test_two_ministries_are_two_organisations(tmp_path: Path, django_capture_on_commit_callbacks):
    _import(tmp_path, django_capture_on_commit_callbacks)
    assert _speakers() == {"Foreign Ministry", "Finance Ministry"}


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
