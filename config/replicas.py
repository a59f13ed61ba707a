"""Read replicas: public page reads go to a replica, everything else to the primary.

`DATABASE_REPLICA_URLS` adds the aliases `replica1`, `replica2`, ... A GET or HEAD outside
the admin reads from one of them (in turn); writes, the admin, commands and background work
always use the primary, so nobody reads their own change from a replica that lags. A
replica that fails is skipped for `DOWN_SECONDS` and the request is answered again from the
primary: a replica going away costs a retry, never an error page.
"""

from __future__ import annotations

import contextvars
import itertools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponseBase

DOWN_SECONDS = 10.0
READ_METHODS = {"GET", "HEAD"}
logger = logging.getLogger(__name__)

_reads_from_replica = contextvars.ContextVar("reads_from_replica", default=False)
_used: contextvars.ContextVar[str | None] = contextvars.ContextVar("replica_used", default=None)
_down_until: dict[str, float] = {}
_turns = itertools.count()


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def _healthy_replica() -> str | None:
    aliases = replica_aliases()
    now = time.monotonic()
    start = next(_turns)
    for step in range(len(aliases)):
        alias = aliases[(start + step) % len(aliases)]
        if _down_until.get(alias, 0.0) <= now:
            return alias
    return None


class ReplicaRouter:
    """Django's database router for the aliases above."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if not _reads_from_replica.get():
            return None  # the primary
        alias = _used.get() or _healthy_replica()
        _used.set(alias)  # one replica for the whole request
        return alias

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


class ReplicaReadsMiddleware:
    """Turns replica reads on for public GET and HEAD requests, and answers again from the
    primary when the replica fails."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            not replica_aliases()
            or request.method not in READ_METHODS
            or request.path.startswith("/admin/")
        ):
            return self.get_response(request)
        reading, used = _reads_from_replica.set(True), _used.set(None)
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(reading)
            _used.reset(used)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponseBase | None:
        """A view (or its template) that failed reading a replica: once more, from the
        primary (Django hands view and rendering errors here, not to `__call__`)."""
        alias = _used.get()
        if not isinstance(exception, DatabaseError) or alias is None:
            return None
        self._skip(alias)
        _reads_from_replica.set(False)
        return self.get_response(request)

    @staticmethod
    def _skip(alias: str) -> None:
        logger.warning("Replica %s failed; reading from the primary for %s s.", alias, DOWN_SECONDS)
        _down_until[alias] = time.monotonic() + DOWN_SECONDS
        connections[alias].close()
