"""Helpers for tests that run real processes: a scratch environment, descendants, waiting."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from tests.conftest import REPO
from tests.test_browser import server_env

__all__ = [
    "server_env",
    "start",
    "output",
    "descendants",
    "alive",
    "wait_for",
    "count_rows",
    "slice_of",
]


class LoggedProcess(subprocess.Popen[bytes]):
    log: IO[bytes]  # its stdout and stderr


def start(env: dict[str, str], *args: str) -> LoggedProcess:
    """`manage.py *args` in the background; its output goes to a file (a pipe nobody reads
    would fill up with progress bars and stall it), read back with `output`."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the process object)
    process = LoggedProcess(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, stdout=log, stderr=log
    )
    process.log = log
    return process


def output(process: LoggedProcess) -> str:
    process.log.seek(0)
    return process.log.read().decode(errors="replace")[-3000:]


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def descendants(pid: int) -> set[int]:
    """Every living process below `pid` (Linux /proc)."""
    parents = _parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return {p for p in found if alive(p)}


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has already died


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    """Poll `condition` until it is true; fail (not hang) after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.05)


def count_rows(env: dict[str, str], table: str) -> int:
    path = env["DATABASE_URL"].removeprefix("sqlite:///")
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
    except sqlite3.OperationalError:
        return 0


def slice_of(source: Path, lines: int, target: Path, skip: int = 0) -> Path:
    """`lines` lines of a JSONL corpus (after the first `skip`), as a file of their own."""
    with source.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8") as out:
        for n, line in zip(range(skip + lines), handle, strict=False):
            if n >= skip:
                out.write(line)
    return target
