"""Every hit of a search as citation-ready rows, streamed as CSV or JSON chunk by chunk."""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from archive.mapping import ArticleFields, article_fields, article_record, statement_record
from archive.models import Article, Statement
from search.backends import get_backend
from search.query import SearchParams
from search.service import search_query

CHUNK = 500  # rows fetched from the database at a time
ARTICLE_COLUMNS = ("title", "outlet", "date", "url", "speakers", "countries", "passage")
STATEMENT_COLUMNS = ("speaker", "role", "form", "quote", "article_title", "outlet", "date", "url")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TAG = re.compile(r"</?mark>")

Row = dict[str, Any]
Absolute = Callable[[str], str]


def columns(params: SearchParams) -> tuple[str, ...]:
    return STATEMENT_COLUMNS if params.mode == "statements" else ARTICLE_COLUMNS


def export_rows(params: SearchParams, absolute: Absolute) -> Iterator[Row]:
    """Every hit of the search, in its order; raises `SearchUnavailable` before the first row.

    Only ids are held for the whole result; rows are read from the database a chunk at a time.
    """
    backend = get_backend()
    query, _ = search_query(params)
    ids = backend.search_ids(query)
    if params.mode == "statements":
        return _chunked(ids, lambda chunk: _statement_rows(chunk, absolute))
    passages = backend.passage_maker(query.tree)
    return _chunked(ids, lambda chunk: _article_rows(chunk, absolute, passages))


def _chunked(ids: list[int], rows: Callable[[list[int]], Iterable[Row]]) -> Iterator[Row]:
    for start in range(0, len(ids), CHUNK):
        yield from rows(ids[start : start + CHUNK])


def _article_rows(
    ids: list[int], absolute: Absolute, passages: Callable[[str], tuple[str, ...]]
) -> Iterator[Row]:
    articles = Article.objects.visible().prefetch_related("countries", "statements__speaker")
    found = articles.in_bulk(ids)
    for pk in ids:
        # An article hidden since the search ran is left out, as on the results page.
        article = found.get(pk)
        if article is None:
            continue
        record = article_record(article)
        best = passages(article.body)
        yield {
            "title": record["title"],
            **_citation(record, absolute),
            "speakers": "; ".join(record["speakers"]),
            "countries": "; ".join(record["country_names"]),
            "passage": plain(best[0]) if best else "",
        }


def _statement_rows(ids: list[int], absolute: Absolute) -> Iterator[Row]:
    found = (
        Statement.objects.filter(article__status=Article.VISIBLE)
        .select_related("speaker", "article")
        .in_bulk(ids)
    )
    for pk in ids:
        statement = found.get(pk)
        if statement is None:
            continue
        record = statement_record(statement)
        article = article_fields(statement.article)
        yield {
            "speaker": record["speaker"],
            "role": record["role"],
            "form": record["form"],
            "quote": record["text"],
            "article_title": article["title"],
            **_citation(article, absolute),
        }


def _citation(article: ArticleFields, absolute: Absolute) -> Row:
    """Where a row's article comes from: its outlet (the record's `source`), its date, and the
    address to cite, the original's when it may be a link, else the article's page here."""
    return {
        "outlet": article["source"],
        "date": article["date"] or "",
        "url": article["link_url"] or absolute(article["page_url"]),
    }


def plain(passage_html: str) -> str:
    """A passage's HTML (escaped text plus <mark> tags) back to plain text."""
    return html.unescape(_TAG.sub("", passage_html))


def safe_cell(value: Any) -> str:
    """A cell a spreadsheet will not run: text starting like a formula gets a quote."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object whose `write` returns what it was given, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Row], names: tuple[str, ...]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(names)
    for row in rows:
        yield writer.writerow([safe_cell(row[name]) for name in names])


def json_chunks(rows: Iterable[Row], params: SearchParams) -> Iterator[str]:
    """One JSON object, `{"mode": ..., "q": ..., "hits": [...]}`, written a row at a time."""
    head = json.dumps({"mode": params.mode, "q": params.q}, ensure_ascii=False)
    yield head[:-1] + ', "hits": ['  # the object stays open until every hit is written
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
