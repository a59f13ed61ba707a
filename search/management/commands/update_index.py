"""`manage.py update_index [--since DATETIME]`: re-index what changed."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search import indexing
from search.backends.base import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Re-index articles changed since DATETIME (ISO, e.g. 2026-11-23 or "
        "2026-11-23T10:00); without --since, whatever differs from the database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", metavar="DATETIME", default=None)

    def handle(self, *args, since: str | None, **options) -> None:
        if since is None:
            try:
                diff = indexing.compare()
            except SearchUnavailable as exc:
                raise CommandError(str(exc)) from exc
            indexing.repair(diff)
            count = len(diff.missing) + len(diff.stale) + len(diff.orphaned)
            self.stdout.write(f"Updated {count} documents that differed from the database.")
            return
        moment = parse_moment(since)
        count = indexing.update_since(moment)
        self.stdout.write(f"Re-indexed {count} articles changed since {moment.isoformat()}.")


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
