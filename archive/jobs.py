"""Background jobs: imports of uploaded files, re-extraction and re-indexing of many articles.

A job is created and queued in the request (which returns at once) and run by a worker
(`manage.py db_worker`) in batches. Each batch commits together with the job's checkpoint
(where to go on, the counts so far), so a worker killed at any moment leaves a job that
resumes to the same final counts with no article twice.
"""

from __future__ import annotations

import os
import shutil
import socket
import traceback
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone

from archive import curation
from archive.files import estimate_count
from archive.ingestion import ImportReport, import_resumably
from archive.models import Article, Job, JobArticle
from archive.records import Notice, SourceError

COUNTED = ("imported", "updated", "unchanged", "replaced")  # an import's counts per file
CHUNK = 200  # articles per batch of a re-extraction or re-indexing job
SHOWN_PROBLEMS = 200  # errors and notices kept per file: a bad file cannot bloat the job


def uploads_folder() -> Path:
    return Path(settings.VAR_DIR) / "uploads"


# --- creating ---------------------------------------------------------------------------------


def start_import(files: Iterable[tuple[str, bytes | Iterable[bytes]]], user: Any = None) -> Job:
    """Keep the uploaded (name, content) files on disk for the worker and queue their job;
    a content is bytes or chunks of them (an upload is copied without being held whole)."""
    with transaction.atomic():
        job = Job.objects.create(kind=Job.IMPORT, created_by=user)
        folder = uploads_folder() / f"job-{job.pk}"
        inputs, reports = [], []
        for number, (name, content) in enumerate(files):
            safe = Path(name).name
            safe = "upload" if safe in {"", ".", ".."} else safe
            path = folder / str(number) / safe  # the name is a .txt article's id
            report = _file_report(safe)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("wb") as out:
                    for chunk in [content] if isinstance(content, bytes) else content:
                        out.write(chunk)
            except OSError as exc:  # an impossible name, a full disk: report, do not fail
                report.update(failed=1, errors=[[safe, exc.strerror or str(exc)]])
                path = Path()
            inputs.append({"name": safe, "path": str(path) if path.name else ""})
            reports.append(report)
        job.inputs = inputs
        job.total = estimate_count([item["path"] for item in inputs if item["path"]])
        job.report = {"files": reports}
        job.save(update_fields=["inputs", "total", "report"])
        _enqueue(job)
    return job


def start_batch(kind: str, article_ids: Iterable[int], user: Any = None) -> Job:
    """Queue a re-extraction or re-indexing of these articles."""
    ids = sorted(set(article_ids))
    with transaction.atomic():
        job = Job.objects.create(kind=kind, created_by=user, inputs=ids, total=len(ids))
        _enqueue(job)
    return job


def resume(job: Job) -> bool:
    """Queue an interrupted or failed job again, to go on from its last checkpoint."""
    if not (is_interrupted(job) or job.status == Job.FAILED):
        return False
    with transaction.atomic():
        Job.objects.filter(pk=job.pk).update(status=Job.QUEUED, error="", worker="")
        _enqueue(job)
    return True


def _enqueue(job: Job) -> None:
    from archive.tasks import run_job  # the task module imports this one

    transaction.on_commit(lambda: run_job.enqueue(job.pk))


# --- state ------------------------------------------------------------------------------------


def is_interrupted(job: Job) -> bool:
    """Running, but its worker is gone: a process of this host that no longer exists, or
    no checkpoint for `DISPATCH_JOB_STALE_SECONDS`."""
    if job.status != Job.RUNNING:
        return False
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
        return True
    stale = timedelta(seconds=settings.DISPATCH_JOB_STALE_SECONDS)
    return job.heartbeat_at is None or timezone.now() - job.heartbeat_at > stale


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (killed, not yet reaped by its parent) is no worker either.
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


@dataclass
class FileCounts:
    name: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    errors: list[list[str]] = field(default_factory=list)  # the first SHOWN_PROBLEMS
    notices: list[list[str]] = field(default_factory=list)


def _file_report(name: str) -> dict[str, Any]:
    return asdict(FileCounts(name))


# --- running ----------------------------------------------------------------------------------


