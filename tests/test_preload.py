"""gunicorn's master compiles the project's templates once, for every worker it forks."""

from __future__ import annotations

import gc

import pytest
from django.template import engines
from django.test import override_settings

from config.preload import preload

# `preload` freezes the heap, as gunicorn's master wants.
pytestmark = pytest.mark.usefixtures("gc_restored")


@override_settings(DEBUG=False)
def test_preload_compiles_each_engine_its_own_templates_only():
    jinja = engines["jinja2"]
    jinja.env.cache.clear()  # type: ignore[attr-defined]
    compiled = preload()
    cached = {key[1] for key in jinja.env.cache}  # type: ignore[attr-defined]
    assert "search/_results.html" in cached and "search/_hit.html" in cached
    assert not any(name.startswith("jinja2/") for name in cached)
    django_loader = engines["django"].engine.template_loaders[0]  # type: ignore[attr-defined]
    assert "search/search.html" in django_loader.get_template_cache
    assert compiled >= len(cached) + 2


def test_preload_leaves_what_it_loaded_frozen_for_the_workers():
    # A worker's first full collection then scans only what the worker itself loads.
    assert gc.get_freeze_count() == 0
    preload()
    assert gc.get_freeze_count() > 10_000
