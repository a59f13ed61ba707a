"""`manage.py bench [-n N | --sizes A,B,C] [--corpus FILE] [--backend postgres]`: import,
index and query timings in a scratch copy, beside SQLite FTS5 on the same articles."""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, transaction

from archive.models import Article
from archive.scratch import ScratchUnavailable, in_scratch, postgres_server, run_in_scratch
from search import aliases
from search.benchmark import admin_pages, curve, fts5, runner, synthetic

MAX_PROCS = 64


class Command(BaseCommand):
    help = (
        "Benchmark Dispatch on a deterministic synthetic corpus (or a real JSONL corpus) in a "
        "throwaway database and index: import and index build rates, SQLite FTS5 built on the "
        "same articles, latency of 200 queries (and 50 pasted 40-word passages) through the "
        "backend, the API and the htmx fragment, each as a ratio to FTS5 on the same queries "
        "in the same run, cold start, worker memory. --sizes runs it at several sizes and "
        "draws the cost curve."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-n", "--articles", type=int, default=100_000, help="synthetic size")
        parser.add_argument(
            "--sizes",
            default="",
            help="comma-separated sizes (e.g. 10000,30000,100000): one run each, then the "
            "cost curve, its projection to 1,000,000 and a plot",
        )
        parser.add_argument(
            "--plot",
            type=Path,
            default=Path("bench-curve.svg"),
            help="where --sizes writes its plot (SVG)",
        )
        parser.add_argument("--corpus", type=Path, default=None, help="a .jsonl corpus instead")
        parser.add_argument(
            "--backend",
            choices=("whoosh", "postgres"),
            default="whoosh",
            help="the search backend to measure; postgres runs in a scratch database made on "
            "the PostgreSQL server of DATABASE_URL",
        )
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--passes", type=int, default=1, help="times each query runs")
        parser.add_argument("--procs", type=int, default=2, help="processes for import and build")
        parser.add_argument("--skip-single", action="store_true", help="skip the 1-process build")
        parser.add_argument(
            "--cold", action="store_true", help="empty the term cache before every query"
        )
        parser.add_argument(
            "--admin-only",
            action="store_true",
            help="time the admin pages of this archive (the configured database) instead; "
            "nothing is kept: it runs in one transaction, rolled back",
        )
        # Where a run in scratch leaves its figures for --sizes (not for people).
        parser.add_argument("--figures", type=Path, default=None, help=argparse.SUPPRESS)

    def handle(self, *args: Any, articles: int, corpus: Path | None, **options: Any) -> None:
        if options["admin_only"]:
            self._admin_pages_here()
            return
        sizes = _sizes(options["sizes"]) if options["sizes"] else [articles]
        if min(sizes) < 10:
            raise CommandError("Every size must be at least 10 articles.")
        if corpus and not corpus.is_file():
            raise CommandError(f"{corpus}: no such file")
        if corpus and options["sizes"]:
            raise CommandError("--sizes works on the synthetic corpus only.")
        for name in ("queries", "passes"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        if not 1 <= options["procs"] <= MAX_PROCS:
            raise CommandError(f"--procs must be between 1 and {MAX_PROCS}.")
        if options["backend"] == "postgres" and not in_scratch() and not postgres_server():
            raise CommandError(
                "--backend postgres needs DATABASE_URL=postgres://… naming a server this user "
                "may create a scratch database on."
            )
        if in_scratch():
            self._run(articles, corpus, options)
            return
        with tempfile.TemporaryDirectory() as folder:
            points = []
            for size in sizes:
                figures = Path(folder) / f"{size}.json"
                argv = ["bench", *_passed_on(size, corpus, options), "--figures", str(figures)]
                try:
                    failed = run_in_scratch(*argv, search_backend=options["backend"])
                except ScratchUnavailable as error:
                    raise CommandError(str(error)) from None
                if failed:
                    raise CommandError("The benchmark failed (see above).")
                points.append(curve.Point.from_json(json.loads(figures.read_text())))
        if len(sizes) > 1:
            self._curve(points, options["plot"])

    def _admin_pages_here(self) -> None:
        try:
            count = Article.objects.count()
        except DatabaseError as error:
            raise CommandError(
                f"The archive's database cannot be read ({error}); run `manage.py migrate`."
            ) from None
        if not count:
            raise CommandError("The archive is empty: nothing to time.")
        with transaction.atomic():
            timings = admin_pages.timings(search_word=admin_pages.title_word())
            transaction.set_rollback(True)  # the administrator made for the run goes too
        self.stdout.write(f"Admin pages over {count} articles; machine: {_machine()}")
        self.stdout.write(admin_pages.HEADER)
        for page in timings:
            self.stdout.write(page.row())

    def _curve(self, points: list[curve.Point], plot: Path) -> None:
        out = self.stdout.write
        out(f"\nCost curve ({_machine()}):\n")
        out(curve.table(points))
        out(f"\n{curve.projection(points)}")
        try:
            plot.write_text(curve.svg(points), encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write the plot to {plot}: {error.strerror}.") from None
        out(f"Plot written to {plot}.")

    def _run(self, count: int, corpus: Path | None, options: dict[str, Any]) -> None:
        out = self.stdout.write
        procs = options["procs"]
        generated = synthetic.make_corpus()
        with tempfile.TemporaryDirectory() as folder:
            path = corpus
            if path is None:
                path = Path(folder) / "synthetic.jsonl"
                synthetic.write_jsonl(synthetic.articles(generated, count), path)
            stored, import_seconds = runner.import_corpus(path, procs)
            out(
                f"Corpus: {corpus or f'synthetic, {count} articles'}; search backend: "
                f"{options['backend']}; machine: {_machine()}"
            )
            out("| step | result |\n| --- | --- |")
            out(
                f"| import with extraction, {_processes(procs)} | {stored} articles, "
                f"{import_seconds:.1f} s, {stored / import_seconds:.0f} articles/s |"
            )
            builds = [procs] if options["skip_single"] or procs == 1 else [1, procs]
            for build_procs in builds:
                indexed, build_seconds, size = runner.build_index(build_procs)
                out(
                    f"| index build, {_processes(build_procs)} | {indexed} docs, "
                    f"{build_seconds:.1f} s, {indexed / build_seconds:.0f} docs/s, "
                    f"{size / 1e6:.0f} MB |"
                )
            out(
                f"| end to end (import + build, {_processes(procs)}) | "
                f"{stored / (import_seconds + build_seconds):.0f} articles/s |"
            )
            reference_path = Path(folder) / "fts5.sqlite3"
            fts5_seconds, _ = runner.timed(lambda: fts5.build(reference_path))
            fts5_bytes = reference_path.stat().st_size
            out(
                f"| SQLite FTS5 build (same articles, joins for countries and speakers) | "
                f"{fts5_seconds:.1f} s, {fts5_bytes / 1e6:.0f} MB |"
            )
            vocabulary = generated.vocabulary if corpus is None else _vocabulary(path)
            queries = synthetic.query_mix(vocabulary, options["queries"])
            for params in queries:
                if "country" in params:
                    params["country"] = aliases.resolve_country(params["country"]) or ""
            first = queries[0]["q"]
            forked = runner.cold_starts(first)
            cold_start = statistics.median(forked)
            out(
                f"| worker cold start (fork of gunicorn's preloaded app → first answer) | "
                f"{_spread(forked)} |\n"
                f"| process cold start (bare interpreter → first answer) | "
                f"{_spread(runner.cold_starts(first, preloaded=False))} |"
            )
            worker_mb = runner.worker_memory(queries)
            if worker_mb is not None:
                out(f"| worker memory after the query mix (RSS) | {worker_mb:.0f} MB |")
            reference = fts5.Fts5Search(reference_path)
            try:
                measured = self._latencies(queries, options, reference.search)
            finally:
                reference.close()
            out(f"\n{admin_pages.HEADER}")
            for page in admin_pages.timings(search_word=vocabulary[0]):
                out(page.row())
        if options["figures"]:
            point = curve.Point(
                size=stored,
                import_seconds=import_seconds,
                build_seconds=build_seconds,
                index_bytes=size,
                fts5_build_seconds=fts5_seconds,
                fts5_bytes=fts5_bytes,
                cold_start=cold_start,
                worker_mb=worker_mb,
                layers={m.name.split(") ", 1)[1]: _percentiles(m) for m in measured[:3]},
            )
            options["figures"].write_text(json.dumps(point.to_json()), encoding="utf-8")

    def _latencies(
        self, queries: list[dict[str, str]], options: dict[str, Any], reference: Any
    ) -> list[runner.Latency]:
        """Every layer on every subset, FTS5 beside each; the first three are "all queries"."""
        out = self.stdout.write
        out(f"\n{runner.Latency.HEADER}")
        measured: list[runner.Latency] = []
        subsets = [
            ("all queries", queries),
            ("no filters", runner.filtered(queries, False)),
            ("with filters", runner.filtered(queries, True)),
        ]
        pasted = runner.pasted_passages()
        subsets.append((f"{len(pasted)} pasted passages of 40 words", pasted))
        for label, subset in subsets:
            for latency in runner.latencies(subset, options["passes"], options["cold"], reference):
                out(latency.row().replace(f"| {latency.name} |", f"| {latency.name}, {label} |"))
                measured.append(latency)
        out(f"\n{runner.collections_summary(measured)}")
        return measured


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise CommandError(
            f"--sizes takes whole numbers separated by commas (got {text!r})."
        ) from None
    if not sizes:
        raise CommandError("--sizes needs at least one size.")
    return sizes


def _passed_on(size: int, corpus: Path | None, options: dict[str, Any]) -> list[str]:
    argv = ["-n", str(size)]
    for name in ("queries", "passes", "procs", "backend"):
        argv += [f"--{name}", str(options[name])]
    if corpus:
        argv += ["--corpus", str(corpus.resolve())]
    if options["skip_single"]:
        argv.append("--skip-single")
    if options["cold"]:
        argv.append("--cold")
    return argv


def _percentiles(latency: runner.Latency) -> dict[str, float]:
    figures = {"p50": latency.percentile(50), "p95": latency.percentile(95)}
    if latency.reference:
        figures["fts5_p50"] = latency.percentile(50, latency.reference)
        figures["fts5_p95"] = latency.percentile(95, latency.reference)
    return figures


def _spread(seconds: list[float]) -> str:
    """Several timings of one thing: their median, and the range in brackets."""
    median, low, high = (
        round(s * 1000) for s in (statistics.median(seconds), min(seconds), max(seconds))
    )
    return f"{median} ms (median of {len(seconds)}, {low}–{high})"


def _processes(count: int) -> str:
    return f"{count} process{'es' if count > 1 else ''}"


def _machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}"
    )


def _vocabulary(path: Path) -> list[str]:
    """Words of a real corpus, most frequent first (from its titles, a cheap sample)."""
    import re
    from collections import Counter

    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            title = json.loads(line).get("title") or ""
            counts.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", title))
    return [w for w, _ in counts.most_common()]