def run(job_id: int) -> None:
    """Run (or go on with) a job; the task a worker runs. A job that raises is marked failed
    with its error, keeping what it had done."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.status == Job.DONE:
        return
    if job.status == Job.RUNNING and not is_interrupted(job):
        return  # another worker has it
    now = timezone.now()
    job.status, job.heartbeat_at = Job.RUNNING, now
    job.worker = f"{socket.gethostname()}:{os.getpid()}"
    job.started_at = job.started_at or now
    job.save(update_fields=["status", "worker", "heartbeat_at", "started_at"])
    try:
        if job.kind == Job.IMPORT:
            _run_import(job)
        else:
            _run_articles(job)
    except Exception as exc:
        Job.objects.filter(pk=job.pk).update(
            status=Job.FAILED,
            error=f"{exc.__class__.__name__}: {exc}\n\n{traceback.format_exc(limit=5)}",
            finished_at=timezone.now(),
        )
        raise
    Job.objects.filter(pk=job.pk).update(status=Job.DONE, finished_at=timezone.now())
    if job.kind == Job.IMPORT:
        shutil.rmtree(uploads_folder() / f"job-{job.pk}", ignore_errors=True)


def _run_import(job: Job) -> None:
    files = job.report.setdefault("files", [_file_report(i["name"]) for i in job.inputs])
    start_file = int(job.position.get("file", 0))
    for index in range(start_file, len(job.inputs)):
        start = int(job.position.get("item", 0)) if index == start_file else 0
        if not job.inputs[index]["path"]:
            continue  # could not be kept on disk: reported when uploaded
        path = Path(job.inputs[index]["path"])
        checkpoint = _FileCheckpoint(job, files, index, folder=f"{path.parent}/")
        import_resumably(path, checkpoint.report, start, checkpoint)


class _FileCheckpoint:
    """Records one file's progress into its job, in each batch's transaction."""

    def __init__(self, job: Job, files: list[dict[str, Any]], index: int, folder: str) -> None:
        self.job, self.files, self.index = job, files, index
        self.folder = folder  # where the upload waits: named by the curator's file name only
        self.counts = files[index]
        self.report = ImportReport(**{k: self.counts[k] for k in COUNTED})  # so far
        self.errors_seen = self.notices_seen = 0  # of `report`'s, this run

    def __call__(self, position: int, imported: list[int], updated: list[int]) -> None:
        counts, report, job = self.counts, self.report, self.job
        counts.update({k: getattr(report, k) for k in COUNTED})
        counts["failed"] += len(report.errors) - self.errors_seen
        counts["errors"] += self._problems(report.errors[self.errors_seen :], counts["errors"])
        counts["notices"] += self._problems(report.notices[self.notices_seen :], counts["notices"])
        self.errors_seen, self.notices_seen = len(report.errors), len(report.notices)
        rows = [(pk, JobArticle.IMPORTED) for pk in imported]
        rows += [(pk, JobArticle.UPDATED) for pk in updated]
        JobArticle.objects.bulk_create(
            [JobArticle(job=job, article_id=pk, outcome=outcome) for pk, outcome in rows]
        )
        _record_history(job, imported, ADDITION, self.counts["name"])
        _record_history(job, updated, CHANGE, self.counts["name"])
        if position == -1:
            job.position = {"file": self.index + 1, "item": 0}
        else:
            job.position = {"file": self.index, "item": position}
        job.done = sum(sum(f[k] for k in COUNTED) + f["failed"] for f in self.files)
        _save_checkpoint(job)

    def _problems(
        self, found: list[SourceError] | list[Notice], kept: list[list[str]]
    ) -> list[list[str]]:
        room = max(0, SHOWN_PROBLEMS - len(kept))
        return [
            [p.origin.replace(self.folder, ""), p.reason.replace(self.folder, "")]
            for p in found[:room]
        ]


def _record_history(job: Job, ids: list[int], flag: int, name: str) -> None:
    """In each article's admin history, as the curator who uploaded the file."""
    if ids and job.created_by_id is not None:
        LogEntry.objects.log_actions(
            user_id=job.created_by_id,
            queryset=list(Article.objects.filter(pk__in=ids)),
            action_flag=flag,
            change_message=f"Imported from upload {name} (job #{job.pk}).",
        )


def _run_articles(job: Job) -> None:
    ids: list[int] = list(job.inputs)
    start = int(job.position.get("item", 0))
    changed_total = int(job.report.get("changed", 0))
    for offset in range(start, len(ids), CHUNK):
        chunk = ids[offset : offset + CHUNK]
        with transaction.atomic():
            if job.kind == Job.REEXTRACT:
                changed_total += curation.rerun_extraction(chunk)[0]
            else:
                curation.reindex(chunk)
            job.position = {"item": offset + len(chunk)}
            job.done = offset + len(chunk)
            job.report = {"changed": changed_total} if job.kind == Job.REEXTRACT else {}
            _save_checkpoint(job)


def _save_checkpoint(job: Job) -> None:
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["position", "done", "report", "heartbeat_at"])
