"""End to end, the researcher's workbench: timeline, keyboard facets, export, screenshots."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.conftest import REPO
from tests.test_browser import page, server  # noqa: F401  (fixtures: one gunicorn per module)

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO / "var" / "screenshots"


def count_of(page) -> int:  # noqa: F811  (the fixture name, used as a plain argument)
    return int(re.match(r"\s*(\d+)", page.locator("#result-count").inner_text()).group(1))


def test_a_timeline_bar_narrows_the_results_and_the_url(page, server):  # noqa: F811
    from playwright.sync_api import expect

    page.goto(server)
    expect(page.locator("#result-count")).to_contain_text("5 articles")
    page.locator("svg.timeline-chart a[aria-label^='Oct 2023']").click()
    expect(page.locator("#result-count")).to_contain_text("1 article")
    assert "date_from=2023-10" in page.url and "date_to=2023-10" in page.url
    expect(page.locator("svg.timeline-chart title").first).to_contain_text("Oct 2023")
    # The bar is gone after the swap; focus goes to the result count, not the page top.
    page.wait_for_function("document.activeElement.id === 'result-count'", timeout=5000)


def test_speaker_and_country_pages_update_their_results_and_url_in_place(page, server):  # noqa: F811
    from playwright.sync_api import expect

    page.goto(server + "speakers/sergei-lavrov/")
    page.locator("#q").press_sequentially("zzzz", delay=30)
    expect(page.locator("#result-count")).to_contain_text("0 statements for “zzzz”")
    assert "q=zzzz" in page.url
    page.goto(server + "countries/ru/")
    page.locator("svg.timeline-chart a[aria-label^='Oct 2023']").click()
    expect(page.locator("#result-count")).to_contain_text("1 article, newest first")
    assert "date_from=2023-10" in page.url and "date_to=2023-10" in page.url
    expect(page.locator("h1")).to_have_text("Russia")  # the page stayed; its results changed


def test_a_facet_is_chosen_with_the_keyboard_alone(page, server):  # noqa: F811
    from playwright.sync_api import expect

    page.goto(server)
    page.locator("#q").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "facet-country-ps":
            break
    else:
        pytest.fail("Tab never reached the Palestine checkbox")
    page.keyboard.press("Space")
    expect(page.locator("#result-count")).to_contain_text("1 article")
    assert "country=PS" in page.url
    # Focus stays on the checkbox the reader ticked.
    assert page.evaluate("document.activeElement.id") == "facet-country-ps"
    assert page.locator("#facet-country-ps").is_checked()


def test_the_csv_export_has_exactly_the_hits_the_page_counts(page, server):  # noqa: F811
    page.goto(server + "?q=Russia")
    total = count_of(page)
    href = page.locator("a", has_text="CSV").get_attribute("href")
    response = page.request.get(server.rstrip("/") + href)
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert len(rows) == total > 0


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_for_review(page, server, width):  # noqa: F811
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "?q=Russia")
    # On a phone the filters fold away under the results.
    assert page.locator("#filters").evaluate("d => d.open") is (width > 768)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    page.screenshot(path=SCREENSHOTS / f"search-{width}.png", full_page=True)
    page.locator(".hit-title a").first.click()
    page.wait_for_load_state()
    page.screenshot(path=SCREENSHOTS / f"article-{width}.png", full_page=True)
    page.goto(server + "speakers/sergei-lavrov/")
    assert page.locator("h1").inner_text() == "Sergei Lavrov"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=SCREENSHOTS / f"speaker-{width}.png", full_page=True)


def test_a_statement_opens_its_article_scrolled_to_its_place_and_marked(page, server):  # noqa: F811
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1024, "height": 600})
    page.goto(server + "?mode=statements&q=speaker:Lavrov")
    quote = page.locator(".statement-hit blockquote").last.inner_text().strip()
    page.locator(".statement-hit figcaption a[href*='statement=']").last.click()
    page.wait_for_load_state()
    marked = page.locator("mark.statement-mark")
    expect(marked).to_have_count(1)
    assert " ".join(marked.inner_text().split()) == " ".join(quote.split())
    assert page.url.endswith(f"#{marked.get_attribute('id')}")
    # Scrolled to it: the marked statement is within the window.
    box = marked.bounding_box()
    assert box is not None and 0 <= box["y"] < 600
