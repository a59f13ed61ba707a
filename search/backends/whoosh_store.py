"""Index generations on disk: a rebuild fills a fresh folder, then one rename makes it live."""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import Schema

POINTER = "CURRENT"
KEEP_GENERATIONS = 2  # the live one and the one before, which other processes may still read


class RebuildRunning(Exception):
    pass


class IndexStore:
    """`root/gen-*` folders each hold a whole Whoosh index; `root/CURRENT` names the live one.

    Readers follow CURRENT, so they keep answering from the old generation while a rebuild
    fills a new one, and never see a half-built index.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def current(self) -> Path | None:
        try:
            name = (self.root / POINTER).read_text().strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return self.root / name if name else None

    def open(self) -> whoosh_index.Index:
        """The live index; `EmptyIndexError` when there is none yet."""
        folder = self.current()
        if folder is None:
            raise whoosh_index.EmptyIndexError(f"No index in {self.root}")
        return whoosh_index.open_dir(folder)

    def open_or_create(self, schema: Schema) -> whoosh_index.Index:
        if self.current() is None:
            folder = self.new_generation()
            whoosh_index.create_in(folder, schema)
            self.switch_to(folder)
        return self.open()

    def new_generation(self) -> Path:
        folder = self.root / f"gen-{time.time_ns()}-{os.getpid()}"
        folder.mkdir(parents=True)
        return folder

    def switch_to(self, folder: Path) -> None:
        """Make `folder` live in one atomic rename, then drop generations nobody needs."""
        pointer = self.root / POINTER
        temporary = self.root / f"{POINTER}.{os.getpid()}.tmp"
        temporary.write_text(folder.name)
        os.replace(temporary, pointer)
        self._prune(keep=folder)

    def _prune(self, keep: Path) -> None:
        generations = sorted(self.root.glob("gen-*"), key=lambda p: p.stat().st_mtime)
        old = [g for g in generations if g != keep][: -(KEEP_GENERATIONS - 1) or None]
        for folder in old:
            shutil.rmtree(folder, ignore_errors=True)

    @contextmanager
    def rebuild_lock(self) -> Iterator[None]:
        """One rebuild at a time across processes; a second one is told, not queued."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "rebuild.lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise RebuildRunning("Another rebuild of this index is running.") from exc
            yield

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
