"""`make run` twice in a row, as a user restarts it: the second start neither re-imports the
seeds nor rebuilds the index, and serves what the first left, curated changes included."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.search.processes import alive, descendants, wait_for
from tests.test_browser import free_port, manage, server_env

pytestmark = pytest.mark.skipif(
    shutil.which("make") is None or not (REPO / ".venv" / ".installed").exists(),
    reason="needs make and the project's .venv (`make install`)",
)


def make_run(env: dict[str, str], *args: str, path: str = "/") -> tuple[str, str]:
    """`make run` until it serves `path`, then Ctrl-C (SIGINT to its process group, as a
    terminal sends it); returns what it printed and the page. It must have started a
    background worker beside gunicorn, and leave no process behind."""
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}", "WORKERS=1", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, "make run stopped before serving"
            assert time.monotonic() < deadline, "make run did not serve in time"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                    html = r.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        started = descendants(process.pid)
        commands = [_command(pid) for pid in started]
        assert any("db_worker" in c for c in commands), commands
        assert any("gunicorn" in c for c in commands), commands
    finally:
        os.killpg(process.pid, signal.SIGINT)
        out, _ = process.communicate(timeout=30)
    wait_for(lambda: not any(alive(pid) for pid in started), 10, "the server and worker to stop")
    return out.decode(errors="replace"), html


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_second_start_keeps_the_archive_and_does_not_rebuild(tmp_path: Path):
    env = server_env(tmp_path, DJANGO_SUPERUSER_PASSWORD="pw-for-tests")
    first, _ = make_run(env)
    assert "Seeds: 5 imported" in first
    assert "Index: rebuilt, as there is no index yet" in first
    assert "createsuperuser" in first
    assert first.index("Index:") < first.index("Dispatch is running")

    # Between the runs: a curator's change (saved outside any server) and an administrator.
    script = (
        "from archive.models import Article; a = Article.objects.get(title__icontains='Lavrov');"
        "a.title = 'Curated headline Zanzibarian'; a.curated_fields = ['title']; a.save()"
    )
    manage(env, "shell", "-c", script)
    manage(env, "createsuperuser", "--noinput", "--username", "curator", "--email", "c@x.org")

    second, html = make_run(env, path="/?q=Zanzibarian")
    assert "Seeds: left out, the archive already holds 5 articles." in second
    assert "Index: up to date, no rebuild" in second
    assert "rebuilt" not in second
    assert "createsuperuser" not in second
    assert second.index("Index:") < second.index("Dispatch is running")
    assert "Curated headline" in html


def test_seed_0_starts_an_empty_archive(tmp_path: Path):
    out, html = make_run(server_env(tmp_path), "SEED=0", path="/?q=Lavrov")
    assert "Seeds:" not in out
    assert "Index: rebuilt, as there is no index yet: 0 articles" in out
    assert "Lavrov" in html and "Curated" not in html  # the query echoed, no results
