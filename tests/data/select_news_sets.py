"""How the news tuning and test sets were chosen and split (`news_sets.md`): prints the ids.

Run from the repository root with `../shared` beside it: `python tests/data/select_news_sets.py`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

CORPUS = Path("../shared/corpus")


def records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def chosen() -> list[str]:
    development = {r["id"] for r in records(Path("tests/data/wikinews_dev.jsonl"))}
    wikinews = sorted(
        (
            r
            for r in records(CORPUS / "wikinews" / "wikinews_en_2019_2020.jsonl")
            if len(r["body"]) <= 6000 and r["id"] not in development
        ),
        key=lambda r: r["id"],
    )
    reuters = [
        r
        for r in records(CORPUS / "reuters21578" / "reuters21578.jsonl")
        if 600 <= len(r.get("body") or "") <= 3000 and '"' in r["body"]
    ]
    reuters.sort(key=lambda r: digest(r["id"]))
    return [r["id"] for r in wikinews[1::2]] + [r["id"] for r in reuters[:60]]


def split(ids: list[str]) -> dict[str, list[str]]:
    """Before any tuning: tuning when the SHA-1 of `split:<id>` starts with a digit."""
    tuning = [i for i in ids if digest(f"split:{i}")[0].isdigit()]
    return {"tuning": tuning, "test": [i for i in ids if i not in tuning]}


def second_tuning_batch() -> list[str]:
    """Labelled later (2026-12-03), all for tuning: the test part stays as it was split.

    50 of the Wikinews articles left out above (body of at most 6,000 characters, ordered by the
    SHA-1 of their `id`) and the next 10 Reuters stories in the order above.
    """
    taken = set(chosen()) | {r["id"] for r in records(Path("tests/data/wikinews_dev.jsonl"))}
    wikinews = [
        r
        for r in records(CORPUS / "wikinews" / "wikinews_en_2019_2020.jsonl")
        if len(r["body"]) <= 6000 and r["id"] not in taken
    ]
    wikinews.sort(key=lambda r: digest(r["id"]))
    reuters = [
        r
        for r in records(CORPUS / "reuters21578" / "reuters21578.jsonl")
        if 600 <= len(r.get("body") or "") <= 3000 and '"' in r["body"]
    ]
    reuters.sort(key=lambda r: digest(r["id"]))
    return [r["id"] for r in wikinews[:50]] + [r["id"] for r in reuters[60:70]]


if __name__ == "__main__":
    print(json.dumps(split(chosen()) | {"tuning, second batch": second_tuning_batch()}, indent=1))
