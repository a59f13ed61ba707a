"""Background jobs in the admin: their list, and a page each that follows their progress."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from archive import jobs
from archive.models import Job, JobArticle


def status_of(job: Job) -> str:
    """The job's status as a curator should read it: "interrupted" when its worker is gone."""
    return "interrupted" if jobs.is_interrupted(job) else job.get_status_display().lower()


@admin.register(Job)
class JobAdmin(admin.ModelAdmin[Job]):
    list_display = ["__str__", "state", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["created_by"]

    class Media:
        css = {"all": ["archive/admin.css"]}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # jobs come from uploads and actions

    def has_change_permission(self, request: HttpRequest, obj: Job | None = None) -> bool:
        return False  # nothing to edit: the page only follows the job

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("<int:job_id>/progress/", view(self.progress_view), name="archive_job_progress"),
            path("<int:job_id>/resume/", view(self.resume_view), name="archive_job_resume"),
            *super().get_urls(),
        ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Job]:
        return super().get_queryset(request).defer("inputs", "report")

    @admin.display(description="status")
    def state(self, job: Job) -> str:
        return status_of(job)

    @admin.display(description="progress")
    def progress(self, job: Job) -> str:
        return f"{job.done} of {job.total}"

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        job = self._job(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            **self._progress_context(request, job),
            "opts": self.model._meta,
            "title": str(job),
        }
        return TemplateResponse(request, "admin/archive/job.html", context)

    def progress_view(self, request: HttpRequest, job_id: int) -> HttpResponse:
        """The job's progress alone: what the page's htmx fetches every second."""
        job = self._job(request, str(job_id))
        context = self._progress_context(request, job)
        return TemplateResponse(request, "admin/archive/_job_progress.html", context)

    def resume_view(self, request: HttpRequest, job_id: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        job = self._job(request, str(job_id))
        if not request.user.has_perm("archive.change_job"):
            raise PermissionDenied
        if jobs.resume(job):
            self.message_user(request, "Resumed: the job goes on from its last checkpoint.")
        else:
            self.message_user(
                request, "Only an interrupted or failed job can resume.", messages.WARNING
            )
        return redirect("admin:archive_job_change", job.pk)

    def _job(self, request: HttpRequest, object_id: str) -> Job:
        job = self.get_object(request, object_id)
        if job is None:
            raise Http404("No such job.")
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        return job

    def _progress_context(self, request: HttpRequest, job: Job) -> dict[str, Any]:
        state = status_of(job)
        files = job.report.get("files", []) if job.kind == Job.IMPORT else []
        articles = reverse("admin:archive_article_changelist")
        return {
            "job": job,
            "state": state,
            "active": state in ("queued", "running"),
            "percent": round(100 * job.done / job.total)
            if job.total
            else (100 if state == "done" else 0),
            "files": files,
            "files_done": min(int(job.position.get("file", 0)), len(files)),
            "failed": sum(f.get("failed", 0) for f in files),
            "imported_url": f"{articles}?job={job.pk}:{JobArticle.IMPORTED}",
            "updated_url": f"{articles}?job={job.pk}:{JobArticle.UPDATED}",
            "can_resume": state in ("interrupted", "failed")
            and request.user.has_perm("archive.change_job"),
        }
