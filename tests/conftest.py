"""Shared fixtures: a fresh on-disk index per test, the seed articles, the corpus location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from search import aliases, backends

pytest.register_assert_rewrite("tests.search.backend_contract")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"
CORPUS_DIR = Path(os.environ.get("DISPATCH_CORPUS_DIR", REPO.parent / "shared" / "corpus"))


def corpus_file(relative: str) -> Path:
    """A corpus file, or a skip with the reason (a failure where CI requires the corpus)."""
    path = CORPUS_DIR / relative
    if not path.exists():
        message = f"corpus file {path} not found (set DISPATCH_CORPUS_DIR)"
        if os.environ.get("DISPATCH_REQUIRE_CORPUS"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(autouse=True)
def index_dir(tmp_path, settings):
    """Every test gets its own empty index directory and a fresh backend."""
    settings.DISPATCH_INDEX_DIR = tmp_path / "index"
    backends.reset_backend()
    yield settings.DISPATCH_INDEX_DIR
    backends.reset_backend()


@pytest.fixture
def seeded(db, django_capture_on_commit_callbacks):
    """The five seed articles imported and indexed (as on commit, like a real import)."""
    from archive.ingestion import import_paths

    with django_capture_on_commit_callbacks(execute=True):
        report = import_paths([SEEDS])
    assert report.imported == 5, report.errors
    return report


@pytest.fixture
def fresh_aliases():
    """Alias tables built anew for the test, and forgotten after it."""
    aliases.forget()
    yield
    aliases.forget()


def api(client, path: str = "/api/search", **params) -> dict:
    """A JSON search (or another JSON endpoint) that must answer 200."""
    response = client.get(path, params)
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def browser():
    """Debian's chromium driven by Playwright (browser tests), closed after the test."""
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
