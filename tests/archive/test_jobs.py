"""Imports, re-extraction and re-indexing as background jobs: queued at once, run by a real
worker in checkpointed batches, resumable after the worker is killed."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive import jobs
from archive.ingestion import BATCH_SIZE, import_resumably
from archive.models import Article, Job, JobArticle
from search.benchmark import synthetic
from tests.conftest import REPO
from tests.search.processes import wait_for
from tests.test_browser import manage, server_env

ARTICLES = 2 * BATCH_SIZE + 60  # checkpoints to stop between


def corpus(path: Path, count: int) -> Path:
    synthetic.write_jsonl(synthetic.articles(synthetic.make_corpus(), count), path)
    return path


def job_row(env: dict[str, str]) -> dict:
    """The newest job, read straight from the database file (no Django in this process)."""
    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"), timeout=10) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("SELECT * FROM archive_job ORDER BY id DESC LIMIT 1").fetchone()
        return {**dict(row), "report": json.loads(row["report"])} if row else {}


def count(env: dict[str, str], sql: str) -> int:
    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"), timeout=10) as db:
        return db.execute(sql).fetchone()[0]


def worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def queue_import(env: dict[str, str], path: Path) -> None:
    script = (
        "from pathlib import Path; from archive import jobs; "
        f"p = Path({str(path)!r}); jobs.start_import([(p.name, p.read_bytes())])"
    )
    manage(env, "shell", "-c", script)


@pytest.mark.django_db
def test_an_upload_returns_at_once_and_queues_a_job(admin_client, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    feed = corpus(tmp_path / "feed.jsonl", 40).read_bytes()
    response = admin_client.post(
        "/admin/archive/article/import/", {"files": [SimpleUploadedFile("feed.jsonl", feed)]}
    )
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/job/{job.pk}/change/")
    assert (job.status, job.total, job.done, Article.objects.count()) == (Job.QUEUED, 40, 0, 0)
    page = admin_client.get(response["Location"]).content.decode()
    assert "queued" in page and 'hx-trigger="every 1s"' in page
    assert 'id="job-done">0</span> of 40 articles' in page


def test_a_real_worker_runs_the_job_and_its_progress_moves(tmp_path):
    env = server_env(tmp_path, DISPATCH_VAR_DIR=str(tmp_path))
    manage(env, "migrate", "--noinput")
    queue_import(env, corpus(tmp_path / "feed.jsonl", ARTICLES))
    assert job_row(env)["status"] == "queued"
    process = worker(env)
    seen: set[int] = set()
    try:

        def finished() -> bool:
            row = job_row(env)
            seen.add(row["done"])
            return row["status"] == "done"

        wait_for(finished, 300, "the job to finish")
    finally:
        process.terminate()
        process.wait(timeout=30)
    row = job_row(env)
    assert row["done"] == row["total"] == ARTICLES
    assert any(0 < done < ARTICLES for done in seen)  # it moved in steps, batch by batch
    assert row["report"]["files"][0]["imported"] == ARTICLES
    assert count(env, "SELECT COUNT(*) FROM archive_article") == ARTICLES
    assert count(env, "SELECT COUNT(*) FROM archive_jobarticle") == ARTICLES
    assert not (tmp_path / "uploads" / f"job-{row['id']}").exists()  # the upload is gone


def test_a_killed_worker_leaves_an_interrupted_job_that_resumes_to_the_same_counts(tmp_path):
    env = server_env(tmp_path, DISPATCH_VAR_DIR=str(tmp_path))
    manage(env, "migrate", "--noinput")
    queue_import(env, corpus(tmp_path / "feed.jsonl", ARTICLES))
    process = worker(env)
    try:
        wait_for(lambda: 0 < job_row(env)["done"] < ARTICLES, 300, "a first checkpoint")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    interrupted = job_row(env)
    assert interrupted["status"] == "running"  # as the dead worker left it
    kept = count(env, "SELECT COUNT(*) FROM archive_article")
    assert 0 < kept < ARTICLES
    state = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c",
         "from archive import jobs; from archive.models import Job; "
         "job = Job.objects.latest('pk'); print(jobs.is_interrupted(job), jobs.resume(job))"],
        cwd=REPO, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert state.stdout.split() == ["True", "True"]
    process = worker(env)
    try:
        wait_for(lambda: job_row(env)["status"] == "done", 300, "the resumed job to finish")
    finally:
        process.terminate()
        process.wait(timeout=30)
    files = job_row(env)["report"]["files"]
    assert (files[0]["imported"], files[0]["unchanged"], files[0]["failed"]) == (ARTICLES, 0, 0)
    assert count(env, "SELECT COUNT(*) FROM archive_article") == ARTICLES
    assert count(env, "SELECT COUNT(DISTINCT content_hash) FROM archive_article") == ARTICLES
    assert count(env, "SELECT COUNT(*) FROM archive_jobarticle") == ARTICLES


@pytest.mark.django_db
def test_a_failing_file_and_a_failing_job_show_their_errors(
    admin_client, tmp_path, settings, monkeypatch
):
    settings.VAR_DIR = tmp_path
    bad = b'{"id": "ok", "title": "Talks", "body": "Iran and Armenia met."}\nnot json\n'
    job = jobs.start_import([("feed.jsonl", bad), ("empty.txt", b"")])
    jobs.run(job.pk)
    page = admin_client.get(f"/admin/archive/job/{job.pk}/change/").content.decode()
    assert "feed.jsonl:2: invalid JSON" in page and "empty.txt: empty file" in page
    assert ">done<" in page and "hx-trigger" not in page  # no more polling
    assert 'failures so far: <span id="job-failed">2</span>' in page
    assert f'href="/admin/archive/article/?job={job.pk}:imported"' in page
    listed = admin_client.get(f"/admin/archive/article/?job={job.pk}:imported")
    assert [a.external_id for a in listed.context["cl"].result_list] == ["ok"]

    broken = jobs.start_import([("more.jsonl", bad)])
    Path(broken.inputs[0]["path"]).write_bytes(b"\xff\xfe" * 10)  # then the disk fails:

    def failing(*args, **kwargs):
        import_resumably(*args, **kwargs)
        raise OSError("No space left on device")

    monkeypatch.setattr(jobs, "import_resumably", failing)
    with pytest.raises(OSError):
        jobs.run(broken.pk)
    page = admin_client.get(f"/admin/archive/job/{broken.pk}/change/").content.decode()
    assert ">failed<" in page and "OSError: No space left on device" in page
    assert 'value="Resume"' in page


@pytest.mark.django_db
def test_many_selected_articles_are_re_extracted_and_re_indexed_as_jobs(
    admin_client, tmp_path, django_capture_on_commit_callbacks
):
    from archive.ingestion import import_paths

    with django_capture_on_commit_callbacks(execute=True):
        import_paths([corpus(tmp_path / "feed.jsonl", 130)])
    ids = list(Article.objects.values_list("pk", flat=True))
    for action, kind in (("rerun_extraction", Job.REEXTRACT), ("reindex", Job.REINDEX)):
        response = admin_client.post(
            "/admin/archive/article/", {"action": action, "_selected_action": ids}, follow=True
        )
        job = Job.objects.filter(kind=kind).get()
        assert "runs in the background" in response.content.decode()
        assert job.total == 130 and job.status == Job.QUEUED
        with django_capture_on_commit_callbacks(execute=True):
            jobs.run(job.pk)
        job.refresh_from_db()
        assert (job.status, job.done) == (Job.DONE, 130)
    assert not JobArticle.objects.exists()


@pytest.mark.django_db
def test_job_pages_refuse_bad_addresses_and_resume_only_what_stopped(admin_client):
    assert admin_client.get("/admin/archive/job/999/change/").status_code in (302, 404)
    assert admin_client.get("/admin/archive/job/999/progress/").status_code == 404
    job = Job.objects.create(kind=Job.REINDEX, status=Job.DONE)
    assert admin_client.get(f"/admin/archive/job/{job.pk}/resume/").status_code == 405
    response = admin_client.post(f"/admin/archive/job/{job.pk}/resume/", follow=True)
    assert "Only an interrupted or failed job can resume." in response.content.decode()
    assert admin_client.get("/admin/archive/job/").status_code == 200
