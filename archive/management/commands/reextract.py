"""`manage.py reextract [--all | ID...]`: run the current extractor again on stored raw text."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from archive.extraction import EXTRACTOR_VERSION
from archive.models import Article
from archive.reextraction import reextract
from config.progress import command_bar

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Extract metadata again from each article's stored raw text, leaving fields a curator "
        "edited untouched, and re-index the articles whose metadata changed. Without arguments, "
        "only articles extracted by an older extractor version."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", metavar="ID", help="article ids")
        parser.add_argument("--all", action="store_true", help="every article")

    def handle(
        self, *args: Any, ids: list[str], all: bool, verbosity: int = 1, **options: Any
    ) -> None:
        articles = self._select(ids, all)
        total = articles.count()
        changed = unchanged = 0
        bar = command_bar(self, total, "article", "Re-extracting", verbosity)
        with bar:
            pks = list(articles.values_list("pk", flat=True))
            for start in range(0, len(pks), CHUNK):
                chunk = Article.objects.with_metadata().filter(pk__in=pks[start : start + CHUNK])
                done = reextract(chunk)
                changed, unchanged = changed + done[0], unchanged + done[1]
                bar.update(sum(done))
        self.stdout.write(
            f"Re-extracted {total} articles with extractor v{EXTRACTOR_VERSION}: "
            f"{changed} changed (re-indexed), {unchanged} unchanged."
        )

    def _select(self, ids: list[str], every: bool) -> QuerySet[Article]:
        if ids and every:
            raise CommandError("Give article ids or --all, not both.")
        if every:
            return Article.objects.order_by("pk")
        if not ids:
            return Article.objects.filter(extractor_version__lt=EXTRACTOR_VERSION).order_by("pk")
        bad = [i for i in ids if not i.isdigit()]
        if bad:
            raise CommandError(f"Not article ids: {', '.join(bad)}")
        wanted = {int(i) for i in ids}
        found = Article.objects.filter(pk__in=wanted)
        missing = wanted - set(found.values_list("pk", flat=True))
        if missing:
            raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}")
        return found.order_by("pk")
