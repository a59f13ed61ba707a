"""Real processes: concurrent writers lose nothing; searches during a rebuild never fail."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.backends.whoosh import WhooshBackend
from tests.conftest import REPO, SEEDS, corpus_file
from tests.search.backend_contract import DOCS
from tests.search.queries import backend_query

WRITERS = 4
DOCS_EACH = 15


def write_documents(index_dir: str, worker: int) -> None:
    backend = WhooshBackend(Path(index_dir))
    for n in range(DOCS_EACH):  # one commit each, so the writers really contend for the lock
        doc_id = f"{worker + 1}{n:03d}"
        backend.index([{**DOCS[0], "id": doc_id, "title": f"Writer {worker} document {n}"}])


def test_concurrent_writer_processes_lose_no_update(tmp_path):
    WhooshBackend(tmp_path / "ix").index([DOCS[1]])
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=write_documents, args=(str(tmp_path / "ix"), w))
        for w in range(WRITERS)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    ids = WhooshBackend(tmp_path / "ix").document_ids()
    assert len(ids) == WRITERS * DOCS_EACH + 1
    assert {int(f"{w + 1}{n:03d}") for w in range(WRITERS) for n in range(DOCS_EACH)} <= ids


@pytest.mark.corpus
def test_searches_during_rebuild_index_never_fail_or_come_back_empty(tmp_path):
    wikinews = corpus_file("wikinews/wikinews_en_2019_2020.jsonl")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DISPATCH_INDEX_DIR": str(tmp_path / "index"),
        "DISPATCH_SECRET_KEY": "test",
    }

    def manage(*args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, capture_output=True
        )

    manage("migrate", "--noinput")
    manage("import_articles", str(SEEDS), str(wikinews))
    reader = WhooshBackend(tmp_path / "index")
    expected = {q: reader.search(backend_query(q=q)).total for q in ("Lavrov", "election", "")}
    assert all(expected.values())
    rebuild = subprocess.Popen(
        [sys.executable, "manage.py", "rebuild_index", "--procs", "2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    searches = 0
    while rebuild.poll() is None:
        for q, count in expected.items():
            assert reader.search(backend_query(q=q)).total == count
            searches += 1
    assert rebuild.returncode == 0, rebuild.stderr.read()
    assert searches > 10
    for q, count in expected.items():
        assert reader.search(backend_query(q=q)).total == count
    print(json.dumps({"searches_during_rebuild": searches}))
