from __future__ import annotations

import datetime
import json

import pytest

from archive import sources
from archive.sources import (
    MAX_DEPTH,
    Notice,
    RawArticle,
    SourceError,
    estimate_count,
    find_files,
    read_articles,
)


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


def test_a_line_nested_100000_deep_is_that_lines_error_and_the_rest_still_read(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"title": "A", "body": "first"}\n' + "[" * 100_000 + '\n{"title": "B", "body": "last"}\n',
        encoding="utf-8",
    )
    first, error, last = read_all(path)
    assert (first.text, last.text) == ("first", "last")
    assert error == SourceError(f"{path}:2", "nested too deeply (over 64 arrays or objects)")


def test_nesting_is_bounded_at_max_depth_even_in_ignored_fields(tmp_path):
    def line(depth: int) -> str:
        return json.dumps({"body": "b", "extra": json.loads("[" * (depth - 1) + "]" * (depth - 1))})

    path = tmp_path / "nested.jsonl"
    path.write_text(line(MAX_DEPTH) + "\n" + line(MAX_DEPTH + 1) + "\n", encoding="utf-8")
    ok, error = read_all(path)
    assert ok.text == "b"
    assert error == SourceError(f"{path}:2", "nested too deeply (over 64 arrays or objects)")


def test_a_line_longer_than_max_chars_is_that_lines_error(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_CHARS", 100)
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"body": "x" * 200}) + '\n{"body": "short"}\n', encoding="utf-8")
    error, ok = read_all(path)
    assert error == SourceError(f"{path}:1", "too long (212 characters; at most 100)")
    assert ok.text == "short"
    text = tmp_path / "long.txt"
    text.write_text("y" * 101, encoding="utf-8")
    assert read_all(text) == [SourceError(str(text), "too long (101 characters; at most 100)")]


def test_a_null_line_is_no_object(tmp_path):
    path = tmp_path / "null.jsonl"
    path.write_text("null\n", encoding="utf-8")
    assert read_all(path) == [SourceError(f"{path}:1", "expected a JSON object per line")]


def test_line_separators_inside_json_strings_do_not_end_the_line(tmp_path):
    path = tmp_path / "sep.jsonl"
    body = "One\u2028two\u2029three\x85four"
    path.write_text(json.dumps({"body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read_all(path)
    assert article.text == body


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        " JaVaScRiPt:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.org/a",
    ],
)
def test_a_url_that_is_not_http_or_https_is_left_out_with_a_note(tmp_path, url):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"body": "B", "url": url}) + "\n", encoding="utf-8")
    [article] = read_all(path)
    assert article.url == ""
    assert article.notes == (f"url {url.strip()!r} left out: only http and https links are kept",)


def test_an_http_url_is_kept_as_a_browser_reads_it(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"body": "B", "url": " https://e.org/a\t"}) + "\n")
    [article] = read_all(path)
    assert (article.url, article.notes) == ("https://e.org/a", ())


def test_repeated_ids_in_a_file_keep_the_last_line_and_say_so(tmp_path):
    path = tmp_path / "dup.jsonl"
    rows = [("a", "one"), ("b", "two"), ("a", "three"), ("", "four"), ("", "five"), ("a", "six")]
    path.write_text(
        "".join(json.dumps({"id": i, "body": b}) + "\n" for i, b in rows), encoding="utf-8"
    )
    *articles, notice = read_all(path)
    assert [(a.external_id, a.text) for a in articles] == [
        ("b", "two"),
        ("", "four"),
        ("", "five"),
        ("a", "six"),
    ]
    assert notice == Notice(
        str(path),
        "2 repeated id(s): later lines replaced earlier ones "
        "(line 1 by line 6 (id 'a'); line 3 by line 6 (id 'a'))",
        replaced=2,
    )
