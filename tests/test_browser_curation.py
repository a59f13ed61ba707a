"""End to end, the curator: merge two persons, hide an article; a reader sees it at once."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from search.benchmark import synthetic
from tests.conftest import REPO, SEEDS
from tests.test_browser import chromium_path, gunicorn, manage, server_env

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-only-password-4711"
EXTRA = "Zakharova speaks\n\nM. Zakharova said the talks in Moscow were useful for Armenia.\n"
MISATTRIBUTED = (
    "Border talks\n\nThe talks went on for hours. Quintus Obscurus said the border with "
    "Georgia would stay open to trade, in a statement the foreign ministry published later.\n"
)


@pytest.fixture(scope="module")
def curation_env(tmp_path_factory) -> dict[str, str]:
    return server_env(tmp_path_factory.mktemp("curation"), DJANGO_SUPERUSER_PASSWORD=PASSWORD)


@pytest.fixture(scope="module")
def curation_server(curation_env) -> Iterator[str]:
    """A real gunicorn over the seeds plus one article quoting "M. Zakharova", and a curator."""
    chromium_path()
    env = curation_env
    root = Path(env["DISPATCH_INDEX_DIR"]).parent
    (root / "extra").mkdir()
    (root / "extra" / "zakharova.txt").write_text(EXTRA, encoding="utf-8")
    (root / "extra" / "border.txt").write_text(MISATTRIBUTED, encoding="utf-8")
    manage(env, "migrate", "--noinput")
    manage(env, "import_articles", str(SEEDS), str(root / "extra"))
    manage(env, "rebuild_index")
    manage(env, "createsuperuser", "--noinput", "--username", "curator", "--email", "c@x.org")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with gunicorn(env) as url:
            yield url
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def log_in(browser, server: str):
    page = browser.new_context().new_page()
    page.goto(server + "admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


def speaker_facet(page, server: str, q: str) -> dict[str, int]:
    """The speaker facet of a search for `q` (the whole archive's shows only the top ones,
    and another test may add many articles)."""
    data = page.request.get(server + "api/search", params={"q": q}).json()
    return {v["label"]: v["count"] for v in data["facets"]["speaker"]}


def test_a_merge_leaves_one_speaker_with_the_combined_count(browser, curation_server):
    server = curation_server
    admin = log_in(browser, server)
    before = speaker_facet(admin, server, "Zakharova")
    assert before["Maria Zakharova"] == 1 and before["M. Zakharova"] == 1
    admin.goto(server + "admin/archive/person/?q=Zakharova")
    for row in admin.locator("#result_list tbody tr").all():
        row.locator("input.action-select").check()
    admin.select_option("select[name=action]", "merge")
    admin.click("button[name=index]")
    admin.get_by_label("Maria Zakharova", exact=False).first.check()
    admin.click("input[value=Merge]")
    admin.wait_for_url(re.compile(r".*/admin/archive/person/.*"))
    after = speaker_facet(admin, server, "Zakharova")
    assert after["Maria Zakharova"] == 2
    assert "M. Zakharova" not in after


def test_a_hidden_article_leaves_another_readers_search_at_once(browser, curation_server):
    from playwright.sync_api import expect

    server = curation_server
    reader = browser.new_context().new_page()
    reader.goto(server + "?q=Lavrov")
    expect(reader.locator("#result-count")).to_contain_text("1 article")
    admin = log_in(browser, server)
    admin.goto(server + "admin/archive/article/?q=Lavrov")
    admin.locator("#result_list tbody tr input.action-select").first.check()
    admin.select_option("select[name=action]", "hide")
    admin.click("button[name=index]")
    expect(admin.locator(".messagelist")).to_contain_text("hidden")
    reader.reload()
    expect(reader.locator("#result-count")).to_contain_text("0 articles")


def test_a_curator_fixes_a_speaker_through_the_autocomplete(browser, curation_server):
    from playwright.sync_api import expect

    server = curation_server
    admin = log_in(browser, server)
    admin.set_viewport_size({"width": 1280, "height": 900})
    before = speaker_facet(admin, server, "border trade")
    assert before.get("Quintus Obscurus") == 1
    admin.goto(server + "admin/archive/article/?q=Border+talks")
    admin.locator("#result_list tbody tr .field-title_cell a").first.click()
    row = admin.locator("#statements-0")
    expect(row.locator(".field-statement mark")).to_contain_text("the border with Georgia")
    # One line per statement, inside the window: no table wider than the page.
    overflow = admin.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    row.locator(".select2-selection").click()
    admin.locator(".select2-dropdown .select2-search__field").fill("Araghchi")
    admin.locator(".select2-results__option", has_text="Abbas Araghchi").click()
    admin.click("input[name=_continue]")
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(admin.locator("#statements-0 .select2-selection")).to_contain_text("Abbas Araghchi")
    after = speaker_facet(admin, server, "border trade")
    assert "Quintus Obscurus" not in after
    assert after["Abbas Araghchi"] == before.get("Abbas Araghchi", 0) + 1


SUSPECTS = """
from archive.models import Article, Person, Statement
article = Article.objects.order_by("pk").first()
def person(name, slug):
    p = Person.objects.create(name=name, slug=slug)
    article.persons.add(p)
    Statement.objects.create(article=article, speaker=p, text="it was fine", start=0, end=2)
    return p
