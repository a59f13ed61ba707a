"""The review queue's pages in the admin: suspect entries by kind, and one-click fixes."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from archive import review
from archive.admin.articles import log
from archive.models import Person

PERMISSION = "archive.review_metadata"
PER_PAGE = 50


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """Every kind with its count and rule; the entries of the one chosen (`?kind=`)."""
    _allowed(request)
    kind = request.GET.get("kind", "")
    if kind not in review.KINDS:
        kind = ""
    entries = None
    counts = review.counts()
    if kind:
        paginator = Paginator(review.suspects(kind), PER_PAGE)
        entries = paginator.get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "rows": [(name, k.title, k.rule, counts[name]) for name, k in review.KINDS.items()],
        "kind": kind,
        "kind_title": review.KINDS[kind].title if kind else "",
        "entries": entries,
        "actions": review.KINDS[kind].actions if kind else (),
        "person_kind": Person.PERSON,
    }
    return TemplateResponse(request, "admin/archive/review.html", context)


@require_POST
def act(request: HttpRequest) -> HttpResponseRedirect:
    """Apply one action to one entry, then back to where the curator was."""
    _allowed(request)
    post = request.POST
    kind, page = post.get("kind", ""), post.get("page", "")
    try:
        done = review.act(
            kind,
            post.get("key", ""),
            post.get("action", ""),
            person_id=_id(post.get("person")),
            statement_id=_id(post.get("statement")),
            suggestion_id=_id(post.get("suggestion")),
            user=request.user,
        )
    except review.ReviewError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
        _log(request, post.get("action", ""), post.get("suggestion"), done)
    query = urlencode({k: v for k, v in (("kind", kind), ("page", page)) if v})
    return HttpResponseRedirect(reverse("review-queue") + (f"?{query}" if query else ""))


def _id(value: str | None) -> int | None:
    if value and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def _log(request: HttpRequest, action: str, kept: str | None, message: str) -> None:
    """A merge goes into the kept person's history, as the merge action records it."""
    person_id = _id(kept)
    if action == review.MERGE and person_id is not None:
        log(request, Person.objects.filter(pk=person_id), f"Review queue: {message}")
