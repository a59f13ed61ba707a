"""The search tables: their layout, and a rebuild's new tables switched in by renaming them in
one transaction, so that searches see the old index or the new one, never half of one."""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

from search.backends.postgres.rows import ARTICLE, STATEMENT
from search.backends.whoosh.analysis import TERMS_VERSION

DOCUMENTS = "dispatch_search"
LEXICON = "dispatch_search_lexicon"
# Numbers each row's write, shared by a rebuild's tables and the live ones (`facet_rows`).
GENERATION = "dispatch_search_generation_seq"
NEW = "_new"
OLD = "_old"
# Raise it whenever the tables' columns or indexes change: an index made with another
# number is rebuilt by `prepare_site`, not updated.
LAYOUT = f"dispatch search layout 4, terms {TERMS_VERSION}"
IN_ROW = ("lead", "countries", "speakers", "tag_countries", "tag_speakers", "source", "title")
# pg_trgm: wildcards match the lexicon through a trigram index; fuzzystrmatch: fuzzy words
# by edit distance. Both are trusted extensions: a database owner may create them.
EXTENSIONS = ("pg_trgm", "fuzzystrmatch")
REBUILD_LOCK = 0x64697370  # advisory lock key ("disp"): one rebuild at a time


def create_statements(suffix: str = "") -> list[str]:
    documents, lexicon = DOCUMENTS + suffix, LEXICON + suffix
    return [
        f"CREATE SEQUENCE IF NOT EXISTS {GENERATION}",
        f"""CREATE TABLE {documents} (
            kind smallint NOT NULL,
            id bigint NOT NULL,
            parent bigint NOT NULL,
            stamp bigint NOT NULL DEFAULT 0,
            title text NOT NULL DEFAULT '',
            body text NOT NULL DEFAULT '',
            role text NOT NULL DEFAULT '',
            source text NOT NULL DEFAULT '',
            speaker_names text NOT NULL DEFAULT '',
            countries text[] NOT NULL DEFAULT '{{}}',
            speakers text[] NOT NULL DEFAULT '{{}}',
            tag_countries text[] NOT NULL DEFAULT '{{}}',
            tag_speakers text[] NOT NULL DEFAULT '{{}}',
            date date,
            lead tsvector NOT NULL,
            words tsvector NOT NULL,
            speaker_words tsvector NOT NULL,
            source_words tsvector NOT NULL,
            pairs tsvector NOT NULL DEFAULT '',
            generation bigint NOT NULL DEFAULT nextval('{GENERATION}'),
            PRIMARY KEY (kind, id)
        )""",
        # What a search reads of every match stays in the row (moved out only as a last
        # resort); texts and whole-text vectors go out of line first. A value out of line
        # costs a few page reads each time it is read: facets over thousands of matches.
        f"ALTER TABLE {documents} "
        + ", ".join(f"ALTER COLUMN {column} SET STORAGE MAIN" for column in IN_ROW),
        f"""CREATE TABLE {lexicon} (
            kind "char" NOT NULL,
            word text NOT NULL,
            docs integer NOT NULL,
            PRIMARY KEY (kind, word)
        )""",
    ]


def index_statements(suffix: str = "") -> list[str]:
    """Indexes made after a rebuild's rows are in (faster than keeping them up as it fills)."""
    documents, lexicon = DOCUMENTS + suffix, LEXICON + suffix
    return [
        # One index of words per kind: a word in most articles is in most statements too, and
        # one index of both gave a bitmap of 730,000 rows, ANDed with the kind's (87-93 ms
        # for a word in all 100,000 articles; 40-55 from an index of the articles alone).
        *(
            f"CREATE INDEX {documents}_words_{kind} ON {documents} USING gin (words)"
            f" WHERE kind = {kind}"
            for kind in (ARTICLE, STATEMENT)
        ),
        f"CREATE INDEX {documents}_speaker_words ON {documents} USING gin (speaker_words)",
        f"CREATE INDEX {documents}_source_words ON {documents} USING gin (source_words)",
        f"CREATE INDEX {documents}_pairs ON {documents} USING gin (pairs)",
        f"CREATE INDEX {documents}_parent ON {documents} (parent)",
        f"CREATE INDEX {documents}_date ON {documents} (kind, date)",
        f"CREATE INDEX {documents}_generation ON {documents} (kind, generation)",
        f"CREATE INDEX {lexicon}_trigrams ON {lexicon} USING gin (word gin_trgm_ops)"
        " WHERE kind = 't'",
        f"COMMENT ON TABLE {documents} IS '{LAYOUT}'",
        f"ANALYZE {documents}",
        f"ANALYZE {lexicon}",
    ]


def create_extensions(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for name in EXTENSIONS:
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")


def exists(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [DOCUMENTS])
        return bool(cursor.fetchone()[0])


def layout(connection: BaseDatabaseWrapper) -> str | None:
    """The layout the live tables were made with (None: there are none)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT obj_description(to_regclass(%s), 'pg_class')", [DOCUMENTS])
        row = cursor.fetchone()
    return None if row is None else row[0]


def create_empty(connection: BaseDatabaseWrapper) -> None:
    """Make the live tables, empty, if there are none (the first write to a new database)."""
    create_extensions(connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REBUILD_LOCK + 1])
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [DOCUMENTS])
        if cursor.fetchone()[0]:
            return
        for statement in create_statements() + index_statements():
            cursor.execute(statement)


def drop_new(connection: BaseDatabaseWrapper) -> None:
    """Remove what a killed rebuild left half made."""
    with connection.cursor() as cursor:
        for table in (DOCUMENTS, LEXICON):
            cursor.execute(f"DROP TABLE IF EXISTS {table}{NEW}")


def switch_to_new(connection: BaseDatabaseWrapper) -> None:
    """Put the new tables in place of the live ones (called in a transaction)."""
    renames = []
    for table in (DOCUMENTS, LEXICON):
        renames += [
            f"DROP TABLE IF EXISTS {table}{OLD}",
            f"ALTER TABLE IF EXISTS {table} RENAME TO {table}{OLD}",
            f"ALTER TABLE {table}{NEW} RENAME TO {table}",
        ]
    with connection.cursor() as cursor:
        for statement in renames:
            cursor.execute(statement)
        for table in (DOCUMENTS, LEXICON):
            cursor.execute(f"DROP TABLE IF EXISTS {table}{OLD}")
        # Indexes keep the names they were made with: give them the live table's.
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = ANY(%s) AND indexname LIKE %s",
            [[DOCUMENTS, LEXICON], f"%{NEW}%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"ALTER INDEX {name} RENAME TO {name.replace(NEW, '', 1)}")
