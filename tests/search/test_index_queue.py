"""Index updates are queued with their change and applied at commit or by the catch-up."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from archive.models import Article
from archive.signals import articles_unchanged, deferred_updates
from search import backends, catch_up, indexing, pending, write_lock
from search.models import PendingUpdate
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db

LAVROV = "003_16757b8a0299963c.txt"


def total(**params) -> int:
    return backends.get_backend().search(backend_query(**params)).total


def queued() -> list[int]:
    return list(PendingUpdate.objects.values_list("article_id", flat=True))


@pytest.fixture
def serving(monkeypatch, settings):
    """This process as a web worker whose commits wait at most a tenth of a second."""
    settings.DISPATCH_INDEX_WAIT = 0.1
    monkeypatch.setattr(indexing, "_serving", True)


@pytest.fixture
def index_busy(index_dir):
    with write_lock.held(index_dir / "updates.lock", wait=0):
        yield


def rename(article: Article, title: str) -> None:
    article.title = title
    article.save()


def test_a_change_commits_with_its_queue_row_which_goes_once_applied(
    seeded, django_capture_on_commit_callbacks
):
    article = Article.objects.get(external_id=LAVROV)
    with django_capture_on_commit_callbacks() as callbacks:
        rename(article, "Queued headline: quokkafish")
        article.countries.clear()
        assert queued() == [article.pk]  # one row, however many signals the save sent
    assert total(q="quokkafish") == 0
    callbacks[0]()
    assert queued() == []
    assert total(q="quokkafish") == 1


def test_a_save_that_finds_the_index_busy_stays_queued_until_the_catch_up(
    seeded, serving, index_busy, django_capture_on_commit_callbacks
):
    article = Article.objects.get(external_id=LAVROV)
    with django_capture_on_commit_callbacks(execute=True):
        rename(article, "Saved while busy: wombatray")
    assert queued() == [article.pk]
    assert total(q="wombatray") == 0


def test_the_catch_up_applies_what_a_busy_index_left(
    seeded, serving, django_capture_on_commit_callbacks, index_dir
):
    article = Article.objects.get(external_id=LAVROV)
    with write_lock.held(index_dir / "updates.lock", wait=0):
        with django_capture_on_commit_callbacks(execute=True):
            rename(article, "Saved while busy: wombatray")
        with pytest.raises(write_lock.LockBusy):
            indexing.apply_queued(wait=0.05)
    assert catch_up.tick(settle=0) == 1
    assert queued() == []
    assert total(q="wombatray") == 1
    assert indexing.compare().clean


def test_an_error_while_indexing_at_commit_leaves_the_update_queued(
    seeded, monkeypatch, django_capture_on_commit_callbacks
):
    article = Article.objects.get(external_id=LAVROV)
    backend = backends.get_backend()

    def broken(documents, **options):
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(backend, "index", broken)
        with django_capture_on_commit_callbacks(execute=True):
            rename(article, "Saved on a full disk: lemurfinch")
    assert queued() == [article.pk]
    catch_up.tick(settle=0)
    assert total(q="lemurfinch") == 1
    assert queued() == []


def test_a_requeue_that_arrives_during_a_write_is_kept():
    pending.add([7, 8])
    claim = pending.claim([7])
    pending.add([7])  # the article changed again while the claim was being applied
    pending.release(claim)
    assert sorted(queued()) == [7, 8]


def test_a_rolled_back_savepoint_takes_its_row_and_a_later_save_queues_again(
    seeded, django_capture_on_commit_callbacks
):
    article = Article.objects.get(external_id=LAVROV)
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    rename(article, "Rolled back")
                    raise RuntimeError
            except RuntimeError:
                pass
            rename(article, "Kept headline: axolotlhawk")
        assert queued() == [article.pk]
    for callback in callbacks:
        callback()
    assert total(q="axolotlhawk") == 1


def test_deferred_updates_queue_nothing(seeded, django_capture_on_commit_callbacks):
    article = Article.objects.get(external_id=LAVROV)
    with deferred_updates(), django_capture_on_commit_callbacks(execute=True):
        rename(article, "Deferred")
    assert queued() == []


def test_unchanged_articles_the_index_lacks_or_has_stale_are_indexed(
    seeded, django_capture_on_commit_callbacks
):
    missing, stale, fine = Article.objects.order_by("pk")[:3]
    backends.get_backend().delete([missing.pk])
    Article.objects.filter(pk=stale.pk).update(
        title="Stored, never indexed: tapirgull", updated_at=timezone.now()
    )
    assert indexing.out_of_step([missing.pk, stale.pk, fine.pk]) == [missing.pk, stale.pk]
    with django_capture_on_commit_callbacks(execute=True):
        articles_unchanged.send(sender=Article, ids={missing.pk, stale.pk, fine.pk})
    assert indexing.compare().clean
    assert total(q="tapirgull") == 1
    assert queued() == []


def test_outside_a_web_worker_a_commit_also_applies_what_an_earlier_run_left(
    seeded, django_capture_on_commit_callbacks
):
    left = Article.objects.order_by("pk").first()
    Article.objects.filter(pk=left.pk).update(title="Left by a killed import: okapigrouse")
    pending.add([left.pk])
    with django_capture_on_commit_callbacks(execute=True):
        rename(Article.objects.get(external_id=LAVROV), "Another change")
    assert total(q="okapigrouse") == 1
    assert queued() == []


def test_the_catch_up_leaves_rows_their_own_process_is_still_writing(seeded):
    pending.add([Article.objects.get(external_id=LAVROV).pk])
    assert catch_up.tick() == 0
    assert len(queued()) == 1
    assert catch_up.tick(settle=0) == 1


def test_a_request_leaves_a_bulk_change_to_the_catch_up(seeded, serving, monkeypatch):
    monkeypatch.setattr(indexing, "REQUEST_ARTICLES", 2)
    ids = list(Article.objects.values_list("pk", flat=True))
    Article.objects.update(title="Bulk renamed: ibisvole", updated_at=timezone.now())
    pending.add(ids)
    indexing.apply_committed(ids)
    assert len(queued()) == 5
    assert catch_up.tick(settle=0) == 5
    assert total(q="ibisvole") == 5


def test_check_index_reports_the_queue_and_fix_applies_it(seeded):
    pending.add([Article.objects.get(external_id=LAVROV).pk])
    out = io.StringIO()
    call_command("check_index", stdout=out)
    assert "   queued: 1\nThe index matches the database." in out.getvalue()
    call_command("check_index", "--fix", stdout=io.StringIO())
    assert queued() == []


def test_update_index_applies_the_queue_first(seeded):
    article = Article.objects.get(external_id=LAVROV)
    Article.objects.filter(pk=article.pk).update(title="Queued only: marmotwren")
    pending.add([article.pk])
    out = io.StringIO()
    call_command("update_index", stdout=out, stderr=io.StringIO())
    assert out.getvalue() == (
        "Updated 0 documents that differed from the database (1 queued article updates "
        "applied first).\n"
    )
    assert total(q="marmotwren") == 1


def test_a_rebuild_clears_the_rows_it_covered_and_keeps_later_ones(seeded):
    first, last = Article.objects.order_by("pk")[:2]
    pending.add([first.pk])
    calls = []

    def save_meanwhile():
        calls.append(1)
        if len(calls) == 1:
            pending.add([last.pk])

    indexing.rebuild(on_progress=save_meanwhile)
    assert queued() == [last.pk]  # queued after the rebuild began: applied by the next drain
