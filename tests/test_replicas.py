"""Read replicas for real: a PostgreSQL primary and a streaming standby (`pg_basebackup -R`),
gunicorn reading public pages from the standby while the primary takes an import, and no
failed request when the standby stops in the middle."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from tests.conftest import REPO, SEEDS, corpus_file
from tests.postgres import CLUSTER, cluster, create_database, postgres_available
from tests.search.processes import slice_of
from tests.test_browser import gunicorn, manage, server_env


@pytest.fixture
def primary_and_standby() -> Iterator[tuple[str, str, str]]:
    """(primary URL, standby URL, standby folder); both stopped and deleted afterwards."""
    postgres_available()
    primary_dir, primary = cluster("start")
    folders = [primary_dir]
    try:
        create_database(primary)
        standby_dir, standby = cluster("standby", primary)
        folders.append(standby_dir)
        yield primary, standby, standby_dir
    finally:
        for folder in folders:
            subprocess.run(["bash", str(CLUSTER), "stop", folder], timeout=60)


def app_connections(url: str) -> int:
    """Client connections to the `dispatch` database of the server at `url`."""
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as db:
        row = db.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = 'dispatch' AND backend_type = 'client backend' "
            "AND pid <> pg_backend_pid()"
        ).fetchone()
    return int(row[0]) if row else 0


class Readers(threading.Thread):
    """Loads public pages in a loop until stopped; keeps every status or error."""

    PATHS = ("?q=Lavrov", "?q=Armenia&country=AM", "api/search?q=Tehran", "")

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base, self.stopping = base, threading.Event()
        self.results: list[int | str] = []

    def run(self) -> None:
        while not self.stopping.is_set():
            for path in self.PATHS:
                try:
                    with urllib.request.urlopen(self.base + path, timeout=15) as response:
                        self.results.append(response.status)
                except (urllib.error.URLError, OSError) as exc:
                    self.results.append(repr(exc))

    def stop(self) -> list:
        self.stopping.set()
        self.join(timeout=30)
        return self.results


@pytest.mark.parametrize("search_backend", ["whoosh", "postgres"])
def test_public_reads_go_to_the_standby_and_survive_it_stopping(
    primary_and_standby, tmp_path, search_backend
):
    # With the PostgreSQL backend, the searches themselves are answered by the standby.
    primary, standby, standby_dir = primary_and_standby
    env = server_env(
        tmp_path,
        DATABASE_URL=primary,
        DATABASE_REPLICA_URLS=standby,
        DISPATCH_SEARCH_BACKEND=search_backend,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "import_articles", str(SEEDS))
    manage(env, "rebuild_index")
    news = slice_of(corpus_file("wikinews/wikinews_en_2019_2020.jsonl"), 120, tmp_path / "n.jsonl")
    with gunicorn(env) as url:
        with urllib.request.urlopen(url + "?q=Lavrov", timeout=15) as response:
            assert "Lavrov" in response.read().decode()
        assert app_connections(standby) >= 1  # the page's rows came from the standby

        readers = Readers(url)
        readers.start()
        importing = subprocess.Popen(
            [sys.executable, "manage.py", "import_articles", str(news)],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(2)
        # The standby goes away in the middle of the import and of the reading.
        subprocess.run(["bash", str(CLUSTER), "stop", standby_dir], timeout=60, check=True)
        assert importing.wait(timeout=300) == 0
        time.sleep(1)
        results = readers.stop()
    assert len(results) > 20
    assert [r for r in results if r != 200] == []  # no failed request, before or after
