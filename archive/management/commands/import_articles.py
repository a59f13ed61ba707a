"""`manage.py import_articles PATH...`: import .txt / .jsonl files and folders of them."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.ingestion import import_paths
from archive.signals import deferred_updates
from archive.sources import estimate_count
from config.progress import command_bar

MAX_PROCS = 64


class Command(BaseCommand):
    help = (
        "Import articles from .txt files (first non-empty line is the headline), .jsonl files "
        "(one JSON object per line: title, body, optional date, source, url, id) and folders "
        "of them. Importing the same content again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="leave the search index alone (faster for large imports); "
            "run rebuild_index afterwards",
        )
        parser.add_argument(
            "--procs",
            type=int,
            default=1,
            help="extract in this many worker processes (one process writes); "
            "2 on a machine with 2 cores",
        )

    def handle(
        self,
        *args: Any,
        paths: list[str],
        no_index: bool,
        procs: int,
        verbosity: int = 1,
        **options: Any,
    ) -> None:
        if not 1 <= procs <= MAX_PROCS:
            raise CommandError(f"--procs must be between 1 and {MAX_PROCS}.")
        bar = command_bar(self, estimate_count(paths), "article", "Importing", verbosity)
        started = time.perf_counter()
        with bar, deferred_updates() if no_index else contextlib.nullcontext():
            report = import_paths(paths, on_progress=bar.update, procs=procs)
        seconds = time.perf_counter() - started
        for notice in report.notices:
            self.stderr.write(f"warning: {notice}")
        for error in report.errors:
            self.stderr.write(f"failed: {error}")
        rate = report.stored / seconds if seconds else 0.0
        self.stdout.write(f"{report.summary()} in {seconds:.1f} s ({rate:.0f} articles/s stored).")
        if no_index and report.stored:
            self.stdout.write("The search index was not updated: run `manage.py rebuild_index`.")
        if report.failed:
            raise CommandError(f"{report.failed} item(s) could not be imported (see above).")
