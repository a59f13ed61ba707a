"""Timed steps of the benchmark: import, index builds, query latency, cold start."""

from __future__ import annotations

import functools
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.test import Client

from archive.ingestion import import_paths
from archive.models import Article
from archive.signals import deferred_updates
from search import backends, garbage, indexing
from search.backends.base import SearchTooSlow
from search.query import parse_params
from search.service import search_query

T = TypeVar("T")


@dataclass
class Latency:
    name: str
    samples: list[float]
    # The reference (SQLite FTS5) on the same query just before each sample: the same
    # moment of a noisy machine, so that the ratios hold when the times do not.
    reference: list[float] = field(default_factory=list)
    # Full garbage collections inside the timed requests, and between them (seconds each).
    full_collections: list[float] = field(default_factory=list)
    collections_between: list[float] = field(default_factory=list)
    # Searches stopped by the search budget (`SearchTooSlow`), timed up to where they stopped.
    stopped: int = 0

    def percentile(self, p: float, samples: list[float] | None = None) -> float:
        ordered = sorted(self.samples if samples is None else samples)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def ratio(self, p: float) -> float:
        """This layer's percentile over the reference's, from the same run."""
        return self.percentile(p) / max(self.percentile(p, self.reference), 1e-9)

    HEADER = (
        "| latency, ms | p50 | p95 | mean | FTS5 p50 | FTS5 p95 | × FTS5 p50 | × FTS5 p95 |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |"
    )

    def row(self) -> str:
        ms = [self.percentile(50), self.percentile(95), statistics.fmean(self.samples)]
        cells = [f"{v * 1000:.1f}" for v in ms]
        if self.reference:
            cells += [f"{self.percentile(p, self.reference) * 1000:.1f}" for p in (50, 95)]
            cells += [f"{self.ratio(50):.2f}", f"{self.ratio(95):.2f}"]
        else:
            cells += ["–"] * 4
        name = self.name
        if self.stopped:
            name += f" ({self.stopped} of {len(self.samples)} stopped by the search budget)"
        return f"| {name} | {' | '.join(cells)} |"


