"""Read article files (.txt in the seed format, .jsonl, folders of them) into plain records."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class RawArticle:
    """One article as found in a file, before extraction."""

    text: str
    origin: str
    title: str | None = None
    external_id: str = ""
    source: str = ""
    url: str = ""
    date: datetime.date | None = None

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        digest.update((self.title or "").encode())
        digest.update(b"\x00")
        digest.update(self.text.encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class SourceError:
    """A file, or one line of it, that could not be read as an article."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    """Expand folders recursively; name what cannot be read instead of raising."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        elif not path.exists():
            yield SourceError(str(path), "no such file or directory")
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield SourceError(str(path), "unsupported file type (expected .txt or .jsonl)")
        else:
            yield path


def read_articles(path: Path) -> Iterator[RawArticle | SourceError]:
    """Yield the articles of one file, or errors naming the file (and line) and the reason."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield SourceError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    problem = _text_problem(data)
    if problem:
        yield SourceError(str(path), problem)
        return
    text = data.decode("utf-8-sig")
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, text)
    else:
        yield RawArticle(text=text, origin=str(path), external_id=path.name)


def _text_problem(data: bytes) -> str | None:
    if not data.strip():
        return "empty file"
    if b"\x00" in data:
        return "binary file (contains NUL bytes), not text"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text (invalid byte at position {exc.start})"
    return None


def _read_jsonl(path: Path, text: str) -> Iterator[RawArticle | SourceError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(origin, f"invalid JSON ({exc.msg})")
            continue
        yield _record_to_article(record, origin)


def _record_to_article(record: object, origin: str) -> RawArticle | SourceError:
    if not isinstance(record, dict):
        return SourceError(origin, "expected a JSON object per line")
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        return SourceError(origin, "missing body")
    title = record.get("title")
    date, problem = _parse_date(record.get("date"))
    if problem:
        return SourceError(origin, problem)
    dateline = _text_field(record, "dateline")
    if dateline and not body.lstrip().startswith(dateline):
        # Wire stories open with their dateline; feeds that keep it apart get it back.
        body = f"{dateline} - {body}"
    return RawArticle(
        text=body,
        origin=origin,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        external_id=str(record.get("id") or ""),
        source=_text_field(record, "source"),
        url=_text_field(record, "url"),
        date=date,
    )


def _text_field(record: dict, name: str) -> str:
    value = record.get(name)
    return value.strip() if isinstance(value, str) else ""


def _parse_date(value: object) -> tuple[datetime.date | None, str | None]:
    if value in (None, ""):
        return None, None
    if not isinstance(value, str):
        return None, f"date must be an ISO date string, got {value!r}"
    try:
        return datetime.date.fromisoformat(value[:10]), None
    except ValueError:
        return None, f"date {value!r} is not an ISO date (YYYY-MM-DD)"


def estimate_count(paths: Iterable[str | Path]) -> int:
    """How many articles `paths` hold, cheaply (one per .txt, one per .jsonl line)."""
    total = 0
    for found in find_files(paths):
        if isinstance(found, Path):
            if found.suffix.lower() == ".jsonl":
                with found.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total
