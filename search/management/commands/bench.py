"""`manage.py bench [-n N] [--corpus FILE]`: import, index and query timings in a scratch copy."""

from __future__ import annotations

import platform
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from archive.scratch import in_scratch, run_in_scratch
from search import aliases
from search.benchmark import runner, synthetic


class Command(BaseCommand):
    help = (
        "Benchmark Dispatch on a deterministic synthetic corpus (or a real JSONL corpus) in a "
        "throwaway database and index: import rate, index builds with 1 and 2 processes, "
        "latency of 200 queries (and 50 pasted 40-word passages) through the backend, the API "
        "and the htmx fragment, cold start."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-n", "--articles", type=int, default=100_000, help="synthetic size")
        parser.add_argument("--corpus", type=Path, default=None, help="a .jsonl corpus instead")
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--passes", type=int, default=1, help="times each query runs")
        parser.add_argument("--skip-single", action="store_true", help="skip the 1-process build")
        parser.add_argument(
            "--cold", action="store_true", help="empty the term cache before every query"
        )

    def handle(self, *args: Any, articles: int, corpus: Path | None, **options: Any) -> None:
        if articles < 10:
            raise CommandError("--articles must be at least 10.")
        if corpus and not corpus.is_file():
            raise CommandError(f"{corpus}: no such file")
        if not in_scratch():
            argv = [
                "bench",
                "-n",
                str(articles),
                "--queries",
                str(options["queries"]),
                "--passes",
                str(options["passes"]),
            ]
            if corpus:
                argv += ["--corpus", str(corpus.resolve())]
            if options["skip_single"]:
                argv.append("--skip-single")
            if options["cold"]:
                argv.append("--cold")
            if run_in_scratch(*argv):
                raise CommandError("The benchmark failed (see above).")
            return
        self._run(articles, corpus, options)

    def _run(self, count: int, corpus: Path | None, options: dict[str, Any]) -> None:
        out = self.stdout.write
        generated = synthetic.make_corpus()
        with tempfile.TemporaryDirectory() as folder:
            path = corpus
            if path is None:
                path = Path(folder) / "synthetic.jsonl"
                synthetic.write_jsonl(synthetic.articles(generated, count), path)
            stored, seconds = runner.import_corpus(path)
        out(f"Corpus: {corpus or f'synthetic, {count} articles'}; machine: {_machine()}")
        out("| step | result |\n| --- | --- |")
        out(
            f"| import with extraction | {stored} articles, {seconds:.1f} s, "
            f"{stored / seconds:.0f} articles/s |"
        )
        builds = [2] if options["skip_single"] else [1, 2]
        for procs in builds:
            indexed, seconds, size = runner.build_index(procs)
            out(
                f"| index build, {procs} process{'es' if procs > 1 else ''} | {indexed} docs, "
                f"{seconds:.1f} s, {indexed / seconds:.0f} docs/s, {size / 1e6:.0f} MB |"
            )
        vocabulary = generated.vocabulary if corpus is None else _vocabulary(path)
        queries = synthetic.query_mix(vocabulary, options["queries"])
        for params in queries:
            if "country" in params:
                params["country"] = aliases.resolve_country(params["country"]) or ""
        first = queries[0]["q"]
        out(
            f"| worker cold start (fork of gunicorn's preloaded app → first answer) | "
            f"{runner.cold_start(first) * 1000:.0f} ms |\n"
            f"| process cold start (bare interpreter → first answer) | "
            f"{runner.cold_start(first, preloaded=False) * 1000:.0f} ms |"
        )
        out("\n| latency, ms | p50 | p95 | mean |\n| --- | --- | --- | --- |")
        measured: list[runner.Latency] = []
        for label, subset in (
            ("all queries", queries),
            ("no filters", runner.filtered(queries, False)),
            ("with filters", runner.filtered(queries, True)),
        ):
            for latency in runner.latencies(subset, options["passes"], options["cold"]):
                latency.name = f"{latency.name}, {label}"
                out(latency.row())
                measured.append(latency)
        pasted = runner.pasted_passages()
        for latency in runner.latencies(pasted, options["passes"], options["cold"]):
            latency.name = f"{latency.name}, {len(pasted)} pasted passages of 40 words"
            out(latency.row())
            measured.append(latency)
        out(f"\n{runner.collections_summary(measured)}")


def _machine() -> str:
    import os

    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}"
    )


def _vocabulary(path: Path) -> list[str]:
    """Words of a real corpus, most frequent first (from its titles, a cheap sample)."""
    import json
    import re
    from collections import Counter

    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            title = json.loads(line).get("title") or ""
            counts.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", title))
    return [w for w, _ in counts.most_common()]
