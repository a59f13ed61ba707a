"""Plain records of what reading article files gives: articles, errors and notices."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass


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
    notes: tuple[str, ...] = ()  # what reading set aside (a refused url); not content

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


@dataclass(frozen=True)
class Notice:
    """Something set aside while reading or importing; the articles themselves imported."""

    origin: str
    reason: str
    replaced: int = 0  # lines dropped because a later line has the same id

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
