"""Real processes killed with SIGKILL: a rebuild leaves nothing behind, an import loses nothing."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from search.backends.whoosh import WhooshBackend
from search.backends.whoosh.store import IndexStore
from tests.conftest import REPO, SEEDS, corpus_file
from tests.search.processes import (
    alive,
    count_rows,
    descendants,
    output,
    server_env,
    slice_of,
    start,
    wait_for,
)
from tests.search.queries import backend_query
from tests.test_browser import manage

pytestmark = pytest.mark.corpus


@pytest.fixture
def env(tmp_path):
    env = server_env(tmp_path)
    manage(env, "migrate", "--noinput")
    return env


def test_a_killed_rebuild_leaves_no_process_or_lock_and_the_next_keeps_the_live_index(
    env, tmp_path
):
    manage(
        env, "import_articles", str(SEEDS), str(corpus_file("wikinews/wikinews_en_2019_2020.jsonl"))
    )
    store = IndexStore(tmp_path / "index")
    live = store.current()
    reader = WhooshBackend(tmp_path / "index")
    expected = reader.search(backend_query(q="election")).total
    assert expected

    killed = start(env, "rebuild_index", "--procs", "2")
    wait_for(lambda: len(descendants(killed.pid)) >= 2, 60, "the rebuild's writer processes")
    helpers = descendants(killed.pid)
    half_built = set((tmp_path / "index").glob("gen-*")) - {live}
    assert half_built
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=10)
    wait_for(lambda: not any(alive(p) for p in helpers), 30, "the helpers to die with it")
    with store.rebuild_lock():
        pass  # nobody holds it any more

    rebuild = start(env, "rebuild_index", "--procs", "2")
    while rebuild.poll() is None:
        assert reader.search(backend_query(q="election")).total == expected
        if store.current() == live:
            assert live.exists()
    assert rebuild.returncode == 0, output(rebuild)
    assert not any(folder.exists() for folder in half_built)
    assert store.previous() == live and live.exists()  # kept for readers still on it
    assert reader.search(backend_query(q="election")).total == expected


def test_an_import_killed_midway_then_rerun_leaves_the_index_complete(env, tmp_path):
    corpus = slice_of(
        corpus_file("reuters21578/reuters21578.jsonl"), 1400, tmp_path / "reuters.jsonl"
    )
    manage(env, "import_articles", str(SEEDS))
    importing = start(env, "import_articles", str(corpus))
    # The first batch of 500 is committed: its index write is now running, or just done.
    wait_for(lambda: count_rows(env, "archive_article") > 5, 300, "the first batch to commit")
    importing.send_signal(signal.SIGKILL)
    importing.wait(timeout=10)
    stored = count_rows(env, "archive_article")
    assert 5 < stored < 1405

    manage(env, "import_articles", str(corpus))
    check = subprocess.run(
        [sys.executable, "manage.py", "check_index"], cwd=REPO, env=env, capture_output=True
    )
    report = check.stdout.decode()
    assert check.returncode == 0, report + check.stderr.decode()[-2000:]
    assert "  missing: 0" in report and "   queued: 0" in report
