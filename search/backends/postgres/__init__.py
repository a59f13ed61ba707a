"""PostgreSQL backend: the index as a table of documents with `tsvector` columns, in the
archive's own database, so that every web host shares it."""

from search.backends.postgres.backend import PostgresBackend

__all__ = ["PostgresBackend"]
