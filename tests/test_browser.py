"""End to end: Debian's chromium, driven by Playwright, against a real gunicorn with the seeds."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("DISPATCH_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str, check: bool = True) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, check=check, capture_output=True
    )


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def server_env(root: Path, **extra: str) -> dict[str, str]:
    """Environment for manage.py and gunicorn on a fresh database and index under `root`."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "DISPATCH_INDEX_DIR": str(root / "index"),
        "DISPATCH_SECRET_KEY": "browser-test-only",
        **extra,
    }


@contextlib.contextmanager
def gunicorn(env: dict[str, str]) -> Iterator[str]:
    """A real gunicorn with 2 workers; yields its address and stops it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.py",
               "--workers", "2", "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def serving(root: Path, *imported: Path) -> Iterator[str]:
    """A real gunicorn (2 workers) over a fresh database and index under `root` holding the
    articles of `imported`; yields its address."""
    chromium_path()
    env = server_env(root)
    manage(env, "migrate", "--noinput")
    manage(env, "import_articles", *map(str, imported))
    manage(env, "rebuild_index")
    with gunicorn(env) as url:
        yield url


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """A real gunicorn over the seeds."""
    with serving(tmp_path_factory.mktemp("server"), SEEDS) as url:
        yield url


@pytest.fixture
def page(server, browser):
    return browser.new_context().new_page()


def test_type_see_marks_tick_a_facet_and_go_back(page, server):
    from playwright.sync_api import expect

    page.goto(server)
    expect(page.locator("#result-count")).to_contain_text("5 articles")

    page.locator("#q").press_sequentially("Russia", delay=30)
    expect(page.locator("#result-count")).to_contain_text("for “Russia”")
    expect(page.locator("#results mark").first).to_have_text("Russia")
    assert "q=Russia" in page.url
    before = page.locator("#result-count").inner_text()

    page.get_by_role("checkbox", name=re.compile(r"^Sergei Lavrov \d+$")).check()
    expect(page.locator("#result-count")).to_contain_text("1 article ")
    assert "speaker=sergei-lavrov" in page.url

    page.go_back()
    expect(page.locator("#result-count")).to_have_text(before)
    assert "speaker=" not in page.url
    assert "q=Russia" in page.url


def test_the_page_works_without_javascript(server, browser):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(server)
    page.fill("#q", "Lavrov")
    page.click("button[type=submit] >> nth=0")
    page.wait_for_load_state()
    assert "q=Lavrov" in page.url
    assert page.locator("#results mark").first.inner_text() == "Lavrov"
    page.get_by_role("checkbox", name=re.compile(r"^Russia \d+$")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "country=RU" in page.url


def test_a_pasted_passage_finds_its_article_first(page, server):
    from playwright.sync_api import expect

    # 40 words from seed 000, cut mid-word at both ends and across a paragraph break, with
    # curly quotes: no article has every word, so the header explains the partial match.
    pasted = (
        "“ers of Iran and Russia have held talks in Moscow about the Caucasus region, giving "
        "primacy to the meeting of the 3+3 cooperation format in Tehran, aimed at bolstering "
        "Caucasus peace and stability without foreign interference.\n\nOn Thursday, Deputy "
        "Foreign Minister for Politi”"
    )
    page.goto(server)
    page.locator("#q").fill(pasted)
    page.locator("#q").press("Enter")
    first = page.locator("#results .hit").first
    expect(first.locator(".hit-title")).to_contain_text("Iran, Russia put premium on 3+3")
    expect(page.locator("#results .partial")).to_contain_text("No article contains all your words")
    passage = first.locator(".passage").first.inner_text()
    assert "Iran and Russia have held talks in Moscow about the Caucasus region" in passage
    marked = " ".join(first.locator(".passage").first.locator("mark").all_inner_texts())
    assert all(word in marked for word in ("Moscow", "Caucasus", "Tehran", "stability"))


def test_a_query_of_5000_characters_gets_a_page_not_a_414(server, browser):
    page = browser.new_context().new_page()
    long = ("Caucasus peace talks in Tehran, “3+3” format; " * 120)[:5000]
    response = page.goto(f"{server.rstrip('/')}/?{urlencode({'q': long})}")
    assert response is not None and response.status == 200
    assert page.locator("#result-count").inner_text().startswith(tuple("0123456789"))
