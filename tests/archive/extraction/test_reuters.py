"""Country recall on Reuters-21578, Distribution 1.0, against its hand-assigned PLACES tags."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest

from archive.extraction.countries import find_countries

ROOT = Path(__file__).resolve().parents[3]
CORPUS_DIR = Path(os.environ.get("DISPATCH_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
REUTERS = CORPUS_DIR / "reuters21578" / "reuters21578.jsonl"
MIN_RECALL = 0.90

pytestmark = pytest.mark.corpus


def _stories() -> list[dict]:
    if not REUTERS.exists():
        reason = f"Reuters-21578 corpus not found at {REUTERS} (set DISPATCH_CORPUS_DIR)"
        if os.environ.get("DISPATCH_REQUIRE_CORPUS"):
            pytest.fail(reason)
        pytest.skip(reason)
    with REUTERS.open(encoding="utf-8") as fh:
        stories = (json.loads(line) for line in fh)
        return [s for s in stories if s["places_iso2"] and s["body"]]


def _wire_text(story: dict) -> str:
    """Headline and story as sent: the corpus keeps the dateline apart from the body."""
    dateline = story["dateline"]
    body = f"{dateline} - {story['body']}" if dateline else story["body"]
    return f"{story['title']}\n\n{body}"


def test_country_recall_against_places_tags():
    found = total = 0
    for story in _stories():
        on = datetime.date.fromisoformat(story["date"])
        codes = set(find_countries(_wire_text(story), on))
        tags = set(story["places_iso2"])
        found += len(tags & codes)
        total += len(tags)
    recall = found / total
    print(f"Reuters-21578 country recall: {found}/{total} = {recall:.4f}")
    assert recall >= MIN_RECALL
