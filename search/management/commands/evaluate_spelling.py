"""`manage.py evaluate_spelling CORPUS.jsonl [-n 500] [--seed 1]`: precision and recall of
"Did you mean" on a set generated from the corpus, in a scratch database and index."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.ingestion import import_paths
from archive.models import Article
from archive.scratch import in_scratch, run_in_scratch
from archive.signals import deferred_updates
from search import indexing
from search.backends import get_backend
from search.benchmark import misspellings
from search.query import SearchParams
from search.service import search_query


class Command(BaseCommand):
    help = (
        "Import a JSONL corpus into a throwaway database and index, draw N of its words and "
        "names with one typing error each and N correct words, ask the search backend for a "
        "suggestion for each, and print precision, recall and correct words changed, for the "
        "half of the set the thresholds were tuned on and the half they were not."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("corpus", type=Path, metavar="CORPUS")
        parser.add_argument(
            "-n", "--count", type=int, default=500, help="misspelled words, and correct ones"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--min-articles", type=int, default=2, help="draw words used in this many articles"
        )
        parser.add_argument("--examples", type=int, default=10, help="wrong ones to show")

    def handle(self, *args: Any, corpus: Path, count: int, **options: Any) -> None:
        if not corpus.is_file():
            raise CommandError(f"{corpus}: no such file")
        if count < 2:
            raise CommandError("-n must be at least 2.")
        if not in_scratch():
            argv = ["evaluate_spelling", str(corpus.resolve()), "-n", str(count)]
            for name in ("seed", "min_articles", "examples"):
                argv += [f"--{name.replace('_', '-')}", str(options[name])]
            if run_in_scratch(*argv):
                raise CommandError("The evaluation failed (see above).")
            return
        self._run(corpus, count, options)

    def _run(self, corpus: Path, count: int, options: dict[str, Any]) -> None:
        with deferred_updates():
            import_paths([corpus])
        indexing.rebuild()
        texts = Article.objects.visible().values_list("title", "body")
        counts = misspellings.article_counts(f"{title}\n{body}" for title, body in texts)
        kinds = misspellings.pools(counts, options["min_articles"])
        cases = misspellings.generate(kinds, _finds_something, count, options["seed"])
        suggestions, seconds = {}, []
        backend = get_backend()
        for case in cases:
            started = time.perf_counter()
            suggestions[case.typed] = backend.suggest(search_query(SearchParams(q=case.typed))[0])
            seconds.append(time.perf_counter() - started)
        scores = misspellings.score(cases, suggestions)
        self._report(corpus, len(counts), scores, options)
        self.stdout.write(
            f"\nSuggestion time: mean {statistics.fmean(seconds) * 1000:.1f} ms, "
            f"max {max(seconds) * 1000:.1f} ms"
        )

    def _report(
        self,
        corpus: Path,
        forms: int,
        scores: dict[str, misspellings.Score],
        options: dict[str, Any],
    ) -> None:
        out = self.stdout.write
        out(
            f"Corpus: {corpus.name}, {Article.objects.visible().count()} articles, {forms} word "
            f"forms; seed {options['seed']}; words of 4+ letters used in "
            f"{options['min_articles']}+ articles"
        )
        out(
            "| part | misspelled | corrections | restored | precision | recall "
            "| correct words | changed |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
        )
        for part, score in scores.items():
            out(
                f"| {part} | {score.misspelled} | {score.made} | {score.restored} "
                f"| {score.precision:.3f} | {score.recall:.3f} | {score.correct} "
                f"| {score.changed} |"
            )
        wrong = scores["report"].examples[: options["examples"]]
        if wrong:
            out("\nWrong in the report part:\n" + "\n".join(f"- {line}" for line in wrong))


def _finds_something(word: str) -> bool:
    query, _ = search_query(SearchParams(q=word, page_size=1))
    return get_backend().search(query).total > 0
