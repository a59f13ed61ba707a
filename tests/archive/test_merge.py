"""Merging duplicate persons: the service, its transaction, the search facet, later imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry

from archive import curation
from archive.curation import merge_persons
from archive.extraction import name_key
from archive.ingestion import import_paths
from archive.models import Article, Person, PersonAlias, Statement
from search import backends
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db

TEXTS = {
    "a.txt": "Minister speaks\n\nSergei Lavrov said the talks in Armenia were useful.\n",
    "b.txt": "Minister speaks\n\nSergey V. Lavrov said the talks in Georgia were useful.\n",
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def duplicates(tmp_path, django_capture_on_commit_callbacks) -> tuple[Person, Person]:
    """Two articles quoting one man under two spellings that extraction keeps apart."""
    paths = [write(tmp_path, name, text) for name, text in TEXTS.items()]
    with django_capture_on_commit_callbacks(execute=True):
        assert import_paths(paths).imported == 2
    return Person.objects.get(name="Sergei Lavrov"), Person.objects.get(name="Sergey V. Lavrov")


def speaker_facet() -> list[tuple[str, int]]:
    return backends.get_backend().search(backend_query()).facets["speaker"]


def test_merge_moves_statements_mentions_and_spellings(duplicates):
    keep, other = duplicates
    result = merge_persons(keep, [other])
    b = Article.objects.get(external_id="b.txt")
    assert (result.kept, result.removed, result.article_ids) == (keep, ["Sergey V. Lavrov"], {b.pk})
    assert not Person.objects.filter(pk=other.pk).exists()
    assert set(Statement.objects.values_list("speaker_id", flat=True)) == {keep.pk}
    assert list(b.persons.all()) == [keep]
    assert list(keep.aliases.values_list("name", flat=True)) == [
        "Sergei Lavrov",
        "Sergey V. Lavrov",
    ]
    assert Article.objects.get(external_id="a.txt").persons.get() == keep


def test_a_spelling_both_persons_had_is_kept_once(duplicates):
    keep, other = duplicates
    for person in (keep, other):
        PersonAlias.objects.create(person=person, name="Lavrov", key=name_key("Lavrov"))
    merge_persons(keep, [other])
    assert list(PersonAlias.objects.values_list("person_id", "name")) == [
        (keep.pk, "Lavrov"),
        (keep.pk, "Sergei Lavrov"),
        (keep.pk, "Sergey V. Lavrov"),
    ]


def test_an_article_mentioning_both_keeps_one_mention(duplicates):
    keep, other = duplicates
    a = Article.objects.get(external_id="a.txt")
    a.persons.add(other)
    merge_persons(keep, [other])
    assert list(a.persons.all()) == [keep]


def test_a_failed_merge_changes_nothing(duplicates, monkeypatch):
    keep, other = duplicates

    def broken(*args) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(curation, "_move_mentions", broken)
    with pytest.raises(RuntimeError):
        merge_persons(keep, [other])
    assert Person.objects.filter(pk=other.pk).exists()
    assert list(other.aliases.values_list("name", flat=True)) == ["Sergey V. Lavrov"]
    assert list(other.statements.values_list("article__external_id", flat=True)) == ["b.txt"]
    assert list(keep.aliases.values_list("name", flat=True)) == ["Sergei Lavrov"]


def test_the_speaker_facet_shows_one_entry_with_the_combined_count(
    duplicates, django_capture_on_commit_callbacks
):
    keep, other = duplicates
    assert sorted(speaker_facet()) == sorted([(keep.slug, 1), (other.slug, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        merge_persons(keep, [other])
    assert speaker_facet() == [(keep.slug, 2)]


def test_future_imports_of_any_spelling_attach_to_the_kept_person(duplicates, tmp_path):
    keep, other = duplicates
    merge_persons(keep, [other])
    text = "Minister speaks\n\nSergey V. Lavrov said the talks in Iran were useful.\n"
    import_paths([write(tmp_path, "c.txt", text)])
    article = Article.objects.get(external_id="c.txt")
    assert [s.speaker for s in article.statements.all()] == [keep]
    assert list(Person.objects.values_list("name", flat=True)) == ["Sergei Lavrov"]


def test_merge_action_asks_which_person_to_keep_then_merges(
    admin_client, duplicates, django_capture_on_commit_callbacks
):
    keep, other = duplicates
    selected = {"action": "merge", "_selected_action": [keep.pk, other.pk]}
    page = admin_client.post("/admin/archive/person/", selected)
    assert page.status_code == 200
    assert page.templates[0].name == "admin/archive/person/merge_confirmation.html"
    assert b'type="radio" name="keep"' in page.content
    assert Person.objects.count() == 2  # nothing happens before the confirmation
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(
            "/admin/archive/person/", {**selected, "post": "yes", "keep": keep.pk}
        )
    assert done.status_code == 302
    assert list(Person.objects.all()) == [keep]
    assert speaker_facet() == [(keep.slug, 2)]
    history = LogEntry.objects.order_by("pk")
    assert [(e.action_flag, e.object_repr, e.change_message) for e in history] == [
        (DELETION, "Sergey V. Lavrov", ""),
        (CHANGE, "Sergei Lavrov", "Merged Sergey V. Lavrov into this person."),
    ]


def test_merge_action_needs_two_persons(admin_client, duplicates):
    keep, _ = duplicates
    response = admin_client.post(
        "/admin/archive/person/", {"action": "merge", "_selected_action": [keep.pk]}, follow=True
    )
    assert b"Select at least two persons to merge." in response.content
    assert Person.objects.count() == 2


def test_the_merge_page_preselects_the_most_quoted_and_shows_counts_and_aliases(
    admin_client, duplicates
):
    keep, other = duplicates
    extra = "Minister speaks again\n\nSergey V. Lavrov said the talks in Iran went well.\n"
    Statement.objects.create(
        article=Article.objects.get(body__contains="Georgia"), speaker=other, text=extra
    )
    PersonAlias.objects.create(person=other, name="S. V. Lavrov", key=name_key("S. V. Lavrov"))
    selected = {"action": "merge", "_selected_action": [keep.pk, other.pk]}
    html = admin_client.post("/admin/archive/person/", selected).content.decode()
    # The one with two statements is chosen already; each choice says what it holds.
    assert html.count(" checked") == 1
    checked = html[: html.index("checked")].rsplit("<input", 1)[1]
    assert f'value="{other.pk}"' in checked
    assert "Sergey V. Lavrov (2 statements, 1 article) — also S. V. Lavrov" in html
    assert "Sergei Lavrov (1 statement, 1 article)" in html
    assert "not all of one kind" not in html


def test_the_merge_page_warns_when_a_person_and_an_organisation_are_merged(
    admin_client, duplicates
):
    keep, other = duplicates
    Person.objects.filter(pk=other.pk).update(kind=Person.ORGANISATION)
    selected = {"action": "merge", "_selected_action": [keep.pk, other.pk]}
    html = admin_client.post("/admin/archive/person/", selected).content.decode()
    assert "These are not all of one kind (Organisation and Person)" in html
