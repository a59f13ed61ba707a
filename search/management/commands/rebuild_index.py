"""`manage.py rebuild_index`: index every visible article afresh."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search import indexing


class Command(BaseCommand):
    help = "Rebuild the search index from every visible article. Searches keep working meanwhile."

    def handle(self, *args, verbosity: int = 1, **options) -> None:
        started = time.perf_counter()
        bar = tqdm(
            total=indexing.indexable_count(),
            unit="doc",
            desc="Indexing",
            disable=verbosity < 1 or None,
            file=self.stderr._out,
        )
        with bar:
            count = indexing.rebuild(on_progress=bar.update)
        seconds = time.perf_counter() - started
        rate = count / seconds if seconds else 0
        self.stdout.write(f"Indexed {count} articles in {seconds:.1f} s ({rate:.0f} docs/s).")
