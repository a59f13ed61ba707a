"""The benchmark's reference: SQLite FTS5 over the same articles, set up as Datasette would.

One FTS5 table (title and body, Porter stemmer), join tables for countries and speakers,
and a results page answered the way Datasette answers a faceted full-text search: the
count, one grouped query per facet over the matching rows, and the top 20 by FTS5's own
BM25 rank with a `snippet()` each. Each query repeats the match, as Datasette's do.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from archive.models import Article, Statement

SCHEMA = """
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize='porter unicode61');
CREATE TABLE articles (id INTEGER PRIMARY KEY, year INTEGER);
CREATE TABLE article_countries (article_id INTEGER NOT NULL, code TEXT NOT NULL);
CREATE TABLE article_speakers (article_id INTEGER NOT NULL, speaker INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX articles_year ON articles (year, id);
CREATE INDEX article_countries_code ON article_countries (code, article_id);
CREATE INDEX article_countries_article ON article_countries (article_id, code);
CREATE INDEX article_speakers_article ON article_speakers (article_id, speaker);
"""
CHUNK = 2000
FACET_SIZE = 10
PAGE_SIZE = 20


def build(path: Path) -> int:
    """Write the FTS5 database at `path` from the archive's visible articles; returns how
    many articles it holds."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.executescript(SCHEMA)
        count = 0
        articles = Article.objects.visible().values_list("pk", "title", "body", "date")
        rows = articles.order_by("pk").iterator(chunk_size=CHUNK)
        while chunk := [row for _, row in zip(range(CHUNK), rows, strict=False)]:
            connection.executemany(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                [(pk, title, body) for pk, title, body, _ in chunk],
            )
            connection.executemany(
                "INSERT INTO articles (id, year) VALUES (?, ?)",
                [(pk, date.year if date else None) for pk, _, _, date in chunk],
            )
            count += len(chunk)
        countries = Article.countries.through.objects.values_list("article_id", "country_id")
        connection.executemany(
            "INSERT INTO article_countries VALUES (?, ?)", countries.iterator(chunk_size=CHUNK)
        )
        speakers = Statement.objects.values_list("article_id", "speaker_id").distinct()
        connection.executemany(
            "INSERT INTO article_speakers VALUES (?, ?)", speakers.iterator(chunk_size=CHUNK)
        )
        connection.executescript(INDEXES)
    connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    connection.commit()
    connection.close()
    return count


def match_expression(q: str) -> str:
    """FTS5's MATCH for words and "quoted phrases": every word all must contain, each
    quoted so that no word is read as syntax (AND, NEAR, a column name)."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', q):
        words = re.findall(r"\w+", phrase or word)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " AND ".join(terms)


class Fts5Search:
    """Answers the benchmark's query parameters (q, country, date_from and date_to as
    years) from an FTS5 database built by `build`."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, check_same_thread=False)

    def close(self) -> None:
        self.connection.close()

    def search(self, params: dict[str, str]) -> dict[str, object]:
        q = match_expression(params.get("q", ""))
        if not q:
            return {"count": 0, "facets": {}, "hits": []}
        values: dict[str, object] = {"q": q}
        # `+rowid`: the filters apply to FTS5's matches; as a plain `rowid IN (…)` SQLite
        # would look each filtered row up in the FTS5 table instead (seconds for a phrase).
        where = "articles_fts MATCH :q"
        if params.get("country"):
            where += " AND +rowid IN (SELECT article_id FROM article_countries WHERE code = :c)"
            values["c"] = params["country"]
        if params.get("date_from") or params.get("date_to"):
            where += " AND +rowid IN (SELECT id FROM articles WHERE year BETWEEN :y0 AND :y1)"
            values["y0"] = int(params.get("date_from") or 0)
            values["y1"] = int(params.get("date_to") or 9999)
        matching = f"SELECT rowid FROM articles_fts WHERE {where}"
        run = self.connection.execute
        count = run(f"SELECT count(*) FROM ({matching})", values).fetchone()[0]
        facets = {
            name: run(
                f"SELECT {column}, count(*) AS n FROM {table} WHERE {key} IN ({matching}) "
                f"GROUP BY {column} ORDER BY n DESC LIMIT {FACET_SIZE}",
                values,
            ).fetchall()
            for name, table, key, column in (
                ("country", "article_countries", "article_id", "code"),
                ("speaker", "article_speakers", "article_id", "speaker"),
                ("year", "articles", "id", "year"),
            )
        }
        hits = run(
            "SELECT rowid, title, snippet(articles_fts, 1, '<mark>', '</mark>', '…', 40) "
            f"FROM articles_fts WHERE {where} ORDER BY rank LIMIT {PAGE_SIZE}",
            values,
        ).fetchall()
        return {"count": count, "facets": facets, "hits": hits}
