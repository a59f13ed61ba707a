"""Read labelled gold sets: `gold.json` beside its article files, or JSON Lines of `id` + `gold`."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.sources import RawArticle, read_articles


class GoldSetError(Exception):
    """The gold set cannot be used; the message says why."""


@dataclass(frozen=True)
class GoldCase:
    name: str
    article: RawArticle
    gold: dict[str, Any]


def load_cases(
    path: Path, corpus_dir: Path | None = None, articles_dir: Path | None = None
) -> list[GoldCase]:
    """Every labelled article with its text.

    JSONL rows without a `body` take `title` and `body` from the corpus record with the same
    `id` (but not its `date`, so the article date is measured from the text).
    """
    if not path.is_file():
        raise GoldSetError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldSetError(f"{path}: cannot read ({exc})") from exc
    if path.suffix == ".jsonl":
        return _jsonl_cases(path, text, corpus_dir)
    return _gold_json_cases(path, text, articles_dir or path.parent)


def _gold_json_cases(path: Path, text: str, folder: Path) -> list[GoldCase]:
    try:
        articles = json.loads(text)["articles"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise GoldSetError(f"{path}: expected a JSON object with an 'articles' mapping") from exc
    cases = []
    for name, gold in sorted(articles.items()):
        found = list(read_articles(folder / name))
        first = found[0] if found else None
        if not isinstance(first, RawArticle):
            reason = first.reason if first else "no article"
            raise GoldSetError(f"{path}: article file {name}: {reason}")
        cases.append(GoldCase(name, first, gold))
    return cases


def _jsonl_cases(path: Path, text: str, corpus_dir: Path | None) -> list[GoldCase]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append((str(row["id"]), row["gold"], row))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldSetError(f"{path}:{number}: expected an object with 'id' and 'gold'") from exc
    wanted = {row_id for row_id, _, row in rows if not row.get("body")}
    corpus = _corpus_records(corpus_dir, wanted) if wanted else {}
    cases = []
    for row_id, gold, row in rows:
        record = row if row.get("body") else corpus.get(row_id)
        if record is None:
            raise GoldSetError(f"{path}: no text for {row_id!r} (no body, not in the corpus)")
        article = RawArticle(
            text=record["body"],
            origin=f"{path}:{row_id}",
            title=record.get("title") or None,
            external_id=row_id,
            source=record.get("source") or "",
            url=record.get("url") or "",
            date=_row_date(row) if row.get("body") else None,
        )
        cases.append(GoldCase(row_id, article, gold))
    return cases


def _row_date(row: dict[str, Any]) -> datetime.date | None:
    value = row.get("date")
    return datetime.date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def _corpus_records(corpus_dir: Path | None, ids: set[str]) -> dict[str, dict[str, Any]]:
    if corpus_dir is None or not corpus_dir.is_dir():
        raise GoldSetError(f"corpus folder {corpus_dir} not found (set DISPATCH_CORPUS_DIR)")
    found: dict[str, dict[str, Any]] = {}
    for record in _iter_jsonl(sorted(corpus_dir.rglob("*.jsonl"))):
        if record.get("id") in ids:
            found[record["id"]] = record
            if len(found) == len(ids):
                break
    return found


def _iter_jsonl(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
