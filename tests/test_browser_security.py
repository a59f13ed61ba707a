"""End to end, hostile data: no stored URL runs a script, and the policy blocks nothing of ours."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.conftest import SEEDS
from tests.test_browser import chromium_path, gunicorn, manage, server_env

pytestmark = pytest.mark.browser
HOSTILE_URLS = [
    "javascript:alert(document.domain)",
    " JaVaScRiPt:alert(document.domain)",
    "data:text/html,<script>alert(document.domain)</script>",
]
# A row stored before URLs were checked at import: the page must not link it either.
LEGACY = (
    "from archive.models import Article; "
    "Article.objects.filter(external_id='ok').update(url='javascript:alert(document.domain)')"
)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory) -> Iterator[str]:
    chromium_path()
    root = tmp_path_factory.mktemp("hostile")
    lines = [
        {
            "id": f"bad-{n}",
            "title": f"Hostile link {n}",
            "body": "Talks in Baku went on.",
            "url": url,
        }  # fmt: skip
        for n, url in enumerate(HOSTILE_URLS)
    ]
    lines.append({"id": "ok", "title": "Legacy link", "body": "Talks in Yerevan.", "url": ""})
    (root / "hostile.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    env = server_env(root)
    manage(env, "migrate", "--noinput")
    manage(env, "import_articles", str(SEEDS), str(root / "hostile.jsonl"), check=False)
    manage(env, "shell", "-c", LEGACY)
    manage(env, "rebuild_index")
    with gunicorn(env) as url:
        yield url


def test_a_script_url_is_never_a_live_link(browser, hostile_server):
    page = browser.new_context().new_page()
    dialogs: list[str] = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    hits = page.request.get(hostile_server + "api/search?q=talks").json()["hits"]
    hostile = [h for h in hits if h["title"].startswith(("Hostile", "Legacy"))]
    assert len(hostile) == 4
    assert all(h["source_url"] is None for h in hostile)
    for hit in hostile:
        page.goto(hostile_server + hit["url"].lstrip("/"))
        schemes = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
        assert set(schemes) <= {"http:", "https:"}, schemes
        assert page.get_by_role("link", name="Original").count() == 0
        for text in page.locator(".unlinked-url").all_inner_texts():
            page.get_by_text(text, exact=True).click()  # plain text: clicking runs nothing
    assert dialogs == []


def test_the_policy_blocks_nothing_the_app_itself_uses(browser, hostile_server):
    page = browser.new_context().new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else 0)
    page.goto(hostile_server)
    page.locator("#q").press_sequentially("Baku", delay=20)  # htmx updates the results
    page.wait_for_url("**q=Baku**")
    page.goto(hostile_server + "admin/login/")
    assert refused == []
