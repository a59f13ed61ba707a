"""The Whoosh patches in `internals`: the same index, written faster."""

from __future__ import annotations

import pickle
import random

from whoosh import fields
from whoosh import index as whoosh_index
from whoosh.externalsort import SortingPool

from search.backends.whoosh import backend, internals  # noqa: F401  (backend applies the patches)


def test_runs_are_written_in_chunks_and_read_back_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(internals, "RUN_CHUNK", 7)  # chunks that do not divide a run
    rng = random.Random(5)
    items = [(rng.choice("abc"), rng.randbytes(3), rng.randrange(10**6)) for _ in range(25_000)]
    dumps: list[int] = []
    dump = pickle.dump

    def counted(chunk: list, *args: object) -> None:
        dumps.append(len(chunk))
        dump(chunk, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pickle, "dump", counted)
    pool = SortingPool(maxsize=1_000, tempdir=str(tmp_path))
    for item in items:
        pool.add(item)
    assert len(pool.runs) == 24
    assert len(dumps) == 24 * 143 and sum(dumps) == 24_000  # a run: 142 chunks of 7, one of 6
    assert list(pool.items(maxfiles=4)) == sorted(items)  # 4 open files: runs merged twice
    assert not list(tmp_path.iterdir())  # every run file removed


def _postings(folder, limitmb: float) -> list[tuple]:
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(), tag=fields.KEYWORD())
    ix = whoosh_index.create_in(folder, schema)
    rng = random.Random(9)
    words = [f"w{n}" for n in range(400)]
    writer = ix.writer(limitmb=limitmb)
    for n in range(600):
        body = " ".join(rng.choices(words, k=rng.randint(20, 60)))
        writer.add_document(id=str(n), body=body, tag=rng.choice(words))
    writer.commit()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        return [
            (field, text, list(reader.postings(field, text).items_as("positions")))
            if field == "body"
            else (field, text, list(reader.postings(field, text).all_ids()))
            for field, text in reader.all_terms()
        ]


def test_an_index_written_through_many_runs_equals_one_written_in_memory(tmp_path):
    (tmp_path / "runs").mkdir()
    (tmp_path / "memory").mkdir()
    assert _postings(tmp_path / "runs", 0.02) == _postings(tmp_path / "memory", 256)


def test_a_segment_without_a_lengths_column_is_looked_up_once(tmp_path, monkeypatch):
    schema = fields.Schema(id=fields.ID(stored=True), tag=fields.KEYWORD(scorable=False))
    ix = whoosh_index.create_in(tmp_path, schema)
    with ix.writer() as writer:
        for n in range(20):
            writer.add_document(id=str(n), tag=f"t{n % 3}")
    with ix.searcher() as searcher:
        per_document = searcher.reader()._perdoc  # one segment: the reader is its own
        looked: list[str] = []
        has_column = per_document.has_column

        def counted(field: str) -> bool:
            looked.append(field)
            return has_column(field)

        monkeypatch.setattr(per_document, "has_column", counted)
        lengths = [per_document.doc_field_length(n, "tag") for n in range(20)]
    assert lengths == [0] * 20
    assert len(looked) == 1


def _term_infos(folder) -> list[tuple]:
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(), tag=fields.KEYWORD())
    ix = whoosh_index.create_in(folder, schema)
    rng = random.Random(11)
    words = [f"w{n}" for n in range(300)]
    with ix.writer() as writer:
        for n in range(400):
            body = " ".join(rng.choices(words, k=rng.randint(1, 80)))
            writer.add_document(id=str(n), body=body, tag=rng.choice(words))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        return [
            (field, text, info.min_length(), info.max_length(), info.doc_frequency())
            for field, text in reader.all_terms()
            for info in [reader.term_info(field, text)]
        ]


def test_lengths_read_once_a_document_give_the_terms_whoosh_would(tmp_path, monkeypatch):
    from whoosh.codec import base, whoosh3

    asked: list[int] = []
    per_document = whoosh3.W3PerDocReader.doc_field_length

    def counted(self, docnum: int, fieldname: str, default: int = 0):
        asked.append(docnum)
        return per_document(self, docnum, fieldname, default)

    monkeypatch.setattr(whoosh3.W3PerDocReader, "doc_field_length", counted)
    (tmp_path / "once").mkdir()
    (tmp_path / "whoosh").mkdir()
    once = _term_infos(tmp_path / "once")
    assert len(asked) <= 400 * 3  # a document's length in each field, not one per posting
    patched = base.FieldWriter.add_postings
    monkeypatch.setattr(base.FieldWriter, "add_postings", patched.__wrapped__)
    assert once == _term_infos(tmp_path / "whoosh")
    assert len(asked) > 10_000  # Whoosh's own way: one per posting
