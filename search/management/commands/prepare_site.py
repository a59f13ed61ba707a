"""`manage.py prepare_site [--seeds DIR]`: what `make run` does before serving, on every start.

The seeds go only into an empty archive, the index is rebuilt only when it must be (missing,
unreadable, laid out by older code) and otherwise updated in place, so a restart takes
seconds whatever the archive's size and keeps every curator's change.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.ingestion import import_paths
from archive.models import Article
from archive.signals import deferred_updates
from config.progress import command_bar, ticker
from search import indexing
from search.backends.base import RebuildRunning
from search.write_lock import LockBusy


class Command(BaseCommand):
    help = (
        "Import the seed articles into an empty archive (--seeds DIR), then bring the search "
        "index up to date: rebuilt only when missing or built by an older version, otherwise "
        "updated in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seeds", metavar="DIR", default=None, help="import these into an empty archive"
        )
        parser.add_argument(
            "--procs", type=int, default=1, help="processes for a rebuild (1 to 32)"
        )

    def handle(
        self, *args: Any, seeds: str | None, procs: int, verbosity: int = 1, **options: Any
    ) -> None:
        if not 1 <= procs <= 32:
            raise CommandError("--procs must be between 1 and 32.")
        if seeds is not None:
            self._seed(Path(seeds))
        self._index(procs, verbosity)
        if not get_user_model().objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin: no administrator account yet; create one with "
                f"`{os.path.relpath(sys.executable)} manage.py createsuperuser` (same environment)."
            )

    def _seed(self, folder: Path) -> None:
        if not folder.is_dir():
            raise CommandError(f"--seeds {folder}: no such folder.")
        held = Article.objects.count()
        if held:
            self.stdout.write(f"Seeds: left out, the archive already holds {held} articles.")
            return
        with deferred_updates():  # the index step below takes them in one go
            report = import_paths([folder])
        self.stdout.write(f"Seeds: {report.summary()} (the archive was empty).")
        for error in report.errors:
            self.stderr.write(f"failed: {error}")

    def _index(self, procs: int, verbosity: int) -> None:
        started = time.perf_counter()
        bar = command_bar(
            self, indexing.indexable_count(), "doc", "Indexing", verbosity, leave=False
        )

        try:
            with bar:
                ready = indexing.make_ready(on_progress=ticker(bar), procs=procs)
        except (RebuildRunning, LockBusy) as exc:
            raise CommandError(f"The index is busy ({exc}); try again.") from exc
        seconds = time.perf_counter() - started
        if ready.rebuilt_because is not None:
            self.stdout.write(
                f"Index: rebuilt, as {ready.rebuilt_because}: {ready.documents} articles in "
                f"{seconds:.1f} s."
            )
        else:
            self.stdout.write(
                f"Index: up to date, no rebuild ({ready.documents} articles updated in "
                f"{seconds:.1f} s)."
            )
