"""Small archives for the workbench tests, imported through the real import service."""

from __future__ import annotations

import json
from pathlib import Path

LAVROV = [
    {
        "id": "lavrov-1",
        "title": "Treaty talks",
        "date": "2021-03-04",
        "source": "Wire A",
        "body": "Sergei Lavrov said Armenia and Azerbaijan should sign the treaty soon.",
    },
    {
        "id": "lavrov-2",
        "title": "Partners in the region",
        "date": "2023-06-10",
        "source": "Wire B",
        "url": "https://example.org/partners",
        "body": "Sergey Lavrov said Iran is a reliable partner for Russia in the region.",
    },
    {
        "id": "lavrov-3",
        "title": "Pipeline plans",
        "date": "2022-01-20",
        "source": "Wire A",
        "body": "Sergei Lavrov said Armenia will benefit from the new pipeline.",
    },
]


def write_jsonl(folder: Path, records: list[dict], name: str = "articles.jsonl") -> Path:
    path = folder / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def import_records(folder: Path, records: list[dict], capture) -> None:
    from archive.ingestion import import_paths

    with capture(execute=True):
        report = import_paths([write_jsonl(folder, records)])
    assert report.imported == len(records), report.errors
