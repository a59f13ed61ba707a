from __future__ import annotations

import datetime

from archive.sources import RawArticle, SourceError, estimate_count, find_files, read_articles


def read_all(path):
    return list(read_articles(path))


def test_txt_file_is_one_article_named_after_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    [article] = read_all(path)
    assert article == RawArticle(
        text="Headline\n\nBody text.\n", origin=str(path), external_id="a.txt"
    )


def test_jsonl_reads_known_fields_and_ignores_unknown_ones(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "x1", "title": "T", "body": "B", "date": "2023-10-26", "source": "S",'
        ' "url": "https://example.org/a", "extra": [1, 2]}\n',
        encoding="utf-8",
    )
    [article] = read_all(path)
    assert article.title == "T"
    assert article.text == "B"
    assert article.external_id == "x1"
    assert article.date == datetime.date(2023, 10, 26)
    assert article.source == "S"
    assert article.url == "https://example.org/a"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    assert read_all(path) == [SourceError(str(path), "empty file")]


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\x00\x00\x01")
    assert read_all(path) == [SourceError(str(path), "binary file (contains NUL bytes), not text")]


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 news".encode("latin-1"))
    [error] = read_all(path)
    assert error == SourceError(str(path), "not UTF-8 text (invalid byte at position 3)")


def test_bad_jsonl_lines_are_reported_one_by_one_and_good_lines_still_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"title": "ok", "body": "fine"}\n'
        "{not json\n"
        '{"title": "no body"}\n'
        '["a list"]\n'
        '{"title": "bad date", "body": "x", "date": "yesterday"}\n',
        encoding="utf-8",
    )
    items = read_all(path)
    assert isinstance(items[0], RawArticle)
    assert [str(e) for e in items[1:]] == [
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes)",
        f"{path}:3: missing body",
        f"{path}:4: expected a JSON object per line",
        f"{path}:5: date 'yesterday' is not an ISO date (YYYY-MM-DD)",
    ]


def test_folders_are_searched_recursively_for_supported_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert list(find_files([tmp_path])) == [tmp_path / "a.jsonl", tmp_path / "sub" / "b.txt"]


def test_missing_path_and_unsupported_type_are_errors(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    found = list(find_files([tmp_path / "nope.txt", tmp_path / "notes.md"]))
    assert found == [
        SourceError(str(tmp_path / "nope.txt"), "no such file or directory"),
        SourceError(str(tmp_path / "notes.md"), "unsupported file type (expected .txt or .jsonl)"),
    ]


def test_estimate_count_counts_txt_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("{}\n{}\n\n{}\n", encoding="utf-8")
    assert estimate_count([tmp_path]) == 4


def test_content_hash_depends_on_title_and_text():
    a = RawArticle(text="body", origin="x", title="T")
    assert a.content_hash == RawArticle(text="body", origin="y", title="T").content_hash
    assert a.content_hash != RawArticle(text="body", origin="x", title="U").content_hash


def test_a_separate_dateline_goes_back_in_front_of_the_body(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"title": "T", "body": "Prices rose.", "dateline": "BUENOS AIRES, March 2"}\n'
        '{"title": "U", "body": "LIMA, March 3 - Prices fell.", "dateline": "LIMA, March 3"}\n',
        encoding="utf-8",
    )
    first, second = read_all(path)
    assert first.text == "BUENOS AIRES, March 2 - Prices rose."
    assert second.text == "LIMA, March 3 - Prices fell."
