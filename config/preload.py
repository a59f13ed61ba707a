"""What gunicorn's master prepares once, before it forks the workers that inherit it.

Code, compiled templates and what the search backend preloads: importing the search backend
(Whoosh, NumPy), every view, and compiling the project's templates took a worker's first
visitor 0.25 s, and the PostgreSQL backend's facet arrays take each worker a second at
100,000 articles. Nothing that holds a file or a connection stays open: a forked worker must
not share those.
"""

from __future__ import annotations

import gc
from pathlib import Path

from django.template import engines
from django.urls import get_resolver

from search import backends


def preload() -> int:
    """Import the views and the search backend and compile the project's own templates (not
    the apps' ones), then freeze what that loaded; returns how many templates were
    compiled."""
    backends.import_backend_code()
    backends.get_backend().preload()
    get_resolver().url_patterns  # noqa: B018 -- importing the URLconf imports every view
    every_dir = {Path(d) for engine in engines.all() for d in engine.dirs}
    compiled = 0
    for engine in engines.all():
        for folder in map(Path, engine.dirs):
            others = [d for d in every_dir if d != folder and d.is_relative_to(folder)]
            for path in sorted(folder.rglob("*.html")):
                if not any(path.is_relative_to(d) for d in others):  # another engine's
                    engine.get_template(path.relative_to(folder).as_posix())
                    compiled += 1
    # What the master loaded lives as long as the workers: out of the collector's sight, each
    # worker's first full collection (`prepare_worker`) skips it, and collections in the
    # workers do not write to (and so copy) the pages they share with the master.
    gc.collect()
    gc.freeze()
    return compiled
