"""`prepare_site`, what every `make run` does: seeds only into an empty archive, the index
rebuilt only when it must be."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import Article
from search import backends
from search.backends.whoosh import analysis
from search.backends.whoosh.schema import build_schema, layout
from tests.conftest import SEEDS
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db(transaction=True)


def prepare(*args: str) -> str:
    out = io.StringIO()
    call_command("prepare_site", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def found(q: str) -> int:
    return backends.get_backend().search(backend_query(q=q)).total


def test_seeds_go_into_an_empty_archive_once_and_the_index_is_built_once():
    first = prepare("--seeds", str(SEEDS))
    assert "Seeds: 5 imported" in first
    assert "Index: rebuilt, as there is no index yet: 5 articles" in first
    assert found("Lavrov") > 0

    article = Article.objects.get(title__icontains="Lavrov")
    article.title = "A curated headline about Lavrov"
    article.curated_fields = ["title"]
    article.save()
    second = prepare("--seeds", str(SEEDS))
    assert "Seeds: left out, the archive already holds 5 articles." in second
    assert "Index: up to date, no rebuild" in second and "rebuilt" not in second
    assert Article.objects.count() == 5
    assert Article.objects.get(pk=article.pk).title == "A curated headline about Lavrov"
    assert found('"curated headline"') == 1


def test_an_index_left_behind_by_older_code_is_rebuilt(monkeypatch):
    monkeypatch.setattr(analysis, "TERMS_VERSION", 0)  # as if built before the terms changed
    backends.reset_backend()
    assert "rebuilt" in prepare("--seeds", str(SEEDS))
    monkeypatch.undo()
    backends.reset_backend()
    again = prepare()
    assert "Index: rebuilt, as the index was built by an older version of Dispatch" in again
    assert "Index: up to date, no rebuild" in prepare()


def test_changes_saved_while_nothing_served_are_caught_up_without_a_rebuild():
    prepare("--seeds", str(SEEDS))
    Article.objects.filter(title__icontains="Lavrov").update(status=Article.HIDDEN)  # no signal
    assert found("Lavrov") > 0
    out = prepare()
    assert "no rebuild" in out and "articles updated" in out
    assert found("Lavrov") == 0


def test_the_layout_tells_apart_a_missing_field_and_a_different_analyser(monkeypatch):
    current = build_schema()
    assert layout(current) == layout(build_schema())
    older = build_schema()
    older.remove("body_starts")
    assert layout(older) != layout(current)
    monkeypatch.setattr(analysis, "TERMS_VERSION", 0)
    assert layout(build_schema()) != layout(current)


def test_the_admin_hint_shows_only_while_no_administrator_exists():
    assert "createsuperuser" in prepare("--seeds", str(SEEDS))
    get_user_model().objects.create_superuser("curator", "c@example.org", "pw-for-tests")
    assert "createsuperuser" not in prepare()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seeds", "/no/such/folder"], "no such folder"),
        (["--procs", "0"], "between 1 and 32"),
    ],
)
def test_bad_arguments_are_refused_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        prepare(*args)
    assert Article.objects.count() == 0


def test_an_empty_archive_gets_an_empty_index_that_answers():
    assert "Index: rebuilt, as there is no index yet: 0 articles" in prepare()
    assert found("Lavrov") == 0
    assert "Index: up to date, no rebuild (0 articles updated" in prepare()
    call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
    call_command("check_index", stdout=io.StringIO())
