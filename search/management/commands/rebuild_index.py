"""`manage.py rebuild_index [--procs N]`: index every visible article into a fresh index."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.progress import command_bar, ticker
from search import backends, indexing
from search.backends.base import RebuildRunning


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every visible article into a fresh folder and switch to "
        "it atomically: searches keep answering from the old index meanwhile."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--procs",
            type=int,
            default=1,
            help="indexing processes (Whoosh's multi-process writer)",
        )

    def handle(self, *args: Any, procs: int, verbosity: int = 1, **options: Any) -> None:
        if not 1 <= procs <= 32:
            raise CommandError("--procs must be between 1 and 32.")
        started = time.perf_counter()
        bar = command_bar(self, indexing.indexable_count(), "doc", "Indexing", verbosity)

        try:
            with bar:
                count = indexing.rebuild(on_progress=ticker(bar), procs=procs)
        except RebuildRunning as exc:
            raise CommandError(f"{exc} Wait for it to finish.") from exc
        seconds = time.perf_counter() - started
        rate = count / seconds if seconds else 0
        size = backends.get_backend().size_bytes() / 1_000_000
        self.stdout.write(
            f"Indexed {count} articles in {seconds:.1f} s ({rate:.0f} docs/s, {procs} "
            f"process{'es' if procs > 1 else ''}); index size {size:.1f} MB."
        )
