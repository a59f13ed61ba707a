"""A Content-Security-Policy on every response: the app's own scripts and styles only."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    """Adds `settings.DISPATCH_CSP` unless a view set its own policy.

    Dispatch needs no inline script or style (htmx is served from static files, its indicator
    styles are in dispatch.css), so the policy can forbid them: an injected `<script>` or
    `javascript:` link does not run even if escaping were ever missed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.DISPATCH_CSP:
            response.headers.setdefault("Content-Security-Policy", settings.DISPATCH_CSP)
        return response
