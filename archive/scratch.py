"""Run a management command against a throwaway database and index, never the user's."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

SCRATCH_FLAG = "DISPATCH_SCRATCH"


def in_scratch() -> bool:
    return os.environ.get(SCRATCH_FLAG) == "1"


def run_in_scratch(*args: str, search_backend: str = "whoosh") -> int:
    """`manage.py migrate` then `manage.py *args` in a child process on a temporary database
    and index; both are deleted afterwards. Returns the child's exit status.

    The database is SQLite, except for the `postgres` search backend: a database made for
    the run on the configured PostgreSQL server (`server_database` says when there is none).
    """
    with tempfile.TemporaryDirectory(prefix="dispatch-scratch-") as folder:
        root = Path(folder)
        with _scratch_database(root, search_backend) as database_url:
            env = {
                **os.environ,
                SCRATCH_FLAG: "1",
                "DATABASE_URL": database_url,
                "DATABASE_REPLICA_URLS": "",
                "DISPATCH_INDEX_DIR": str(root / "index"),
                "DISPATCH_SEARCH_BACKEND": search_backend,
                "DISPATCH_SECRET_KEY": "scratch",
            }
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            migrated = subprocess.run(
                [*manage, "migrate", "--noinput", "-v", "0"],
                env=env,
                capture_output=True,
                text=True,
            )
            if migrated.returncode:
                sys.stderr.write(migrated.stderr)
                return migrated.returncode
            return subprocess.run([*manage, *args], env=env).returncode


def postgres_server() -> bool:
    """Whether the configured database is a PostgreSQL server (one to make scratch databases
    on)."""
    return bool(settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql")


class ScratchUnavailable(Exception):
    """No scratch database could be made; the message says why."""


@contextmanager
def _scratch_database(root: Path, search_backend: str) -> Iterator[str]:
    if search_backend != "postgres":
        yield f"sqlite:///{root / 'scratch.sqlite3'}"
        return
    name = f"dispatch_scratch_{secrets.token_hex(4)}"
    _on_server(f"CREATE DATABASE {name}")
    config = settings.DATABASES["default"]
    user = quote(config.get("USER") or "", safe="")
    password = ":" + quote(config["PASSWORD"], safe="") if config.get("PASSWORD") else ""
    host = f"{quote(config.get('HOST') or '', safe='')}:{config.get('PORT') or 5432}"
    try:
        yield f"postgres://{user}{password}@{host}/{name}"
    finally:
        _on_server(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _on_server(statement: str) -> None:
    """Run a statement on the configured server's `postgres` database (the configured
    database need not exist: the server is all a scratch run needs)."""
    import psycopg
    from django.db import connection

    params = {**connection.get_connection_params(), "dbname": "postgres"}
    try:
        with psycopg.connect(**params, autocommit=True) as server:
            server.execute(statement)
    except psycopg.Error as error:
        raise ScratchUnavailable(
            f"The PostgreSQL server of DATABASE_URL refused `{statement}`: {error}"
        ) from None
