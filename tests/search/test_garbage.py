"""Full garbage collections run between requests, not inside them."""

from __future__ import annotations

import gc
from typing import Any, cast

import pytest

from search import garbage


@pytest.fixture
def default_thresholds():
    saved = gc.get_threshold()
    gc.collect()
    yield
    gc.set_threshold(*saved)


def _a_busy_request() -> None:
    """Many containers that live to the end of the request (rows, hits, template contexts):
    they reach the oldest generation, which is what makes CPython start a full collection."""
    held = [[i] for i in range(3 * len(gc.get_objects()))]  # more than the heap holds
    del held


def test_without_deferral_a_busy_request_pays_for_full_collections(default_thresholds):
    with garbage.recording() as pauses:
        _a_busy_request()
    assert pauses.full  # what a serving process must avoid: the test below is not vacuous


def test_deferred_full_collections_run_between_requests_only(default_thresholds):
    garbage.defer_full_collections()
    with garbage.recording() as inside:
        _a_busy_request()
    assert inside.by_generation[0] and not inside.full  # young collections still run
    with garbage.recording() as between:
        assert garbage.collect_between_requests()
    assert len(between.full) == 1
    assert gc.get_count()[2] == 0
    assert not garbage.collect_between_requests()  # nothing due: a quiet request costs nothing


def test_gunicorn_collects_after_each_response(default_thresholds):
    from config import gunicorn

    garbage.defer_full_collections()
    _a_busy_request()
    with garbage.recording() as after:
        gunicorn.post_request(cast(Any, None), None, {}, None)
    assert len(after.full) == 1
