"""Timed steps of the benchmark: import, index builds, query latency, cold start."""

from __future__ import annotations

import functools
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
from search.query import parse_params
from search.service import search_query

T = TypeVar("T")


@dataclass
class Latency:
    name: str
    samples: list[float]
    # Full garbage collections inside the timed requests, and between them (seconds each).
    full_collections: list[float] = field(default_factory=list)
    collections_between: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def row(self) -> str:
        return (
            f"| {self.name} | {self.percentile(50) * 1000:.1f} | {self.percentile(95) * 1000:.1f} "
            f"| {statistics.fmean(self.samples) * 1000:.1f} |"
        )


def timed(step: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def import_corpus(path: Path) -> tuple[int, float]:
    with deferred_updates():
        seconds, report = timed(lambda: import_paths([path]))
    return report.stored, seconds


def build_index(procs: int) -> tuple[int, float, int]:
    seconds, count = timed(lambda: indexing.rebuild(procs=procs))
    return count, seconds, backends.get_backend().size_bytes()


def _query_string(params: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in params.items() if v}


def latencies(queries: list[dict[str, str]], passes: int = 1, cold: bool = False) -> list[Latency]:
    """p50/p95 for the raw backend, the JSON API and the htmx fragment, the same queries each.

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
        query, _ = search_query(parse_params({k: [v] for k, v in params.items()}))
        return backend.search(query)

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
                with garbage.recording() as inside:
                    latency.samples.append(timed(functools.partial(run, params))[0])
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


def cold_start(q: str, preloaded: bool = True) -> float:
    """Seconds from a new worker's start to its first search's answer: from the fork of
    gunicorn's preloaded master (`preloaded`), or from a bare interpreter (imports and
    `django.setup()` included)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    output = subprocess.run(
        [sys.executable, "-c", COLD_START.format(q=q, preloaded=preloaded)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(output.strip().splitlines()[-1])
