"""The tasks a background worker (`manage.py db_worker`) runs."""

from __future__ import annotations

from django_tasks import task

from archive import jobs


@task()
def run_job(job_id: int) -> None:
    jobs.run(job_id)
