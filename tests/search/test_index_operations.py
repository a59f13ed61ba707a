"""Rebuilds that never interrupt searches, and the database/index comparison."""

from __future__ import annotations

import io
from typing import cast

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from archive.models import Article
from search import backends, indexing
from search.backends.whoosh import WhooshBackend
from tests.search.backend_contract import DOCS
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def total(**params) -> int:
    return backends.get_backend().search(backend_query(**params)).total


def test_a_reader_answers_from_the_old_index_until_the_new_one_is_complete(tmp_path):
    writer, reader = WhooshBackend(tmp_path / "ix"), WhooshBackend(tmp_path / "ix")
    writer.index(DOCS)
    assert reader.search(backend_query(q="Lavrov")).total == 1
    seen_during = []

    def documents():
        for doc in DOCS[1:]:
            seen_during.append(reader.search(backend_query(q="Lavrov")).total)
            yield doc

    writer.rebuild(documents())
    assert seen_during == [1, 1, 1]  # never a half-built index
    assert reader.search(backend_query(q="Lavrov")).total == 0
    assert reader.search(backend_query()).total == 3
    generations = sorted(p.name for p in (tmp_path / "ix").glob("gen-*"))
    assert len(generations) == 2  # the live one and the one before


def test_a_failed_rebuild_leaves_the_live_index_alone(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)

    def broken():
        yield DOCS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert backend.search(backend_query()).total == 4
    assert len(list((tmp_path / "ix").glob("gen-*"))) == 1


def test_rebuild_with_two_processes(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    assert backend.rebuild(DOCS * 1, procs=2) == 4
    assert backend.search(backend_query(q="Moscow")).total == 2


def test_saves_during_a_rebuild_reach_the_new_index(seeded, django_capture_on_commit_callbacks):
    first = Article.objects.order_by("pk").first()
    last = Article.objects.order_by("pk").last()
    calls = []

    def save_during_rebuild():
        calls.append(1)
        if len(calls) == 2:  # `first` is already in the new index when this happens
            with django_capture_on_commit_callbacks(execute=True):
                first.title = "Headline saved meanwhile: zebracorn"
                first.save()
                last.status = Article.HIDDEN
                last.save()

    indexing.rebuild(on_progress=save_during_rebuild)
    assert total(q="zebracorn") == 1
    assert total() == 4
    assert indexing.compare().clean


def test_check_index_reports_and_fixes(seeded):
    assert "The index matches the database." in run("check_index")
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    Article.objects.filter(pk=article.pk).update(
        title="Changed quietly: okapiwhale", updated_at=timezone.now()
    )
    backends.get_backend().delete([Article.objects.order_by("pk").first().pk])
    backends.get_backend().index([{**DOCS[0], "id": "999999"}])
    with pytest.raises(CommandError, match="--fix"):
        run("check_index")
    report = run("check_index", "--fix")
    assert "  missing: 1" in report
    assert "    stale: 1" in report
    assert " orphaned: 1 (999999)" in report
    assert indexing.compare().clean
    assert total(q="okapiwhale") == 1


def test_check_index_on_a_missing_index_says_how_to_recover(db):
    with pytest.raises(CommandError, match="rebuild_index"):
        run("check_index")


def test_update_index_since(seeded):
    Article.objects.filter(external_id="003_16757b8a0299963c.txt").update(title="Quietly edited")
    assert total(q="quietly") == 0
    assert run("update_index", "--since", "2000-01-01").startswith("Re-indexed 5 articles")
    assert total(q="quietly") == 1
    with pytest.raises(CommandError, match="not an ISO date"):
        run("update_index", "--since", "last tuesday")


def test_rebuild_index_command_summary(seeded):
    report = run("rebuild_index", "--procs", "2")
    assert report.startswith("Indexed 5 articles in ")
    assert "2 processes" in report and "index size" in report
    with pytest.raises(CommandError, match="--procs"):
        run("rebuild_index", "--procs", "0")


def test_a_prepared_worker_has_its_index_open_and_its_heap_frozen(seeded, gc_restored):
    backends.reset_backend()
    indexing.prepare_worker()
    assert (
        getattr(backends.get_backend(), "_snapshot", None) is not None
    )  # the first visitor loads nothing
    assert gc_restored.get_freeze_count() > 0


def test_preparing_a_worker_without_an_index_is_not_an_error(db, gc_restored):
    indexing.prepare_worker()
    assert cast(WhooshBackend, backends.get_backend())._snapshot is None
