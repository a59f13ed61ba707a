"""`manage.py bench` end to end on tiny synthetic corpora, each in its own scratch database."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from tests.conftest import REPO, SEEDS, manage
from tests.postgres import postgres_server  # noqa: F401 (a fixture)


def _bench(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return manage("bench", *args, var_dir=tmp_path)


def test_bench_reports_every_step_and_layer_beside_fts5_and_draws_the_curve(tmp_path):
    plot = tmp_path / "curve.svg"
    done = _bench(tmp_path, "--sizes", "30,40", "--queries", "12", "--plot", str(plot))
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    for size in (30, 40):
        assert f"| import with extraction, 2 processes | {size} articles" in out
        assert f"| index build, 1 process | {size} docs" in out
        assert f"| index build, 2 processes | {size} docs" in out
    assert out.count("| end to end (import + build, 2 processes) | ") == 2
    assert out.count("| SQLite FTS5 build (same articles, joins for countries and speakers) |") == 2
    for start in ("worker", "process"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {start} cold start"))
        median, low, high = map(
            int, re.fullmatch(r".* \| (\d+) ms \(median of 5, (\d+)–(\d+)\) \|", row).groups()
        )
        assert 0 < low <= median <= high
    assert "| worker memory after the query mix (RSS) | " in out
    for layer in (
        "(a) backend search + facets + passages",
        "(b) /api/search",
        "(c) htmx results fragment",
    ):
        for subset in ("all queries", "no filters", "with filters"):
            row = next(
                line for line in out.splitlines() if line.startswith(f"| {layer}, {subset} |")
            )
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert len(cells) == 8 and all(float(c) > 0 for c in cells[1:])  # FTS5 and ratios
        assert f"| {layer}, 30 pasted passages of 40 words | " in out  # every article is long
    assert "Full garbage collections: 0 inside " in out  # all of them ran between requests
    admin_rows = [line for line in out.splitlines() if line.startswith("| admin page |")]
    assert len(admin_rows) == 2  # one table per size
    for page in ("articles", "article edit page", "persons by statements", "statements"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {page} |"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert float(cells[1]) > 0 and float(cells[2]) >= float(cells[1]) and int(cells[3]) > 0
    assert "| 30 | " in out and "| 40 | " in out  # the cost curve's rows
    assert "Projected to 1,000,000 articles by a power law" in out
    svg = ElementTree.parse(plot).getroot()
    assert len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 4
    assert not (tmp_path / "index").exists()  # the user's index is never touched


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-n", "5"], "at least 10"),
        (["--sizes", "5,100"], "at least 10"),
        (["--sizes", "ten"], "--sizes takes whole numbers separated by commas"),
        (["--procs", "0"], "--procs must be between 1 and 64"),
        (["--queries", "0"], "--queries must be at least 1"),
        (["--corpus", "no/such.jsonl"], "no such file"),
        (["--backend", "postgres"], "--backend postgres needs DATABASE_URL=postgres://"),
        (["--backend", "solr"], "invalid choice: 'solr'"),
    ],
)
def test_bench_refuses_bad_arguments_clearly(tmp_path, args, message):
    done = _bench(tmp_path, *args)
    assert done.returncode != 0
    assert message in done.stderr and "Traceback" not in done.stderr


def test_bench_times_the_admin_pages_of_an_archive_and_keeps_nothing(tmp_path):
    unset = manage("bench", "--admin-only", var_dir=tmp_path)
    assert unset.returncode != 0 and "run `manage.py migrate`" in unset.stderr
    assert "Traceback" not in unset.stderr
    assert manage("migrate", var_dir=tmp_path).returncode == 0
    empty = manage("bench", "--admin-only", var_dir=tmp_path)
    assert empty.returncode != 0 and "The archive is empty" in empty.stderr
    assert manage("import_articles", "--no-index", str(SEEDS), var_dir=tmp_path).returncode == 0
    done = manage("bench", "--admin-only", var_dir=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert rows[0] == "| admin page | p50 ms | max ms | queries |"
    pages = {row.split("|")[1].strip() for row in rows[2:]}
    assert {"articles", "article edit page", "persons", "review queue"} <= pages
    users = manage("shell", "-v", "0", "-c", "from django.contrib.auth.models import User; "
                   "print(User.objects.count())", var_dir=tmp_path)  # fmt: skip
    assert users.stdout.strip() == "0"  # the run's administrator was rolled back


def test_bench_measures_the_postgres_backend_in_a_scratch_database_it_drops(
    postgres_server,  # noqa: F811 (the fixture imported above)
    tmp_path,
):
    import os
    import sys

    import psycopg

    env = {**os.environ, "DATABASE_URL": postgres_server, "DISPATCH_INDEX_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "manage.py", "bench", "--backend", "postgres", "-n", "30",
         "--queries", "8", "--skip-single"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "search backend: postgres" in out
    assert "| index build, 2 processes | 30 docs" in out
    for layer in ("(a) backend search + facets + passages", "(c) htmx results fragment"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {layer}, all "))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert all(float(c) > 0 for c in cells[1:])
    with psycopg.connect(postgres_server) as db:
        names = [row[0] for row in db.execute("SELECT datname FROM pg_database")]
    assert not [name for name in names if name.startswith("dispatch_scratch_")]


def test_bench_says_clearly_when_the_postgres_server_cannot_be_reached(tmp_path):
    import os
    import sys

    pytest.importorskip("psycopg")
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/dispatch"}
    done = subprocess.run(
        [sys.executable, "manage.py", "bench", "--backend", "postgres", "-n", "30"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0
    assert "The PostgreSQL server of DATABASE_URL refused" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_search_stopped_by_the_budget_is_timed_and_counted_not_fatal(
    seeded, settings, gc_restored
):
    """A pasted passage once stopped the PostgreSQL benchmark at its budget: it is a
    measurement (a user sees a notice), so the run goes on and the row says how many."""
    from search.benchmark import runner

    settings.DISPATCH_SEARCH_BUDGET = 0.0
    backend_layer, *pages = runner.latencies([{"q": "minist*"}, {"q": "Lavrov"}], passes=1)
    assert len(backend_layer.samples) == 2 and backend_layer.stopped == 2
    assert "(2 of 2 stopped by the search budget) |" in backend_layer.row()
    assert [len(layer.samples) for layer in pages] == [2, 2]
    settings.DISPATCH_SEARCH_BUDGET = 3.0
    assert runner.latencies([{"q": "Lavrov"}], passes=1)[0].stopped == 0
