"""Shared fixtures: a fresh on-disk index per test, the seed articles, the corpus location."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.models import Article, Country, DateMention, Person, PersonAlias, Statement
from search import aliases, backends, labels

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


def manage(*args: str, var_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`manage.py *args` in a child process, output captured; `var_dir` as its data folder
    (its database and index too, whatever database the tests themselves run on)."""
    env = dict(os.environ)
    if var_dir:
        env["DISPATCH_VAR_DIR"] = str(var_dir)
        env.pop("DATABASE_URL", None)
        env.pop("DISPATCH_INDEX_DIR", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(autouse=True)
def index_dir(tmp_path, settings):
    """Every test gets its own empty index directory, a fresh backend, and no names kept from
    another test's database."""
    settings.DISPATCH_INDEX_DIR = tmp_path / "index"
    backends.reset_backend()
    labels.forget()
    yield settings.DISPATCH_INDEX_DIR
    backends.reset_backend()
    labels.forget()


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


@pytest.fixture
def quoted_article(db):
    """An article with countries, quoted speakers (one with another spelling), a named
    organisation and a mentioned month; its metadata prefetched."""
    article = Article.objects.create(
        title="Treaty talks",
        body="Maria Zakharova said talks went on. Sergei Lavrov said they should sign.",
        raw_text="Treaty talks\n\nMaria Zakharova said talks went on.",
        source="Wire A",
        byline="Jo Vance",
        url="https://example.org/talks",
        external_id="talks-1",
        date=datetime.date(2021, 3, 4),
        content_hash="talks-1",
    )
    # Codes and names sort differently: CH is Switzerland, DE Germany.
    for code, name in [("CH", "Switzerland"), ("DE", "Germany"), ("AM", "Armenia")]:
        article.countries.add(Country.objects.create(code=code, name=name))
    zakharova = Person.objects.create(name="Maria Zakharova")
    lavrov = Person.objects.create(name="Sergei Lavrov")
    PersonAlias.objects.create(person=lavrov, name="Sergey Lavrov", key="sergey lavrov")
    article.persons.add(lavrov, Person.objects.create(name="Wire A", kind=Person.ORGANISATION))
    DateMention.objects.create(article=article, value="2021-03")
    Statement.objects.create(
        article=article, speaker=lavrov, role="minister", text="Sign", start=40
    )
    Statement.objects.create(article=article, speaker=zakharova, text="Talks", start=0)
    Statement.objects.create(article=article, speaker=lavrov, text="Soon", start=60)
    return Article.objects.with_metadata().get(pk=article.pk)


@pytest.fixture
def gc_restored():
    """For tests that prepare this process as a serving one (`prepare_worker`, `preload`,
    the benchmark's latencies): they freeze the heap and defer full collections, which the
    tests after them must not inherit (the collector's own tests would see no full
    collection)."""
    import gc

    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield gc
    gc.set_threshold(*thresholds)
    gc.unfreeze()