def timed(step: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def import_corpus(path: Path, procs: int = 1) -> tuple[int, float]:
    with deferred_updates():
        seconds, report = timed(lambda: import_paths([path], procs=procs))
    return report.stored, seconds


def build_index(procs: int) -> tuple[int, float, int]:
    seconds, count = timed(lambda: indexing.rebuild(procs=procs))
    return count, seconds, backends.get_backend().size_bytes()


def _query_string(params: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in params.items() if v}


def latencies(
    queries: list[dict[str, str]],
    passes: int = 1,
    cold: bool = False,
    reference: Callable[[dict[str, str]], object] | None = None,
) -> list[Latency]:
    """p50/p95 for the raw backend, the JSON API and the htmx fragment, the same queries each,
    and `reference` (SQLite FTS5) timed on each query just before each layer's.

    No query is answered from a cached result. Each layer starts with an empty term cache
    that then warms up over the mix, as in a running worker; `cold` empties it before every
    query instead (the first query of a fresh worker, every time). Full garbage collections
    run between requests, as in a gunicorn worker, and are counted where they ran.
    """
    indexing.prepare_worker()  # as gunicorn prepares each worker
    garbage.defer_full_collections()
    client = Client(HTTP_HOST="localhost")
    backend = backends.get_backend()
    forget = backend.forget_cached_queries

    def backend_search(params: dict[str, str]) -> object:
        """The backend's answer, or None for a search it stopped at the budget (the pages
        show a notice for one)."""
        query, _ = search_query(parse_params({k: [v] for k, v in params.items()}))
        try:
            return backend.search(query)
        except SearchTooSlow:
            return None

    layers: list[tuple[str, Callable[[dict[str, str]], object]]] = [
        ("(a) backend search + facets + passages", backend_search),
        ("(b) /api/search", lambda p: client.get("/api/search", p)),
        ("(c) htmx results fragment", lambda p: client.get("/", p, headers={"HX-Request": "true"})),
    ]
    results = []
    for name, run in layers:
        latency = Latency(name, [])
        forget(postings=True)
        for _ in range(passes):
            for params in queries:
                forget(postings=cold)
                if reference:
                    latency.reference.append(timed(functools.partial(reference, params))[0])
                with garbage.recording() as inside:
                    seconds, answer = timed(functools.partial(run, params))
                latency.samples.append(seconds)
                latency.stopped += answer is None
                with garbage.recording() as between:
                    garbage.collect_between_requests()
                latency.full_collections += inside.full
                latency.collections_between += between.full
        results.append(latency)
    return results


def collections_summary(measured: list[Latency]) -> str:
    """Where the full garbage collections of the latency runs fell: in requests or between."""
    requests = sum(len(m.samples) for m in measured)
    inside = [s for m in measured for s in m.full_collections]
    between = [s for m in measured for s in m.collections_between]
    return (
        f"Full garbage collections: {len(inside)} inside {requests} timed requests "
        f"({sum(inside) * 1000:.0f} ms), {len(between)} between them "
        f"({sum(between) * 1000:.0f} ms, longest {max(between, default=0) * 1000:.0f} ms)."
    )


def filtered(queries: list[dict[str, str]], with_filters: bool) -> list[dict[str, str]]:
    return [q for q in queries if ("country" in q or "date_from" in q) == with_filters]


def pasted_passages(count: int = 50, words: int = 40, seed: int = 17) -> list[dict[str, str]]:
    """`count` queries of `words` consecutive words copied from random articles' bodies, as a
    reader pastes a passage to find its source (the same list every run of one corpus)."""
    rng = random.Random(seed)
    ids = sorted(Article.objects.values_list("pk", flat=True))
    picked = rng.sample(ids, min(len(ids), count * 4))
    bodies = dict(Article.objects.filter(pk__in=picked).values_list("pk", "body"))
    queries: list[dict[str, str]] = []
    for pk in picked:
        body = bodies[pk].split()
        if len(body) >= words:
            start = rng.randint(0, len(body) - words)
            queries.append({"q": " ".join(body[start : start + words])})
        if len(queries) == count:
            break
    return queries


COLD_START = """
import time
started = time.perf_counter()
import django
django.setup()
from search import backends, indexing
from search.query import SearchParams
from search.service import search_query
if {preloaded!r}:  # what gunicorn's master imported before forking this worker
    import config.wsgi
    from config.preload import preload
    preload()
    started = time.perf_counter()
indexing.prepare_worker()  # as gunicorn's post_worker_init
backends.get_backend().search(search_query(SearchParams(q={q!r}))[0])
print(time.perf_counter() - started)
"""


COLD_STARTS = 5  # one new process varies by half either way here: the median of several


def cold_starts(q: str, preloaded: bool = True, runs: int = COLD_STARTS) -> list[float]:
    """Seconds from a new worker's start to its first search's answer, for `runs` new
    processes, sorted: from the fork of gunicorn's preloaded master (`preloaded`), or from a
    bare interpreter (imports and `django.setup()` included)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    found = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", COLD_START.format(q=q, preloaded=preloaded)],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found.append(float(output.strip().splitlines()[-1]))
    return sorted(found)


WORKER_MEMORY = """
import json, sys, django
django.setup()
import config.wsgi
from config.preload import preload
from django.test import Client
from search import garbage, indexing
preload()
indexing.prepare_worker()
garbage.defer_full_collections()
client = Client(HTTP_HOST="localhost")
for params in json.load(sys.stdin):
    client.get("/", params, headers={"HX-Request": "true"})
    garbage.collect_between_requests()
status = open("/proc/self/status").read()
print(int(status.split("VmRSS:")[1].split()[0]) / 1024)
"""


def worker_memory(queries: list[dict[str, str]]) -> float | None:
    """A worker's resident memory (MB) after answering `queries` as htmx fragments, as
    gunicorn runs it; None where /proc is not there to tell."""
    if not Path("/proc/self/status").exists():
        return None
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    output = subprocess.run(
        [sys.executable, "-c", WORKER_MEMORY],
        cwd=settings.BASE_DIR,
        env=env,
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(output.strip().splitlines()[-1])
