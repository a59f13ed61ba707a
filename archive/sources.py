"""Read article files (.txt in the seed format, .jsonl, folders of them) into plain records.

Finding files is `archive.files`; the records are `archive.records` (both re-exported here).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from archive.files import SUPPORTED_SUFFIXES, estimate_count, find_files, read_regular
from archive.links import MAX_URL, safe_url
from archive.records import Notice, RawArticle, SourceError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Notice",
    "RawArticle",
    "SourceError",
    "estimate_count",
    "find_files",
    "read_articles",
]

# What one article (a .jsonl line, a .txt file) may hold: enough for any news text, while a
# runaway line is reported instead of holding an import up for minutes.
MAX_CHARS = 20_000_000
# JSON nesting beyond this is no article: reported before Python's own recursion limit is hit.
MAX_DEPTH = 64


def read_articles(path: Path) -> Iterator[RawArticle | SourceError | Notice]:
    """Yield the articles of one file, or errors naming the file (and line) and the reason."""
    try:
        data = read_regular(path)
    except OSError as exc:
        yield SourceError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if data is None:
        yield SourceError(str(path), "not a regular file")
        return
    problem = _text_problem(data)
    if problem:
        yield SourceError(str(path), problem)
        return
    text = data.decode("utf-8-sig")
    if path.suffix.lower() == ".jsonl":
        yield from last_line_per_id(str(path), _read_jsonl(path, text))
    elif len(text) > MAX_CHARS:
        yield SourceError(str(path), _too_long(len(text)))
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
    # Only "\n" ends a line: JSON strings may hold U+2028 and other line separators.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        if len(line) > MAX_CHARS:
            yield SourceError(origin, _too_long(len(line)))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(origin, f"invalid JSON ({exc.msg})")
            continue
        except RecursionError:  # deeper than Python's recursion limit
            record = _TOO_DEEP
        # Only a line with over MAX_DEPTH brackets can nest that deep: count them (in C) first.
        deep = line.count("[") + line.count("{") > MAX_DEPTH and _too_deep(record)
        if record is _TOO_DEEP or deep:
            yield SourceError(origin, f"nested too deeply (over {MAX_DEPTH} arrays or objects)")
            continue
        yield _record_to_article(record, origin)


_TOO_DEEP = object()


def _too_long(length: int) -> str:
    return f"too long ({length:,} characters; at most {MAX_CHARS:,})"


def _too_deep(value: object) -> bool:
    """Whether arrays and objects nest deeper than MAX_DEPTH (without recursion)."""
    stack = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > MAX_DEPTH:
            return True
        stack += [(c, depth + 1) for c in children if isinstance(c, dict | list)]
    return False


def last_line_per_id(
    origin: str, items: Iterable[RawArticle | SourceError]
) -> Iterator[RawArticle | SourceError | Notice]:
    """`items` of one file with only the last line of each repeated id kept, and a notice."""
    items = list(items)
    last = {x.external_id: x for x in items if isinstance(x, RawArticle) and x.external_id}
    dropped = [
        (x, last[x.external_id])
        for x in items
        if isinstance(x, RawArticle) and x.external_id and last[x.external_id] is not x
    ]
    dropped_ids = {id(x) for x, _ in dropped}
    yield from (x for x in items if id(x) not in dropped_ids)
    if dropped:
        examples = "; ".join(
            f"line {_line(x)} by line {_line(k)} (id {x.external_id!r})" for x, k in dropped[:3]
        )
        more = "; ..." if len(dropped) > 3 else ""
        yield Notice(
            origin,
            f"{len(dropped)} repeated id(s): later lines replaced earlier ones ({examples}{more})",
            replaced=len(dropped),
        )


def _line(article: RawArticle) -> str:
    return article.origin.rsplit(":", 1)[-1]


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
    url, notes = _url(_text_field(record, "url"))
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
        url=url,
        date=date,
        notes=notes,
    )


def _url(text: str) -> tuple[str, tuple[str, ...]]:
    """The url to store, and why it is left out if it is: only http(s) may become a link."""
    if not text:
        return "", ()
    url = safe_url(text)
    if url is None:
        return "", (f"url {text[:80]!r} left out: only http and https links are kept",)
    if len(url) > MAX_URL:
        return "", (f"url left out: longer than {MAX_URL:,} characters",)
    return url, ()


def _text_field(record: dict[str, Any], name: str) -> str:
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
