"""The Whoosh schema: accent-folding stemmed text, and facet fields with list columns."""

from __future__ import annotations

from typing import Any

from whoosh import columns, fields

from search.backends.whoosh.analysis import NewsText
from search.backends.whoosh.vocabulary import WordSet, names_of, words_of
from search.backends.whoosh.word_starts import COLUMN, WordStartsColumn
from search.timeline import day_number


class FacetField(fields.KEYWORD):  # type: ignore[misc]  # Whoosh is untyped
    """A multi-valued keyword with a list column, so facet values are read per document
    without rebuilding them from the postings on every search (WHOOSH_NOTES trap 2)."""

    def __init__(self) -> None:
        super().__init__(stored=False, lowercase=False, commas=False, scorable=False)
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, value: str) -> list[bytes]:
        return [v.encode() for v in value.split()]

    def from_column_value(self, value: list[bytes]) -> list[str]:
        return [v.decode() for v in value]


class TextColumn(fields.COLUMN):  # type: ignore[misc]  # Whoosh is untyped
    """A per-document string read from a column and never searched: no postings to write."""

    def __init__(self) -> None:
        super().__init__(columns.VarBytesColumn())

    def to_column_value(self, value: str) -> bytes:
        return value.encode()

    def from_column_value(self, value: bytes) -> str:
        return value.decode()


class IntColumn(fields.COLUMN):  # type: ignore[misc]  # Whoosh is untyped
    """A per-document integer read from a column. Unlike `NUMERIC`, it writes no postings
    (NUMERIC indexes 8 to 16 range terms per value, which nothing here searches)."""

    def __init__(self, typecode: str) -> None:
        super().__init__(columns.NumericColumn(typecode, default=0))

    def to_column_value(self, value: int | None) -> int:
        return int(value or 0)

    def from_column_value(self, value: int) -> int:
        return int(value)


def layout(schema: fields.Schema) -> list[tuple[str, ...]]:
    """What an index built with `schema` must share with the current code to be updated in
    place: each field's name and kinds of postings, column and analyser (Whoosh's own
    comparison of schemas tells nothing apart, as its columns compare by identity)."""

    def kind(part: Any) -> str:
        return "" if part is None else type(part).__name__

    return [
        (
            name,
            kind(field),
            kind(getattr(field, "format", None)),
            kind(getattr(field, "column_type", None)),
            kind(getattr(field, "analyzer", None)),
            str(getattr(getattr(field, "analyzer", None), "terms_version", "")),
        )
        for name, field in sorted(schema.items())
    ]


def build_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        # "article", or "statement": one document per statement, so statements are searchable.
        kind=TextColumn(),
        parent=fields.ID(stored=True, sortable=True),  # a statement's article
        # When the document was made from the database (microseconds), to find stale ones.
        stamp=IntColumn("q"),
        title=NewsText(stored=True),
        body=NewsText(stored=True),
        # Where each of the body's indexed words starts, for passages (`word_starts`).
        body_starts=WordStartsColumn(),
        speaker_names=NewsText(stored=True),
        role=fields.STORED(),
        source=TextColumn(),  # the outlet facet; `source:` searches source_text
        source_text=NewsText(),
        # Each article's words unstemmed, and those it writes as names, for spelling
        # suggestions (`vocabulary`). Indexes built before `names` existed lack it, and their
        # `words` holds only headlines and names, until `rebuild_index`.
        words=WordSet(),
        names=WordSet(),
        countries=FacetField(),
        speakers=FacetField(),
        # YYYYMMDD, 0 when undated: filters and sorts compare integers from the column, not
        # DATETIME ranges (WHOOSH_NOTES trap 3).
        day=IntColumn("i"),
    )


def index_documents(document: dict[str, Any]) -> list[dict[str, Any]]:
    """A backend document as Whoosh documents: the article, then one per statement.

    Statement documents carry only what statement searches need, to keep indexing fast.
    """
    shared = {
        "source": document.get("source") or "",
        "countries": " ".join(document.get("countries") or ()),
        "day": day_number(document.get("date")),
    }
    statements = document.get("statements") or ()
    speaker_names = "\n".join(document.get("speaker_names") or ())
    title, body = document.get("title") or "", document.get("body") or ""
    article = {
        **shared,
        "id": str(document["id"]),
        "kind": "article",
        "parent": "",
        "stamp": document.get("stamp") or 0,
        "title": "" if document.get("title_from_body") else title,
        "_stored_title": title,
        "body": body,
        COLUMN: body,
        "speaker_names": speaker_names,
        "speakers": " ".join(document.get("speakers") or ()),
        "source_text": shared["source"],
        "words": " ".join(words_of(title, body, speaker_names)),
        "names": " ".join(names_of(title) | names_of(body) | words_of(speaker_names)),
    }
    return [article] + [
        {
            **shared,
            "id": f"s{s['id']}",
            "kind": "statement",
            "parent": str(document["id"]),
            "body": s["text"],
            COLUMN: s["text"],
            # What the statement is about, not its article's countries: a country page
            # counts who speaks about it, a speaker page what they speak about.
            "countries": " ".join(s.get("countries") or ()),
            "speaker_names": "\n".join(s.get("speaker_names") or ()),
            "speakers": s["speaker"],
            "role": s.get("role") or "",
        }
        for s in statements
    ]


def known_fields(document: dict[str, Any], schema: fields.Schema) -> dict[str, Any]:
    """A Whoosh document without the fields the index's schema lacks, so that an index built
    by an older version (without `names`) keeps taking saves until it is rebuilt
    (`_stored_title`: the title shown, when the indexed one differs)."""
    return {
        name: value
        for name, value in document.items()
        if name in schema or name.removeprefix("_stored_") in schema
    }
