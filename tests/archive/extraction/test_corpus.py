"""Robustness on real news: every Wikinews article extracts cleanly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archive.extraction import extract

ROOT = Path(__file__).resolve().parents[3]
CORPUS_DIR = Path(os.environ.get("DISPATCH_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
WIKINEWS = CORPUS_DIR / "wikinews" / "wikinews_en_2019_2020.jsonl"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not WIKINEWS.exists(), reason=f"Wikinews corpus not found at {WIKINEWS}"),
]


def _articles() -> list[dict]:
    with WIKINEWS.open(encoding="utf-8") as fh:
        return sorted((json.loads(line) for line in fh), key=lambda doc: doc["id"])


def test_every_article_extracts_with_consistent_offsets():
    articles = _articles()
    assert len(articles) == 268
    for doc in articles:
        result = extract(doc["body"], title=doc["title"])
        assert result.title == doc["title"].strip()
        assert all(result.body[s.start : s.end] == s.text for s in result.statements), doc["id"]
        assert list(result.countries) == sorted(set(result.countries)), doc["id"]
        assert list(result.dates_mentioned) == sorted(set(result.dates_mentioned)), doc["id"]


def test_dateline_first_line_gives_the_article_date():
    dated = [d for d in _articles() if d["body"].startswith(("Monday", "Tuesday", "Wednesday"))]
    assert dated
    for doc in dated:
        assert str(extract(doc["body"], title=doc["title"]).date) == doc["date"], doc["id"]
