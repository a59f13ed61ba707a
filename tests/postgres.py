"""Throwaway PostgreSQL servers for tests that run real processes (`.ci/postgres`)."""

from __future__ import annotations

import glob
import os
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import REPO

CLUSTER = REPO / ".ci" / "postgres"


def postgres_available() -> None:
    """Skip (fail where CI requires PostgreSQL) when Debian's server is not installed."""
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        message = "Debian's postgresql is not installed (apt-get install postgresql)"
        if os.environ.get("DISPATCH_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)


def cluster(*args: str) -> tuple[str, str]:
    """`.ci/postgres start` or `standby URL`: (its folder, its database URL)."""
    out = subprocess.run(
        ["bash", str(CLUSTER), *args], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    return out[0], out[1]


def create_database(url: str) -> None:
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE " + url.rsplit("/", 1)[1])


@pytest.fixture
def postgres_server() -> Iterator[str]:
    """The URL of an empty database on a throwaway server, stopped and deleted afterwards."""
    postgres_available()
    folder, url = cluster("start")
    try:
        create_database(url)
        yield url
    finally:
        subprocess.run(["bash", str(CLUSTER), "stop", folder], timeout=60)
