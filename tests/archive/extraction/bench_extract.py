"""Rough timing of extract(): `python -m tests.archive.extraction.bench_extract` (not a test)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from archive.extraction import extract
from tests.archive.extraction.test_corpus import WIKINEWS

ROOT = Path(__file__).resolve().parents[3]


def _per_article_ms(items: list[tuple[str, str | None]], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for raw, title in items:
            extract(raw, title)
    return (time.perf_counter() - start) / rounds / len(items) * 1000


def main() -> None:
    seeds: list[tuple[str, str | None]] = [
        (p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    extract(*seeds[0])  # build the country tables once
    print(f"seeds: {_per_article_ms(seeds, 50):.2f} ms/article")
    if WIKINEWS.exists():
        with WIKINEWS.open(encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh]
        items = [(d["body"], d["title"]) for d in docs]
        typical = [item for item in items if 1500 <= len(item[0]) <= 4000]
        print(
            f"wikinews 1.5-4k chars ({len(typical)}): {_per_article_ms(typical, 1):.2f} ms/article"
        )
        print(f"wikinews all ({len(items)}): {_per_article_ms(items, 1):.2f} ms/article")


if __name__ == "__main__":
    main()
