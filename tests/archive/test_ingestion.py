from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive import extraction, ingestion
from archive.ingestion import import_paths
from archive.models import Article, Person
from archive.signals import articles_unchanged, deferred_updates
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


def jsonl(path, *records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_a_line_nested_100000_deep_fails_alone_and_the_valid_lines_import(tmp_path, capsys):
    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"id": "a", "body": "Iran and Armenia met."}\n'
        + "[" * 100_000
        + '\n{"id": "b", "body": "Georgia hosted talks."}\n',
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 item"):
        call_command("import_articles", str(path))
    captured = capsys.readouterr()
    assert "2 imported, 0 updated, 0 unchanged, 1 failed" in captured.out
    assert f"failed: {path}:2: nested too deeply (over 64 arrays or objects)" in captured.err
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a", "b"]


def test_an_unsafe_url_is_not_stored_and_the_article_imports_with_a_warning(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    jsonl(path, {"id": "x", "body": "Iran met Armenia.", "url": " JaVaScRiPt:alert(1)"})
    call_command("import_articles", str(path))
    assert Article.objects.get(external_id="x").url == ""
    assert (
        f"warning: {path}:1: url 'JaVaScRiPt:alert(1)' left out: only http and https links "
        "are kept" in capsys.readouterr().err
    )


def test_an_unsafe_url_in_an_update_keeps_the_stored_url(tmp_path):
    path = tmp_path / "feed.jsonl"
    jsonl(path, {"id": "x", "body": "Iran met Armenia.", "url": "https://e.org/x"})
    import_paths([path])
    jsonl(path, {"id": "x", "body": "Iran met Georgia.", "url": "data:text/html,x"})
    report = import_paths([path])
    assert (report.updated, len(report.notices)) == (1, 1)
    assert Article.objects.get(external_id="x").url == "https://e.org/x"


def test_repeated_ids_in_a_file_are_one_article_and_the_last_line_wins(tmp_path, capsys):
    path = tmp_path / "dup.jsonl"
    jsonl(
        path,
        {"id": "a", "body": "Iran met Armenia."},
        {"id": "b", "body": "Georgia met Turkey."},
        {"id": "a", "body": "Iran met Azerbaijan."},
    )
    call_command("import_articles", str(path))
    captured = capsys.readouterr()
    assert "2 imported, 0 updated, 0 unchanged, 1 replaced by a later line, 0 failed" in (
        captured.out
    )
    assert f"warning: {path}: 1 repeated id(s): later lines replaced earlier ones" in captured.err
    assert Article.objects.filter(external_id="a").count() == 1
    assert Article.objects.get(external_id="a").body == "Iran met Azerbaijan."


def test_repeated_ids_across_batches_and_files_are_one_article(tmp_path, monkeypatch):
    monkeypatch.setattr(ingestion, "BATCH_SIZE", 2)
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    rows = [{"id": f"r{n}", "body": f"Story {n} about Iran."} for n in range(5)]
    jsonl(first, *rows, {"id": "r0", "body": "Story 0, corrected, about Iran."})
    jsonl(second, {"id": "r4", "body": "Story 4, again."}, {"id": "r3", "body": "Story 3 bis."})
    report = import_paths([first, second])
    assert (report.imported, report.updated, report.unchanged, report.replaced) == (5, 2, 0, 1)
    assert sorted(Article.objects.values_list("external_id", flat=True)) == [
        "r0",
        "r1",
        "r2",
        "r3",
        "r4",
    ]
    bodies = dict(Article.objects.values_list("external_id", "body"))
    assert (bodies["r0"], bodies["r3"], bodies["r4"]) == (
        "Story 0, corrected, about Iran.",
        "Story 3 bis.",
        "Story 4, again.",
    )
    assert [str(n) for n in report.notices[1:]] == [
        f"{second}:1: id 'r4' also in an earlier file: the last one read wins",
        f"{second}:2: id 'r3' also in an earlier file: the last one read wins",
    ]


def test_repeated_ids_of_two_files_in_one_batch_are_one_article(tmp_path):
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    jsonl(first, {"id": "x", "body": "Iran met Armenia."})
    jsonl(second, {"id": "x", "body": "Iran met Georgia."})
    report = import_paths([first, second])
    assert (report.imported, report.updated) == (1, 1)
    assert list(Article.objects.values_list("external_id", "body")) == [("x", "Iran met Georgia.")]


def test_text_beyond_the_extraction_cap_is_stored_whole_with_a_notice(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_EXTRACTED", 40)
    path = tmp_path / "long.jsonl"
    body = "Anna Petrova said the talks went well. " + "Iran met Armenia. " * 5
    jsonl(path, {"id": "x", "title": "T", "body": body})
    report = import_paths([path])
    article = Article.objects.get(external_id="x")
    assert article.body == body.strip()
    assert sorted(article.countries.values_list("code", flat=True)) == []
    assert [str(n) for n in report.notices] == [
        f"{path}:1: metadata read from the first 40 characters only "
        f"(the text has {len(body.strip())}; all of it is stored and searchable)"
    ]


@pytest.fixture
def unchanged_sent():
    sent: list[set[int]] = []

    def receiver(sender, ids, **kwargs):
        sent.append(set(ids))

    articles_unchanged.connect(receiver)
    yield sent
    articles_unchanged.disconnect(receiver)


def test_a_rerun_sends_articles_unchanged_with_their_ids_once_per_batch(
    tmp_path, monkeypatch, unchanged_sent
):
    monkeypatch.setattr(ingestion, "BATCH_SIZE", 2)
    path = tmp_path / "feed.jsonl"
    rows = [{"id": f"r{n}", "body": f"Story {n} about Iran."} for n in range(3)]
    jsonl(path, *rows)
    import_paths([path])
    assert unchanged_sent == []
    pks = dict(Article.objects.values_list("external_id", "pk"))
    jsonl(path, *rows[:2], {"id": "r2", "body": "Story 2, changed."}, {"id": "r9", "body": "New."})
    report = import_paths([path])
    assert (report.unchanged, report.updated, report.imported) == (2, 1, 1)
    assert unchanged_sent == [{pks["r0"], pks["r1"]}]


def test_articles_unchanged_is_not_sent_while_updates_are_deferred(tmp_path, unchanged_sent):
    path = tmp_path / "feed.jsonl"
    jsonl(path, {"id": "a", "body": "Iran met Armenia."})
    import_paths([path])
    with deferred_updates():
        assert import_paths([path]).unchanged == 1
    assert unchanged_sent == []
    import_paths([path])
    assert unchanged_sent == [{Article.objects.get().pk}]


def test_a_title_made_from_the_body_is_known_as_such(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "given", "title": "Talks in Tehran", "body": "Talks in Tehran went on. More."},
        {"id": "line", "body": "Leaders meet in Baku\n\nThe leaders met on Monday."},
        {"id": "made", "body": "The leaders met on Monday in Baku. They agreed."},
        {"id": "short", "body": "compact memories have flexible capacities"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    import_paths([path])
    made = {a.external_id: a.title_from_body for a in Article.objects.all()}
    assert made == {"given": False, "line": False, "made": True, "short": True}
    article = Article.objects.get(external_id="made")
    article.title = "The leaders met on Monday in Baku"
    article.curated_fields = ["title"]  # a curator's title, even the same words, is theirs
    assert not article.title_from_body
