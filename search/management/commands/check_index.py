"""`manage.py check_index [--fix]`: compare the database with the search index."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from search import indexing, pending
from search.backends.base import SearchUnavailable
from search.write_lock import LockBusy

SHOWN = 10


class Command(BaseCommand):
    help = (
        "Report articles missing from the index, indexed from an older version (stale), or "
        "indexed though hidden or deleted (orphaned), and how many updates are queued; --fix "
        "repairs them and applies the queue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="repair what differs")

    def handle(self, *args: Any, fix: bool, **options: Any) -> None:
        try:
            diff = indexing.compare()
        except SearchUnavailable as exc:
            raise CommandError(str(exc)) from exc
        for name in ("missing", "stale", "orphaned"):
            ids = getattr(diff, name)
            listed = ", ".join(map(str, ids[:SHOWN])) + (" …" if len(ids) > SHOWN else "")
            self.stdout.write(f"{name:>9}: {len(ids)}" + (f" ({listed})" if ids else ""))
        # Queued updates are normal under load (the catch-up applies them within seconds):
        # reported, not a difference by themselves.
        queued = pending.count()
        self.stdout.write(f"{'queued':>9}: {queued}")
        if diff.clean:
            self.stdout.write("The index matches the database.")
        elif not fix:
            raise CommandError("The index differs from the database; run with --fix to repair.")
        if fix and (queued or not diff.clean):
            try:
                indexing.drain()
                indexing.repair(indexing.compare())
            except LockBusy as exc:
                raise CommandError(f"The index stayed busy ({exc}); try again.") from exc
            self.stdout.write("Repaired: the index now matches the database.")
