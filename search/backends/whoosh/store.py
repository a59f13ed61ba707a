"""Index generations on disk: a rebuild fills a fresh folder, then one rename makes it live."""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import try_for
from whoosh.writing import SegmentWriter

from search.backends.base import RebuildRunning
from search.backends.whoosh import internals

POINTER = "CURRENT"
# The generation live before the last switch: processes that opened it keep reading it until
# they notice the switch, so it stays on disk until the next one.
PREVIOUS = "PREVIOUS"
OPEN_ATTEMPTS = 3

_rebuilding = threading.Lock()  # record locks are per process: threads need their own


class IndexStore:
    """`root/gen-*` folders each hold a whole Whoosh index; `root/CURRENT` names the live one
    and `root/PREVIOUS` the one before it.

    Readers follow CURRENT, so they keep answering from the old generation while a rebuild
    fills a new one, and never see a half-built index. Generations are only created, switched
    and removed under the rebuild lock; any folder neither file names is then garbage (a
    rebuild that was killed).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def current(self) -> Path | None:
        return self._named(POINTER)

    def previous(self) -> Path | None:
        return self._named(PREVIOUS)

    def _named(self, pointer: str) -> Path | None:
        try:
            name = (self.root / pointer).read_text().strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return self.root / name if name else None

    def open(self) -> whoosh_index.Index:
        """The live index; `EmptyIndexError` when there is none yet."""
        for attempt in range(OPEN_ATTEMPTS):
            folder = self.current()
            if folder is None:
                raise whoosh_index.EmptyIndexError(f"No index in {self.root}")
            try:
                return whoosh_index.open_dir(folder)
            except FileNotFoundError:
                # A commit replaced the table of contents while it was being read.
                if attempt == OPEN_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def ensure(self, schema: Schema) -> None:
        """Create an empty live generation if there is none (`RebuildRunning` while a
        rebuild makes the first one)."""
        if self.current() is not None:
            return
        with self.rebuild_lock():
            if self.current() is None:
                folder = self.new_generation()
                whoosh_index.create_in(folder, schema)
                self.switch_to(folder)

    def writer(self, schema: Schema, timeout: float, **options: Any) -> SegmentWriter:
        """A writer on the live generation whose lock was taken before the index was opened
        (`LockError` after `timeout` seconds).

        Opening reads the newest table of contents; a writer committing meanwhile deletes the
        one being read (`FileNotFoundError: _MAIN_nnn.toc`). Under the lock nobody commits,
        and a folder that a rebuild pruned in between is left for the new live one.
        """
        self.ensure(schema)
        for attempt in range(OPEN_ATTEMPTS):
            folder = self.current()
            lock = FileStorage(str(folder)).lock(internals.WRITE_LOCK_NAME)
            if not try_for(lock.acquire, timeout=timeout, delay=0.05):
                raise whoosh_index.LockError(f"The index in {folder} stayed locked for {timeout} s")
            try:
                writer = whoosh_index.open_dir(folder).writer(_lk=False, **options)
            except FileNotFoundError:
                lock.release()
                if attempt == OPEN_ATTEMPTS - 1:
                    raise
                continue
            except BaseException:
                lock.release()
                raise
            writer.writelock = lock  # released by the writer's commit or cancel
            return writer
        raise AssertionError("unreachable")

    def open_or_create(self, schema: Schema) -> whoosh_index.Index:
        self.ensure(schema)
        return self.open()

    def new_generation(self) -> Path:
        folder = self.root / f"gen-{time.time_ns()}-{os.getpid()}"
        folder.mkdir(parents=True)
        return folder

    def switch_to(self, folder: Path) -> None:
        """Make `folder` live in one atomic rename, keep the one it replaces for the readers
        still on it, and remove any other. Call it under `rebuild_lock`."""
        live = self.current()
        if live is not None and live != folder:
            self._point(PREVIOUS, live)
        self._point(POINTER, folder)
        self.remove_abandoned()

    def _point(self, pointer: str, folder: Path) -> None:
        temporary = self.root / f"{pointer}.{os.getpid()}.tmp"
        temporary.write_text(folder.name)
        os.replace(temporary, self.root / pointer)

    def remove_abandoned(self) -> list[Path]:
        """Remove every generation that is neither live nor the one before (half-built by a
        killed rebuild, or superseded); returns them. Call it under `rebuild_lock`."""
        kept = {self.current(), self.previous()}
        removed = [g for g in self.root.glob("gen-*") if g not in kept]
        for folder in removed:
            shutil.rmtree(folder, ignore_errors=True)
        return removed

    @contextmanager
    def rebuild_lock(self) -> Iterator[None]:
        """One rebuild at a time across processes; a second one is told, not queued.

        A POSIX record lock, not `flock`: forked helpers do not inherit it, so it is free the
        moment its holder dies, whatever became of the processes it started.
        """
        if not _rebuilding.acquire(blocking=False):
            raise RebuildRunning("Another rebuild of this index is running.")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with open(self.root / "rebuild.lock", "w") as handle:
                try:
                    fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as exc:
                    raise RebuildRunning("Another rebuild of this index is running.") from exc
                yield
        finally:
            _rebuilding.release()

    def arrays_folder(self) -> Path | None:
        """Where per-segment arrays are saved: inside the live generation, so they go with it."""
        folder = self.current()
        return folder / "arrays" if folder else None

    def discard(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    def size_bytes(self) -> int:
        folder = self.current()
        if folder is None:
            return 0
        # The saved arrays count too: they are part of what a generation needs on disk.
        return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
