"""The review queue's box on the admin's home page: entries per kind, for those who may act."""

from __future__ import annotations

from typing import Any

from django import template

from archive import review
from archive.admin.review import PERMISSION

register = template.Library()


@register.inclusion_tag("admin/archive/review_box.html", takes_context=True)
def review_box(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    if not request.user.has_perm(PERMISSION):
        return {"shown": False}
    counts = review.counts()
    rows = [(name, kind.title, counts[name]) for name, kind in review.KINDS.items()]
    return {"shown": True, "rows": rows}
