"""The Whoosh schema: accent-folding stemmed text, and facet fields with list columns."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.support.charset import accent_map

# Stemming makes "talks" find "talk"; folding makes "Turkiye" find "Türkiye". The token
# pattern keeps formats such as "3+3" whole, since they are what this archive is about.
TOKEN_PATTERN = r"\d+\+\d+|\w+(?:\.?\w+)*"
TEXT_ANALYZER = StemmingAnalyzer(expression=TOKEN_PATTERN, minsize=1) | CharsetFilter(accent_map)


class FacetField(fields.KEYWORD):
    """A multi-valued keyword with a list column, so facet values are read per document
    without rebuilding them from the postings on every search (WHOOSH_NOTES trap 2)."""

    def __init__(self) -> None:
        super().__init__(stored=False, lowercase=False, commas=False, scorable=False)
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, value: str) -> list[bytes]:
        return [v.encode() for v in value.split()]

    def from_column_value(self, value: list[bytes]) -> list[str]:
        return [v.decode() for v in value]


def build_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        # When the document was made from the database (microseconds), to find stale ones.
        stamp=fields.NUMERIC(numtype=int, bits=64, sortable=True, default=0),
        title=fields.TEXT(analyzer=TEXT_ANALYZER, stored=True),
        body=fields.TEXT(analyzer=TEXT_ANALYZER, stored=True),
        source=fields.ID(stored=True),
        countries=FacetField(),
        speakers=FacetField(),
        # YYYYMMDD, 0 when undated: filters and sorts compare integers, not DATETIME ranges
        # (WHOOSH_NOTES trap 3).
        day=fields.NUMERIC(numtype=int, bits=32, sortable=True, default=0),
    )


def document_fields(document: dict) -> dict:
    """A backend document as the keyword arguments of `writer.update_document`."""
    date = document.get("date")
    return {
        "id": document["id"],
        "stamp": document.get("stamp") or 0,
        "title": document.get("title") or "",
        "body": document.get("body") or "",
        "source": document.get("source") or "",
        "countries": " ".join(document.get("countries") or ()),
        "speakers": " ".join(document.get("speakers") or ()),
        "day": date.year * 10000 + date.month * 100 + date.day if date else 0,
    }
