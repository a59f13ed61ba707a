"""`manage.py evaluate_known_items CORPUS.jsonl [-n N] [--seed S]`: how often a passage pasted
from an article finds that article first, in a throwaway database and index."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.scratch import in_scratch, run_in_scratch
from search.evaluation import known_items
from search.evaluation.loading import load, read_sources
from search.evaluation.passages import MAX_WORDS, MIN_WORDS, Source, draw
from search.evaluation.progress import Progress


class Command(BaseCommand):
    help = (
        f"Import a JSONL corpus into a throwaway database and index, draw N passages of "
        f"{MIN_WORDS}-{MAX_WORDS} words from its articles (seeded; clean, cut mid-word, across "
        "a paragraph break, in curly quotes), ask each as pasted through the search service and "
        "report how often its article ranks first, in the top 10, the MRR and query times."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("corpus", type=Path, metavar="CORPUS.jsonl")
        parser.add_argument("-n", "--passages", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--show", type=int, default=10, help="how many misses to list (default 10)"
        )

    def handle(
        self,
        *args: Any,
        corpus: Path,
        passages: int,
        seed: int,
        show: int,
        verbosity: int = 1,
        **options: Any,
    ) -> None:
        if not corpus.is_file():
            raise CommandError(f"{corpus}: no such file")
        if corpus.suffix.lower() != ".jsonl":
            raise CommandError(f"{corpus}: expected a .jsonl file (one article per line)")
        if passages < 1:
            raise CommandError("-n must be at least 1.")
        if not in_scratch():
            argv = ["evaluate_known_items", str(corpus.resolve()), "-n", str(passages)]
            argv += ["--seed", str(seed), "--show", str(show), "-v", str(verbosity)]
            if run_in_scratch(*argv):
                raise CommandError("The evaluation failed (see above).")
            return
        self._evaluate(corpus, passages, seed, show, verbosity < 1)

    def _evaluate(self, corpus: Path, count: int, seed: int, show: int, quiet: bool) -> None:
        out = self.stdout.write
        progress = Progress(cast(TextIO, self.stderr._out), quiet)
        loaded = load(corpus, progress)
        article_of = loaded.article_of
        sources = [Source(r.external_id, r.text) for r in read_sources(corpus)]
        drawn = draw([s for s in sources if s.id in article_of], count, seed)
        if not drawn:
            raise CommandError(f"{corpus}: no article has {MIN_WORDS} words or more")
        holders = known_items.holders(drawn, sources)
        outcomes = known_items.search_passages(drawn, holders, article_of, progress)
        report = loaded.report
        out(
            f"Corpus {corpus.name}: {report.stored} articles ({report.unchanged} identical to "
            f"another, {report.failed} lines not imported); {len(drawn)} passages of "
            f"{MIN_WORDS}-{MAX_WORDS} words, seed {seed}, each asked as pasted."
        )
        out("")
        for line in known_items.table(outcomes):
            out(line)
        out("")
        timing = known_items.latency(outcomes)
        out(
            f"Query time p50 {timing.percentile(50) * 1000:.1f} ms, "
            f"p95 {timing.percentile(95) * 1000:.1f} ms."
        )
        shared = sum(len(ids) > 1 for ids in holders)
        out(
            f"{shared} of {len(drawn)} passages occur verbatim in more than one article; any "
            "of those articles at rank 1 counts as found."
        )
        missed = known_items.misses(outcomes, show)
        if missed:
            out(f"Passages whose article was not first (the first {len(missed)}):")
            for line in missed:
                out(line)
