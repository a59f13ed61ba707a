"""Finding article files: special files and broken links are named, never opened."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

from archive.files import estimate_count, find_files, read_regular
from archive.records import SourceError
from archive.sources import read_articles


def within_seconds(function, seconds: float = 5.0):
    """`function()`'s result, or a failure instead of a hang (a FIFO opened blocks)."""
    result = []
    worker = threading.Thread(target=lambda: result.append(function()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, "blocked"
    return result[0]


def test_a_named_pipe_given_as_a_path_is_refused_without_opening_it(tmp_path):
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    found = within_seconds(lambda: list(find_files([pipe])))
    assert found == [SourceError(str(pipe), "not a regular file (a named pipe)")]


def test_a_named_pipe_inside_a_folder_is_refused_and_the_rest_found(tmp_path):
    os.mkfifo(tmp_path / "feed.jsonl")
    os.mkfifo(tmp_path / "other.fifo")  # not an article name: ignored like notes.md
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    found = within_seconds(lambda: list(find_files([tmp_path])))
    assert found == [
        tmp_path / "a.txt",
        SourceError(str(tmp_path / "feed.jsonl"), "not a regular file (a named pipe)"),
    ]
    assert within_seconds(lambda: estimate_count([tmp_path])) == 1


def test_a_socket_is_not_a_regular_file(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert list(find_files([path])) == [SourceError(str(path), "not a regular file (a socket)")]


def test_a_device_is_not_a_regular_file():
    assert list(find_files(["/dev/null"])) == [
        SourceError("/dev/null", "unsupported file type (expected .txt or .jsonl)")
    ]
    assert read_regular(Path(os.devnull)) is None


def test_reading_a_named_pipe_does_not_block(tmp_path):
    pipe = tmp_path / "late.txt"
    os.mkfifo(pipe)  # found as a file, then swapped for a pipe: still no hang
    assert within_seconds(lambda: read_regular(pipe)) is None
    assert within_seconds(lambda: list(read_articles(pipe))) == [
        SourceError(str(pipe), "not a regular file")
    ]


def test_a_symbolic_link_loop_is_named(tmp_path):
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(tmp_path / "loop.jsonl")
    assert list(find_files([loop])) == [SourceError(str(loop), "symbolic link loop")]


def test_a_dangling_symbolic_link_is_named_and_a_missing_file_is_missing(tmp_path):
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    assert list(find_files([dangling, tmp_path / "nope.txt"])) == [
        SourceError(str(dangling), "broken symbolic link (its target does not exist)"),
        SourceError(str(tmp_path / "nope.txt"), "no such file or directory"),
    ]


def test_broken_links_inside_a_folder_are_named(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (tmp_path / "real.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert list(find_files([tmp_path])) == [
        SourceError(
            str(tmp_path / "gone.jsonl"), "broken symbolic link (its target does not exist)"
        ),
        tmp_path / "link.txt",
        SourceError(str(tmp_path / "loop.txt"), "symbolic link loop"),
        tmp_path / "real.txt",
    ]
