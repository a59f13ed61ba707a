"""`import_articles --procs N`: extraction in worker processes gives the same archive."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive import extraction, extraction_pool, ingestion
from archive.ingestion import import_paths
from archive.models import Article, Person
from archive.signals import deferred_updates
from tests.conftest import SEEDS, corpus_file

pytestmark = pytest.mark.django_db


def _corpus(folder: Path) -> list[Path]:
    """Seeds, 60 Wikinews articles, a text repeated under two ids, an id repeated in a later
    file with a new text, and lines that cannot be imported."""
    lines = corpus_file("wikinews/wikinews_en_2019_2020.jsonl").read_text().splitlines()[:60]
    first = folder / "first.jsonl"
    twice = json.loads(lines[0])
    records = [*lines, json.dumps({**twice, "id": "copy-of-first"}), "{oops", '{"title": "x"}']
    first.write_text("\n".join(records) + "\n", encoding="utf-8")
    later = folder / "later.jsonl"
    changed = {**json.loads(lines[5]), "body": "Armenia and Azerbaijan met in Tbilisi."}
    later.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    return [SEEDS, first, later]


def _archive() -> list[object]:
    """Everything an import stores, with database ids replaced by what they stand for."""
    articles = []
    for a in Article.objects.order_by("content_hash").prefetch_related(
        "countries", "persons", "date_mentions", "statements__speaker"
    ):
        articles.append(
            (
                a.external_id,
                a.title,
                a.body,
                a.byline,
                a.source,
                a.date,
                a.content_hash,
                sorted(c.code for c in a.countries.all()),
                sorted(p.name for p in a.persons.all()),
                sorted(d.value for d in a.date_mentions.all()),
                sorted(
                    (s.speaker.name, s.role, s.text, s.form, s.start, s.end)
                    for s in a.statements.all()
                ),
            )
        )
    persons = sorted(
        (p.name, p.kind, sorted(a.name for a in p.aliases.all()))
        for p in Person.objects.prefetch_related("aliases")
    )
    return [articles, persons]


def _import(paths: list[Path], procs: int) -> tuple[ingestion.ImportReport, list[object]]:
    with deferred_updates():
        report = import_paths(paths, procs=procs)
    return report, _archive()


@pytest.fixture
def small_batches(monkeypatch):
    # Several batches in flight at once, each spread over both workers.
    monkeypatch.setattr(ingestion, "BATCH_SIZE", 16)
    monkeypatch.setattr(extraction_pool, "CHUNK", 5)


def test_two_processes_store_the_same_archive_as_one(tmp_path, small_batches):
    paths = _corpus(tmp_path)
    one, alone = _import(paths, procs=1)
    Article.objects.all().delete()
    Person.objects.all().delete()
    two, parallel = _import(paths, procs=2)
    assert parallel == alone
    assert two.summary() == one.summary()
    assert (two.imported, two.updated, two.unchanged, two.failed) == (65, 1, 1, 2)
    assert sorted(map(str, two.errors)) == sorted(map(str, one.errors))


def test_a_parallel_reimport_changes_nothing_and_extracts_nothing(
    tmp_path, small_batches, monkeypatch
):
    paths = _corpus(tmp_path)
    _, before = _import(paths, procs=2)
    monkeypatch.setattr(ProcessPoolExecutor, "submit", _never_called)
    monkeypatch.setattr(extraction, "extract", _never_called)
    again, after = _import([SEEDS, paths[2]], procs=2)  # "first" would undo "later"'s update
    assert after == before
    assert (again.imported, again.updated, again.unchanged, again.failed) == (0, 0, 6, 0)


def _never_called(*args: object, **kwargs: object) -> None:
    raise AssertionError("an unchanged article was extracted again")


def test_the_command_takes_procs_and_refuses_bad_values(tmp_path, capsys):
    call_command("import_articles", str(SEEDS), "--procs", "2", "--no-index")
    assert "5 imported" in capsys.readouterr().out
    for bad in ("0", "-1", "65"):
        with pytest.raises(CommandError, match="--procs must be between 1 and 64"):
            call_command("import_articles", str(SEEDS), "--procs", bad)
