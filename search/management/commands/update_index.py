"""`manage.py update_index [--since DATETIME]`: apply queued updates, then re-index what changed."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from config.progress import command_bar
from search import indexing, pending
from search.backends.base import SearchUnavailable
from search.write_lock import LockBusy


class Command(BaseCommand):
    help = (
        "Apply the queued index updates, then re-index articles changed since DATETIME (ISO, "
        "e.g. 2026-11-23 or 2026-11-23T10:00); without --since, whatever differs from the "
        "database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", metavar="DATETIME", default=None)

    def handle(self, *args: Any, since: str | None, verbosity: int = 1, **options: Any) -> None:
        moment = parse_moment(since) if since is not None else None
        try:
            queued = self._drain(verbosity)
            summary = self._update(moment)
        except LockBusy as exc:
            raise CommandError(f"The index stayed busy ({exc}); try again.") from exc
        self.stdout.write(f"{summary} ({queued} queued article updates applied first).")

    def _update(self, moment: datetime.datetime | None) -> str:
        if moment is not None:
            count = indexing.update_since(moment)
            return f"Re-indexed {count} articles changed since {moment.isoformat()}"
        try:
            diff = indexing.compare()
        except SearchUnavailable as exc:
            raise CommandError(str(exc)) from exc
        indexing.repair(diff)
        count = len(diff.missing) + len(diff.stale) + len(diff.orphaned)
        return f"Updated {count} documents that differed from the database"

    def _drain(self, verbosity: int) -> int:
        bar = command_bar(self, pending.count(), "update", "Queued", verbosity)
        with bar:
            return indexing.drain(on_progress=bar.update)


def parse_moment(text: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"--since {text!r} is not an ISO date or date-time (e.g. 2026-11-23T10:00)."
        ) from exc
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
