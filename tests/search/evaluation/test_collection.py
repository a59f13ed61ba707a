"""Reading a relevance collection's folder, and the clear errors for a bad one."""

from __future__ import annotations

import json

import pytest

from search.evaluation.collection import CollectionError, read_collection


def make(folder, docs=None, queries=None, qrels="1 0 a 2\n1 0 b 0\n3 0 c 1\n"):
    folder.mkdir(exist_ok=True)
    docs = docs if docs is not None else [{"id": "a", "title": "", "body": "text"}]
    queries = (
        queries if queries is not None else [{"id": "1", "text": "one"}, {"id": 2, "text": "x"}]
    )
    (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (folder / "queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in queries))
    (folder / "qrels.trec").write_text(qrels)
    return folder


def test_a_collection_is_read_with_its_judged_and_unasked_queries(tmp_path):
    found = read_collection(make(tmp_path / "tiny"))
    assert found.name == "tiny"
    assert found.documents == 1
    assert found.queries == {"1": "one", "2": "x"}
    assert found.qrels == {"1": {"a": 2, "b": 0}, "3": {"c": 1}}
    assert found.judged == ["1", "3"]  # query 2 has no judgement; 3 is judged but not asked
    assert found.unasked == ["3"]


def test_a_missing_folder_or_file_is_named(tmp_path):
    with pytest.raises(CollectionError, match="no such folder"):
        read_collection(tmp_path / "nowhere")
    (make(tmp_path / "c") / "qrels.trec").unlink()
    with pytest.raises(CollectionError, match="missing qrels.trec"):
        read_collection(tmp_path / "c")


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("docs.jsonl", '{"id": "a", "body": "x"}\n{not json\n', r"docs.jsonl:2: invalid JSON"),
        ("docs.jsonl", '["a"]\n', r"docs.jsonl:1: expected a JSON object"),
        ("docs.jsonl", '{"body": "x"}\n', r"docs.jsonl:1: expected id"),
        ("queries.jsonl", '{"id": "1"}\n', r"queries.jsonl:1: expected id, text"),
        ("qrels.trec", "1 0 a\n", r"qrels.trec:1: expected 'query_id 0 doc_id relevance'"),
        ("qrels.trec", "1 0 a high\n", r"qrels.trec:1: expected"),
        ("qrels.trec", "\n", r"qrels.trec: no judgements"),
        ("docs.jsonl", b"\xff\xfe\n", r"docs.jsonl: not UTF-8 text"),
    ],
)
def test_a_malformed_line_is_named_with_its_file_and_line(tmp_path, file, content, message):
    folder = make(tmp_path / "c")
    path = folder / file
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    with pytest.raises(CollectionError, match=message):
        read_collection(folder)
