"""Real gunicorn: admin saves from several clients during an import all reach the index."""

from __future__ import annotations

import json
import os
import statistics
import threading

import pytest

from search.backends.whoosh import WhooshBackend
from tests.conftest import SEEDS, corpus_file
from tests.search.admin_client import AdminClient
from tests.search.processes import count_rows, output, server_env, slice_of, start, wait_for
from tests.search.queries import backend_query
from tests.test_browser import gunicorn, manage

pytestmark = pytest.mark.corpus

CLIENTS = 5
ARTICLES_EACH = 4
# `SAVES_EACH=120 SAVES_IMPORT=10000` runs the acceptance load: 600 saves during imports.
MIN_SAVES_EACH = int(os.environ.get("SAVES_EACH", "16"))  # and on until the import is over
MAX_SAVES_EACH = max(200, MIN_SAVES_EACH)
IMPORTED_DURING = int(os.environ.get("SAVES_IMPORT", "1200"))  # Reuters stories
PASSWORD = "concurrent-saves-only"


def token(client: int, n: int) -> str:
    """A word no article contains, unchanged by stemming: letters only."""
    return "zqx" + "".join(chr(ord("a") + int(d)) for d in f"{client}{n:04d}") + "zq"


class Saver(threading.Thread):
    """One logged-in editor renaming its own articles, one save after another."""

    def __init__(self, url: str, number: int, article_ids: list[int], importing) -> None:
        super().__init__(daemon=True)
        self.client, self.number, self.article_ids = AdminClient(url), number, article_ids
        self.importing = importing
        self.latest: dict[int, str] = {}
        self.statuses: list[int] = []
        self.seconds: list[float] = []

    def run(self) -> None:
        self.client.login("editor", PASSWORD)
        n = 0
        while n < MAX_SAVES_EACH and (n < MIN_SAVES_EACH or self.importing.poll() is None):
            pk = self.article_ids[n % len(self.article_ids)]
            path = f"/admin/archive/article/{pk}/change/"
            fields = [(k, v) for k, v in self.client.form(path, "article_form") if k != "title"]
            word = token(self.number, n)
            status, _, seconds = self.client.request(path, [*fields, ("title", f"Saved {word}")])
            self.statuses.append(status)
            self.seconds.append(seconds)
            if status == 302:
                self.latest[pk] = word
            n += 1


def test_saves_during_an_import_all_reach_the_index_and_none_fails(tmp_path):
    env = server_env(tmp_path, DJANGO_SUPERUSER_PASSWORD=PASSWORD)
    reuters = corpus_file("reuters21578/reuters21578.jsonl")
    first = slice_of(reuters, 100, tmp_path / "first.jsonl")
    more = slice_of(reuters, IMPORTED_DURING, tmp_path / "more.jsonl", skip=100)
    manage(env, "migrate", "--noinput")
    manage(env, "import_articles", str(SEEDS), str(first))
    manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@x.org")
    with gunicorn(env) as url:
        importing = start(env, "import_articles", str(more))
        savers = [
            Saver(
                url, c, list(range(1 + c * ARTICLES_EACH, 1 + (c + 1) * ARTICLES_EACH)), importing
            )
            for c in range(CLIENTS)
        ]
        for saver in savers:
            saver.start()
        for saver in savers:
            saver.join(timeout=max(600, MIN_SAVES_EACH * 10))
            assert not saver.is_alive()
        assert importing.wait(timeout=600) == 0, output(importing)
        wait_for(lambda: count_rows(env, "search_pendingupdate") == 0, 120, "the catch-up")

        statuses = [s for saver in savers for s in saver.statuses]
        assert [s for s in statuses if s >= 500] == []
        assert set(statuses) == {302}
    reader = WhooshBackend(tmp_path / "index")
    for saver in savers:
        for pk, word in saver.latest.items():
            assert [hit.id for hit in reader.search(backend_query(q=word)).hits] == [pk], word
    manage(env, "check_index")  # exits non-zero if anything is missing, stale or orphaned
    seconds = sorted(s for saver in savers for s in saver.seconds)
    print(
        json.dumps(
            {
                "saves": len(seconds),
                "errors": len([s for s in statuses if s >= 500]),
                "p50_s": round(statistics.median(seconds), 3),
                "p95_s": round(seconds[int(len(seconds) * 0.95)], 3),
                "max_s": round(seconds[-1], 3),
            }
        )
    )
