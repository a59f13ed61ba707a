"""A relevance test collection read from its folder: documents, queries and judgements."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DOCS, QUERIES, QRELS = "docs.jsonl", "queries.jsonl", "qrels.trec"

# query id -> document id -> graded relevance (0 = judged not relevant)
Qrels = dict[str, dict[str, int]]


class CollectionError(Exception):
    """The folder is not a readable collection; the message names the file and line."""


@dataclass(frozen=True)
class Collection:
    folder: Path
    documents: int  # lines of docs.jsonl
    queries: dict[str, str]  # id -> text, in the file's order
    qrels: Qrels

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def docs_path(self) -> Path:
        return self.folder / DOCS

    @property
    def judged(self) -> list[str]:
        """Every query with a judgement, in the order of queries.jsonl (then the rest): the
        measures average over these, a query with no result scoring 0."""
        known = [q for q in self.queries if q in self.qrels]
        return known + sorted(set(self.qrels) - set(known))

    @property
    def unasked(self) -> list[str]:
        """Judged queries that queries.jsonl does not have (they score 0)."""
        return sorted(set(self.qrels) - set(self.queries))


def read_collection(folder: Path) -> Collection:
    """Read and check the three files; raises `CollectionError` for anything missing or
    malformed, so that a bad folder fails before any import starts."""
    if not folder.is_dir():
        raise CollectionError(f"{folder}: no such folder")
    missing = [name for name in (DOCS, QUERIES, QRELS) if not (folder / name).is_file()]
    if missing:
        raise CollectionError(f"{folder}: missing {', '.join(missing)}")
    documents = sum(1 for _ in _objects(folder / DOCS, ("id",)))
    queries = {str(o["id"]): str(o["text"]) for _, o in _objects(folder / QUERIES, ("id", "text"))}
    qrels = read_qrels(folder / QRELS)
    if not documents:
        raise CollectionError(f"{folder / DOCS}: no documents")
    if not queries:
        raise CollectionError(f"{folder / QUERIES}: no queries")
    if not qrels:
        raise CollectionError(f"{folder / QRELS}: no judgements")
    return Collection(folder, documents, queries, qrels)


def _objects(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, object]]]:
    """The JSON objects of a JSONL file with their line numbers, each holding `required`."""
    for number, line in _lines(path):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CollectionError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
        if not isinstance(value, dict):
            raise CollectionError(f"{path}:{number}: expected a JSON object")
        absent = [k for k in required if not isinstance(value.get(k), str | int)]
        if absent or value.get("id") in ("", None):
            raise CollectionError(f"{path}:{number}: expected {', '.join(required)}")
        yield number, value


def read_qrels(path: Path) -> Qrels:
    """TREC qrels: `query_id iteration doc_id relevance` per line."""
    qrels: Qrels = {}
    for number, line in _lines(path):
        fields = line.split()
        if len(fields) != 4 or not _is_int(fields[3]):
            raise CollectionError(
                f"{path}:{number}: expected 'query_id 0 doc_id relevance', got {line.strip()!r}"
            )
        qrels.setdefault(fields[0], {})[fields[2]] = int(fields[3])
    return qrels


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
    except UnicodeDecodeError as exc:
        raise CollectionError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise CollectionError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()
