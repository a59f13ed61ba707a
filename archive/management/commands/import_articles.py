"""`manage.py import_articles PATH...`: import .txt / .jsonl files and folders of them."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.ingestion import import_paths
from archive.sources import estimate_count


class Command(BaseCommand):
    help = (
        "Import articles from .txt files (first non-empty line is the headline), .jsonl files "
        "(one JSON object per line: title, body, optional date, source, url, id) and folders "
        "of them. Importing the same content again changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, paths: list[str], verbosity: int = 1, **options) -> None:
        bar = tqdm(
            total=estimate_count(paths),
            unit="article",
            desc="Importing",
            disable=verbosity < 1 or None,
            file=self.stderr._out,
        )
        with bar:
            report = import_paths(paths, on_progress=bar.update)
        for error in report.errors:
            self.stderr.write(f"failed: {error}")
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(f"{report.failed} item(s) could not be imported (see above).")
