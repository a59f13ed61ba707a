"""`manage.py evaluate_search COLLECTION_DIR`: nDCG@10, MAP, P@10 and R@100 of Dispatch's
ranking on a relevance test collection, in a throwaway database and index."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.scratch import in_scratch, run_in_scratch
from search.evaluation import relevance
from search.evaluation.collection import Collection, CollectionError, read_collection
from search.evaluation.loading import Loaded, load
from search.evaluation.measures import MeasuresUnavailable, require_measures
from search.evaluation.progress import Progress
from search.evaluation.reference import reference_rows


class Command(BaseCommand):
    help = (
        "Import a relevance collection (docs.jsonl, queries.jsonl, qrels.trec) into a throwaway "
        "database and index, ask every query through the search service (lower-cased, as typed) "
        "and report nDCG@10, MAP, P@10, R@100 and the queries with no result, beside the "
        "reference figures of the folder's README when it has them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("collection", type=Path, metavar="COLLECTION_DIR")
        parser.add_argument(
            "--keep-case",
            action="store_true",
            help="ask the queries as written (upper-case AND, OR, NOT are operators)",
        )
        parser.add_argument("--run", type=Path, default=None, help="also write a TREC run here")
        parser.add_argument(
            "--show", type=int, default=10, help="how many queries with no result to list"
        )

    def handle(
        self,
        *args: Any,
        collection: Path,
        keep_case: bool,
        run: Path | None,
        show: int,
        verbosity: int = 1,
        **options: Any,
    ) -> None:
        try:
            require_measures()
            found = read_collection(collection)
        except (CollectionError, MeasuresUnavailable) as exc:
            raise CommandError(str(exc)) from exc
        if not in_scratch():
            argv = ["evaluate_search", str(collection.resolve()), "--show", str(show)]
            argv += ["--keep-case"] if keep_case else []
            argv += ["--run", str(run.resolve())] if run else []
            argv += ["-v", str(verbosity)]
            if run_in_scratch(*argv):
                raise CommandError("The evaluation failed (see above).")
            return
        progress = Progress(cast(TextIO, self.stderr._out), quiet=verbosity < 1)
        loaded = load(found.docs_path, progress)
        evaluation = relevance.evaluate(found, loaded, not keep_case, progress)
        self._report(found, loaded, evaluation, keep_case, show)
        if run:
            run.write_text(relevance.trec_run(evaluation.rankings), encoding="utf-8")

    def _report(
        self,
        found: Collection,
        loaded: Loaded,
        evaluation: relevance.Evaluation,
        keep_case: bool,
        show: int,
    ) -> None:
        out = self.stdout.write
        report = loaded.report
        out(
            f"Collection {found.name}: {found.documents} documents ({report.stored} articles, "
            f"{report.unchanged} identical to another, {report.failed} not imported), "
            f"{len(found.queries)} queries ({len(found.judged)} judged), "
            f"{sum(map(len, found.qrels.values()))} judgements."
        )
        for error in report.errors[:show]:
            out(f"  not imported: {error}")
        for query_id in found.unasked:
            out(f"  judged query {query_id} is not in queries.jsonl: it scores 0")
        case = "as written" if keep_case else "lower-cased"
        references = reference_rows(found.folder)
        out("")
        for line in relevance.table(f"Dispatch, queries {case}", evaluation, references):
            out(line)
        out("")
        for line in relevance.summary(evaluation, references):
            out(line)
        if evaluation.empty and show:
            out(f"Queries with no result (the first {min(show, len(evaluation.empty))}):")
            for line in relevance.unanswered(evaluation, found, show):
                out(line)
