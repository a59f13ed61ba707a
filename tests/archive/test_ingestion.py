from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.ingestion import import_paths
from archive.models import Article, Person
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def test_seeds_import_once_and_reimport_changes_nothing():
    first = import_paths([SEEDS])
    assert (first.imported, first.unchanged, first.failed) == (5, 0, 0)
    second = import_paths([SEEDS])
    assert (second.imported, second.unchanged, second.failed) == (0, 5, 0)
    assert Article.objects.count() == 5


def test_raw_text_is_kept_verbatim_and_body_is_cleaned():
    import_paths([SEEDS])
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    assert article.raw_text == (SEEDS / "003_16757b8a0299963c.txt").read_text(encoding="utf-8")
    assert "Turkish Defense Industry" in article.raw_text
    assert "Turkish Defense Industry" not in article.body


def test_name_variants_become_one_person():
    import_paths([SEEDS])
    lavrov = Person.objects.get(aliases__name="Sergei Lavrov")
    assert Person.objects.filter(aliases__name="Sergey Lavrov").get() == lavrov


def test_bad_files_are_reported_and_the_rest_still_import(tmp_path):
    (tmp_path / "good.txt").write_text("A headline\n\nIran and Russia met.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text(
        '{"title": "T", "body": "Armenia and Georgia."}\n{oops\n{"title": "no body"}\n',
        encoding="utf-8",
    )
    report = import_paths([tmp_path])
    assert (report.imported, report.failed) == (2, 5)
    reasons = sorted(e.reason for e in report.errors)
    assert reasons == [
        "binary file (contains NUL bytes), not text",
        "empty file",
        "invalid JSON (Expecting property name enclosed in double quotes)",
        "missing body",
        "not UTF-8 text (invalid byte at position 3)",
    ]


def test_jsonl_fields_and_changed_content_updates_the_same_article(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {
        "id": "w-1",
        "title": "Talks in Tehran",
        "body": "Iran hosted talks.",
        "date": "2020-02-03",
        "source": "Wire",
        "url": "https://example.org/1",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    import_paths([path])
    article = Article.objects.get(external_id="w-1")
    assert (article.title, article.source, article.url) == (
        "Talks in Tehran",
        "Wire",
        "https://example.org/1",
    )
    assert article.date.isoformat() == "2020-02-03"
    record["body"] = "Iran and Armenia hosted talks."
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = import_paths([path])
    assert (report.updated, report.imported) == (1, 0)
    assert Article.objects.get(external_id="w-1").body == "Iran and Armenia hosted talks."


def test_command_prints_a_summary_and_fails_when_anything_failed(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Headline\n\nArmenia.\n", encoding="utf-8")
    call_command("import_articles", str(tmp_path))
    assert "1 imported, 0 updated, 0 unchanged, 0 failed" in capsys.readouterr().out
    (tmp_path / "bad.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 item"):
        call_command("import_articles", str(tmp_path))
    captured = capsys.readouterr()
    assert "0 imported, 0 updated, 1 unchanged, 1 failed" in captured.out
    assert f"{tmp_path / 'bad.txt'}: empty file" in captured.err
    assert Article.objects.count() == 1