person("Gaius Ignotus", "gaius-ignotus")
person("Imperial Envoy Gaius Ignotus", "imperial-envoy-gaius-ignotus")
person("Caucasus Gazette", "caucasus-gazette")
person("Ostia Times", "ostia-times")
"""


def test_a_curator_works_the_review_queue(browser, curation_server, curation_env):
    from playwright.sync_api import expect

    server = curation_server
    manage(curation_env, "shell", "-c", SUSPECTS)
    admin = log_in(browser, server)
    expect(admin.locator("#review-box")).to_contain_text("A title or role in front of a name")

    admin.goto(server + "admin/review/?kind=title-variant")
    row = admin.locator(".review-entry", has_text="Imperial Envoy Gaius Ignotus")
    row.get_by_role("button", name="Merge into Gaius Ignotus").click()
    expect(admin.locator(".messagelist")).to_contain_text(
        "Merged Imperial Envoy Gaius Ignotus into Gaius Ignotus."
    )
    expect(admin.locator(".review-entry", has_text="Imperial Envoy")).to_have_count(0)

    admin.goto(server + "admin/review/?kind=outlet")
    admin.locator(".review-entry", has_text="Caucasus Gazette").get_by_role(
        "button", name="Mark as organisation"
    ).click()
    expect(admin.locator(".messagelist")).to_contain_text("Caucasus Gazette is now an organisation")
    admin.locator(".review-entry", has_text="Ostia Times").get_by_role(
        "button", name="Dismiss"
    ).click()
    expect(admin.locator(".messagelist")).to_contain_text("Dismissed for good.")
    expect(admin.locator(".review-entry", has_text="Ostia Times")).to_have_count(0)
    expect(admin.locator(".review-entry", has_text="Caucasus Gazette")).to_have_count(1)
    admin.goto(server + "admin/archive/person/?q=Ignotus")
    expect(admin.locator("#result_list tbody tr")).to_have_count(1)
    expect(admin.locator("#result_list tbody tr .field-statement_link")).to_have_text("2")


def test_an_upload_becomes_a_job_whose_page_reaches_100_percent(browser, curation_server, tmp_path):
    from playwright.sync_api import expect

    server = curation_server
    feed = tmp_path / "wire.jsonl"
    synthetic.write_jsonl(synthetic.articles(synthetic.make_corpus(), 700), feed)
    admin = log_in(browser, server)
    admin.goto(server + "admin/archive/article/import/")
    admin.set_input_files("input[type=file]", str(feed))
    admin.click("input[type=submit]")
    admin.wait_for_url(re.compile(r".*/admin/archive/job/\d+/change/$"))
    # The page follows the job by itself (htmx), without a reload.
    expect(admin.locator("#job-state")).to_have_text("done", timeout=120_000)
    expect(admin.locator("progress")).to_have_attribute("value", "100")
    expect(admin.locator("#import-report")).to_contain_text("wire.jsonl")
    admin.click("text=The imported articles")
    expect(admin.locator("#result_list tbody tr")).to_have_count(100)  # the first page of 700
