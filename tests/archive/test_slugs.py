from __future__ import annotations

import pytest

from archive.models import Person
from archive.persons import Mention, PersonResolver
from archive.slugs import unique_slug


def test_a_free_slug_is_the_name_slugified():
    assert unique_slug("Sergei Lavrov", set().__contains__) == "sergei-lavrov"


def test_a_taken_slug_is_numbered_from_two():
    taken = {"sergei-lavrov", "sergei-lavrov-2"}
    assert unique_slug("Sergei Lavrov", taken.__contains__) == "sergei-lavrov-3"


def test_a_name_without_slug_characters_is_a_person():
    assert unique_slug("!!!", set().__contains__) == "person"
    assert unique_slug("!!!", {"person"}.__contains__) == "person-2"


def test_a_long_name_leaves_room_for_a_number():
    assert unique_slug("a" * 300, {"a" * 180}.__contains__) == "a" * 180 + "-2"


@pytest.mark.django_db
def test_saving_a_person_and_importing_one_number_slugs_alike():
    assert Person.objects.create(name="Jo Vance").slug == "jo-vance"
    assert Person.objects.create(name="Jo Vance").slug == "jo-vance-2"
    ids = PersonResolver().resolve([Mention("Jo Vance", Person.PERSON)])
    assert Person.objects.get(pk=ids["Jo Vance"]).slug == "jo-vance-3"
