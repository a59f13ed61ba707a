"""`manage.py bench` end to end on a tiny synthetic corpus, in its own scratch database."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import manage


def _bench(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return manage("bench", *args, var_dir=tmp_path)


def test_bench_reports_every_step_and_layer(tmp_path):
    done = _bench(tmp_path, "-n", "30", "--queries", "12")
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "| import with extraction | 30 articles" in out
    assert "| index build, 1 process | 30 docs" in out
    assert "| index build, 2 processes | 30 docs" in out
    assert "| worker cold start (fork of gunicorn's preloaded app → first answer) |" in out
    assert "| process cold start (bare interpreter → first answer) |" in out
    for layer in (
        "(a) backend search + facets + passages",
        "(b) /api/search",
        "(c) htmx results fragment",
    ):
        for subset in ("all queries", "no filters", "with filters"):
            assert f"| {layer}, {subset} | " in out
        assert f"| {layer}, 30 pasted passages of 40 words | " in out  # every article is long
    assert "Full garbage collections: 0 inside " in out  # all of them ran between requests
    assert not (tmp_path / "index").exists()  # the user's index is never touched


@pytest.mark.parametrize(
    ("args", "message"),
    [(["-n", "5"], "at least 10"), (["--corpus", "no/such.jsonl"], "no such file")],
)
def test_bench_refuses_bad_arguments_clearly(tmp_path, args, message):
    done = _bench(tmp_path, *args)
    assert done.returncode != 0
    assert message in done.stderr and "Traceback" not in done.stderr
