"""Find article files under paths and read their bytes, never blocking on a special file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from archive.records import SourceError

SUPPORTED_SUFFIXES = (".txt", ".jsonl")


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    """Expand folders recursively; name what cannot be read instead of raising.

    Only regular files are yielded: a named pipe would block the import forever.
    """
    for raw in paths:
        path = Path(raw)
        mode = _mode(path)
        if isinstance(mode, str):
            yield SourceError(str(path), mode)
        elif stat.S_ISDIR(mode):
            yield from _folder_files(path)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield SourceError(str(path), "unsupported file type (expected .txt or .jsonl)")
        else:
            yield _regular(path, mode)


def _folder_files(folder: Path) -> Iterator[Path | SourceError]:
    for child in sorted(folder.rglob("*")):
        if child.suffix.lower() in SUPPORTED_SUFFIXES:
            mode = _mode(child)
            if isinstance(mode, str):
                yield SourceError(str(child), mode)
            elif not stat.S_ISDIR(mode):
                yield _regular(child, mode)


def _mode(path: Path) -> int | str:
    """The file mode `path` leads to, or why there is none (without opening anything)."""
    try:
        return path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT and path.is_symlink():
            return "broken symbolic link (its target does not exist)"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"


def _regular(path: Path, mode: int) -> Path | SourceError:
    if stat.S_ISREG(mode):
        return path
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else ""
    kind = kind or ("a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "")
    return SourceError(str(path), f"not a regular file ({kind or 'special file'})")


def read_regular(path: Path) -> bytes | None:
    """The bytes of `path`, or None if it is no regular file (any more)."""
    handle = _open_regular(path)
    if handle is None:
        return None
    with handle:
        return handle.read()


def _open_regular(path: Path) -> BinaryIO | None:
    # Non-blocking, so that a file swapped for a named pipe since it was found cannot hang
    # the import; regular files read as usual.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    handle = open(fd, "rb")  # noqa: SIM115 - closed below or by the caller
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        return None
    return handle


def estimate_count(paths: Iterable[str | Path]) -> int:
    """How many articles `paths` hold, cheaply (one per .txt, one per .jsonl line)."""
    total = 0
    for found in find_files(paths):
        if isinstance(found, Path) and found.suffix.lower() == ".jsonl":
            try:
                handle = _open_regular(found)
            except OSError:
                continue  # reported when the import reads it
            with handle or open(os.devnull, "rb") as lines:
                total += sum(1 for line in lines if line.strip())
        elif isinstance(found, Path):
            total += 1
    return total
