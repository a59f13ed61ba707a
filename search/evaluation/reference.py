"""Reference figures for a collection, read from the README table (or reference.json) beside it.

The table has a `collection` column naming the folder, an optional `matching` column, and one
column per measure, headed as `measures.COLUMNS` names them: the first table where the
collection appears is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from search.evaluation.measures import COLUMNS

README = "README.md"
REFERENCE_JSON = "reference.json"


@dataclass(frozen=True)
class ReferenceRow:
    label: str
    values: dict[str, str]  # column -> the figure as the source prints it ("216 / 225")
    source: Path

    @property
    def any_word(self) -> bool:
        return "(OR)" in self.label or "any word" in self.label.lower()


def reference_rows(folder: Path) -> list[ReferenceRow]:
    """The figures for `folder`'s collection: its reference.json, else a README.md table in
    the folder, else the parent's README.md table; [] when none names it."""
    own_json = folder / REFERENCE_JSON
    if own_json.is_file():
        return _json_rows(own_json)
    for readme in (folder / README, folder.parent / README):
        rows = _table_rows(readme, folder.name) if readme.is_file() else []
        if rows:
            return rows
    return []


def _json_rows(path: Path) -> list[ReferenceRow]:
    """reference.json: one object, or a list of them, each a `label` and measure columns."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return []
    items = data if isinstance(data, list) else [data]
    return [
        ReferenceRow(
            str(item.get("label", "reference")),
            {c: str(item[c]) for c in COLUMNS if c in item},
            path,
        )
        for item in items
        if isinstance(item, dict)
    ]


def _table_rows(path: Path, collection: str) -> list[ReferenceRow]:
    for table in _tables(path.read_text(encoding="utf-8", errors="replace")):
        header, *rows = table
        names = [cell.lower() for cell in header]
        if "collection" not in names:
            continue
        where = names.index("collection")
        matching = names.index("matching") if "matching" in names else None
        columns = {c: names.index(c.lower()) for c in COLUMNS if c.lower() in names}
        found = [
            ReferenceRow(
                row[matching] if matching is not None else "reference",
                {c: row[i] for c, i in columns.items()},
                path,
            )
            for row in rows
            if len(row) == len(header) and row[where].lower() == collection.lower()
        ]
        if found:
            return found
    return []


def _tables(text: str) -> list[list[list[str]]]:
    """Markdown tables as rows of cells, header first, separator rows left out."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.strip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables
