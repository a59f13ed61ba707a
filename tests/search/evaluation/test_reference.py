"""Reference figures from the README table beside a collection, or its reference.json."""

from __future__ import annotations

import json

from search.evaluation.reference import ReferenceRow, reference_rows

README = """# Collections

| folder | documents |
|---|---|
| `tiny/` | 3 |

| collection | matching | nDCG@10 | MAP | P@10 | R@100 | queries with no result |
|---|---|---|---|---|---|---|
| tiny | any word (OR) | 0.5000 | 0.4000 | 0.3000 | 0.9000 | 0 |
| tiny | every word (AND) | 0.1000 | 0.0500 | 0.0100 | 0.0200 | 2 / 3 |
| other | any word (OR) | 0.9 | 0.9 | 0.9 | 0.9 | 0 |
"""


def test_rows_naming_the_collection_come_from_the_parent_readme(tmp_path):
    (tmp_path / "tiny").mkdir()
    (tmp_path / "README.md").write_text(README)
    rows = reference_rows(tmp_path / "tiny")
    assert [(r.label, r.values, r.any_word) for r in rows] == [
        (
            "any word (OR)",
            {
                "nDCG@10": "0.5000",
                "MAP": "0.4000",
                "P@10": "0.3000",
                "R@100": "0.9000",
                "queries with no result": "0",
            },
            True,
        ),
        (
            "every word (AND)",
            {
                "nDCG@10": "0.1000",
                "MAP": "0.0500",
                "P@10": "0.0100",
                "R@100": "0.0200",
                "queries with no result": "2 / 3",
            },
            False,
        ),
    ]
    assert rows[0].source == tmp_path / "README.md"


def test_a_collection_the_readme_does_not_name_has_no_reference(tmp_path):
    (tmp_path / "unnamed").mkdir()
    (tmp_path / "README.md").write_text(README)
    assert reference_rows(tmp_path / "unnamed") == []


def test_the_folders_own_reference_json_comes_first(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    (tmp_path / "README.md").write_text(README)
    (folder / "reference.json").write_text(json.dumps({"label": "BM25", "nDCG@10": 0.25}))
    assert reference_rows(folder) == [
        ReferenceRow("BM25", {"nDCG@10": "0.25"}, folder / "reference.json")
    ]
