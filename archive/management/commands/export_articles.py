"""`manage.py export_articles`: every article with its metadata, as JSON Lines on stdout."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from archive.mapping import iter_records


class Command(BaseCommand):
    help = "Write every article with its extracted metadata as JSON Lines to stdout."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for record in iter_records():
            self.stdout.write(json.dumps(record, ensure_ascii=False))
            count += 1
        self.stderr.write(f"Exported {count} articles.")
