"""`manage.py evaluate_extraction GOLD`: precision, recall and F1 of extraction against gold."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.evaluation import Evaluation
from archive.goldsets import GoldCase, GoldSetError, load_cases
from archive.ingestion import Importer, ImportReport
from archive.mapping import export_record
from archive.models import Article
from archive.scratch import in_scratch, run_in_scratch


def default_corpus_dir() -> Path:
    return Path(
        os.environ.get("DISPATCH_CORPUS_DIR", settings.BASE_DIR.parent / "shared" / "corpus")
    )


class Command(BaseCommand):
    help = (
        "Import the articles of a gold set into a throwaway database, extract, and print "
        "precision, recall and F1 per field with every miss and false hit. GOLD is a gold.json "
        "beside its article files, or JSON Lines of {id, gold} (text from the row's title/body "
        "or from the corpus record with that id)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", metavar="GOLD")
        parser.add_argument("--corpus", type=Path, default=None, help="folder of corpus .jsonl")
        parser.add_argument(
            "--articles",
            type=Path,
            default=None,
            help="folder of a gold.json's article files (default: the gold file's folder)",
        )
        parser.add_argument(
            "--json", dest="json_out", type=Path, default=None, help="also write scores here"
        )

    def handle(
        self,
        *args: Any,
        gold: str,
        corpus: Path | None,
        articles: Path | None,
        json_out: Path | None,
        **options: Any,
    ) -> None:
        corpus = corpus or default_corpus_dir()
        try:
            cases = load_cases(Path(gold), corpus, articles)
        except GoldSetError as exc:
            raise CommandError(str(exc)) from exc
        if not in_scratch():
            argv = ["evaluate_extraction", str(Path(gold).resolve()), "--corpus", str(corpus)]
            if articles:
                argv += ["--articles", str(articles.resolve())]
            if json_out:
                argv += ["--json", str(json_out.resolve())]
            status = run_in_scratch(*argv)
            if status:
                raise CommandError(f"evaluation failed (exit status {status})")
            return
        self._evaluate(cases, json_out)

    def _evaluate(self, cases: list[GoldCase], json_path: Path | None) -> None:
        Importer().import_batch([case.article for case in cases], ImportReport())
        evaluation = Evaluation()
        for case in cases:
            article = Article.objects.with_metadata().get(external_id=case.article.external_id)
            evaluation.add(case.name, export_record(article), case.gold)
        self.stdout.write(f"Evaluated {evaluation.articles} articles.")
        for line in evaluation.report_lines():
            self.stdout.write(line)
        if json_path:
            json_path.write_text(json.dumps(evaluation.as_dict(), indent=2), encoding="utf-8")
