"""Index writers lock before they open, and rebuilds clean up after killed ones."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import cast

import pytest
from whoosh import index as whoosh_index

from search.backends.base import RebuildRunning
from search.backends.whoosh import WhooshBackend
from search.backends.whoosh import backend as whoosh_backend
from search.backends.whoosh.store import IndexStore
from tests.search.backend_contract import DOCS
from tests.search.queries import backend_query


def locked(path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_writer_locks_before_opening_and_retries_a_vanished_table_of_contents(
    tmp_path, monkeypatch
):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS[:1])
    opened = []
    real_open_dir = whoosh_index.open_dir

    def open_dir(folder, *args, **kwargs):
        opened.append(locked(folder / "MAIN_WRITELOCK"))
        if len(opened) == 1:  # another process's commit deleted the file being read
            raise FileNotFoundError(folder / "_MAIN_1.toc")
        return real_open_dir(folder, *args, **kwargs)

    monkeypatch.setattr(whoosh_index, "open_dir", open_dir)
    backend.index(DOCS[1:2])
    monkeypatch.undo()
    assert opened[:2] == [True, True]  # locked both times; the vanished file was retried
    assert backend.search(backend_query()).total == 2


def test_quick_commits_merge_nothing_until_tidied(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    for n in range(whoosh_backend.QUICK_SEGMENTS + 2):
        backend.index([{**DOCS[0], "id": str(n + 1)}], merge=False)
    folder = backend.store.current()
    assert len(whoosh_index.open_dir(folder)._segments()) == whoosh_backend.QUICK_SEGMENTS + 2
    assert backend.tidy()
    assert len(whoosh_index.open_dir(folder)._segments()) < whoosh_backend.QUICK_SEGMENTS
    assert not backend.tidy()
    assert backend.search(backend_query()).total == whoosh_backend.QUICK_SEGMENTS + 2


def test_a_rebuild_removes_half_built_folders_and_keeps_the_live_one_for_readers(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index(DOCS)
    live = backend.store.current()
    time.sleep(0.01)
    half_built = backend.store.new_generation()  # a killed rebuild's, newer than the live one
    (half_built / "_MAIN_1.toc").write_bytes(b"partial")
    backend.rebuild(DOCS[:2])
    current = cast(Path, backend.store.current())
    assert sorted((tmp_path / "ix").glob("gen-*")) == sorted([cast(Path, live), current])
    assert backend.store.previous() == live
    backend.rebuild(DOCS[:1])
    assert not live.exists()  # two rebuilds on, nobody reads it any more
    assert backend.search(backend_query()).total == 1


def test_the_rebuild_lock_is_not_inherited_by_forked_children(tmp_path):
    store = IndexStore(tmp_path / "ix")
    with store.rebuild_lock():
        with pytest.raises(RebuildRunning), store.rebuild_lock():
            pass
        child = os.fork()
        if child == 0:  # a helper that outlives the rebuild that started it
            time.sleep(5)
            os._exit(0)
    try:
        with store.rebuild_lock():
            pass  # free although the child still runs
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)
