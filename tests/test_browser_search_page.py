"""End to end, the search page as a researcher meets it: history, paging, filters in force,
keyboard, phone, canonical addresses, dates as typed, downloads, accessibility (axe-core)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tests.test_browser import serving

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO / "var" / "screenshots"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
HARVESTS = 45  # articles about the harvest: three pages of results


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """A real gunicorn over the seeds and 45 short articles about a harvest."""
    root = tmp_path_factory.mktemp("search-page")
    extra = root / "harvest"
    extra.mkdir()
    for n in range(HARVESTS):
        (extra / f"harvest-{n:02}.txt").write_text(
            f"Harvest report {n:02}\n\nThe harvest in district {n} was counted on Monday.\n"
        )
    with serving(root, SEEDS, extra) as url:
        yield url


@pytest.fixture
def page(server, browser):
    return browser.new_context().new_page()


def poll(condition, seconds: float = 5.0) -> None:
    """Wait until `condition()` holds (the CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting")
        time.sleep(0.05)


def settled(page, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator("#result-count")).to_contain_text(text)


def test_back_and_forward_restore_the_box_the_title_and_the_results(page, server):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server)
    page.locator("#q").press_sequentially("Lavrov", delay=60)
    settled(page, "for “Lavrov”")
    assert page.title() == "“Lavrov” – Dispatch"
    page.locator("#q").fill("")
    page.locator("#q").press_sequentially("Tehran", delay=60)
    settled(page, "for “Tehran”")
    assert page.title() == "“Tehran” – Dispatch"
    page.go_back()
    settled(page, "for “Lavrov”")
    assert page.locator("#q").input_value() == "Lavrov"
    assert page.title() == "“Lavrov” – Dispatch"
    page.go_forward()
    settled(page, "for “Tehran”")
    assert page.locator("#q").input_value() == "Tehran"
    # Typing letter by letter cancels requests (hx-sync): none of that is an error.
    assert errors == []


def test_paging_shows_the_top_of_the_next_page(page, server):
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(server + "?q=harvest")
    settled(page, f"{HARVESTS} articles")
    for number in (2, 3):
        page.locator(".pagination a[rel=next]").scroll_into_view_if_needed()
        assert page.evaluate("window.scrollY") > 300
        page.locator(".pagination a[rel=next]").click()
        page.wait_for_url(re.compile(rf"page={number}"))
        settled(page, f"{HARVESTS} articles")
        poll(lambda: page.evaluate("window.scrollY") < 300)
        top = page.locator("#results").bounding_box()
        assert top is not None and -5 <= top["y"] < 700


def test_chips_show_each_filter_in_force_and_remove_it(page, server):
    from playwright.sync_api import expect

    page.goto(server + "?q=Iran")
    page.get_by_role("checkbox", name=re.compile(r"^Russia \d+$")).check()
    settled(page, "for “Iran”")
    chips = page.locator(".chips .chip")
    expect(chips).to_have_text([re.compile(r"^Country: Russia")])
    page.locator("#date-from").fill("Oct 2023")
    page.locator("#date-from").press("Enter")
    expect(chips).to_have_text([re.compile(r"^Country: Russia"), re.compile(r"^From 1 Oct 2023")])
    # Each chip removes its own filter.
    page.locator(".chips .chip", has_text="Country: Russia").click()
    expect(chips).to_have_text([re.compile(r"^From 1 Oct 2023")])
    assert "country=" not in page.url and "date_from=Oct+2023" in page.url
    chips.first.click()
    expect(chips).to_have_count(0)
    assert page.url == server + "?q=Iran"
    assert page.locator("#date-from").input_value() == ""


def test_a_country_typed_in_the_box_is_ticked_and_clear_all_keeps_the_words(page, server):
    from playwright.sync_api import expect

    page.goto(server)
    page.locator("#q").fill("talks country:Iran")
    page.locator("#q").press("Enter")
    settled(page, "for “talks country:Iran”")
    expect(page.locator("#facet-country a.typed")).to_contain_text("Iran")
    page.get_by_role("checkbox", name=re.compile(r"^Russia \d+$")).check()
    expect(page.locator(".chips .chip")).to_have_count(2)
    # The typed filter's chip takes it out of the text; the ticked one stays.
    page.locator(".chips .chip", has_text="Country: Iran").click()
    expect(page.locator(".chips .chip")).to_have_text([re.compile(r"^Country: Russia")])
    assert page.locator("#q").input_value() == "talks"
    page.locator("#q").fill("talks country:Iran")
    page.locator("#q").press("Enter")
    expect(page.locator(".chips .chip")).to_have_count(2)
    page.locator(".chips .clear-all").click()
    settled(page, "for “talks”")
    expect(page.locator(".chips")).to_have_count(0)
    assert page.locator("#q").input_value() == "talks"
    assert page.url.endswith("/?q=talks")


def test_a_date_the_field_cannot_read_is_kept_and_explained_beside_it(page, server):
    from playwright.sync_api import expect

    page.goto(server + "?q=Iran")
    page.locator("#date-from").fill("sometime 2019")
    page.locator("#date-from").press("Enter")
    error = page.locator("#date-from-error")
    expect(error).to_contain_text("“sometime 2019” is not a date we can read")
    assert page.locator("#date-from").input_value() == "sometime 2019"
    assert page.locator("#date-from").get_attribute("aria-invalid") == "true"
    page.locator("#date-from").fill("June 2019")
    page.locator("#date-from").press("Enter")
    expect(page.locator(".chips .chip")).to_have_text([re.compile(r"^From 1 Jun 2019")])
    expect(error).to_have_count(0)


def test_the_keyboard_reaches_the_filters_in_a_few_tabs_and_slash_finds_the_box(page, server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "?q=Russia")
    settled(page, "for “Russia”")
    first_stop = "[...document.querySelectorAll('a[href], button, input, select, [tabindex]')]"
    first_stop += ".find(e => e.tabIndex >= 0).className"
    assert page.evaluate(first_stop) == "skip-link"
    page.locator(".skip-link").focus()
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results-list"
    page.locator("#q").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id").startswith("facet-country-"):
            break
    else:
        pytest.fail("five Tab presses did not reach the first country")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"


def test_the_timeline_is_one_tab_stop_and_arrow_keys_move_along_it(page, server):
    page.goto(server)
    bars = page.locator("svg.timeline-chart a.timeline-bar")
    assert bars.count() >= 2
    assert [bars.nth(i).get_attribute("tabindex") for i in range(bars.count())].count("0") == 1
    bars.first.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        bars.nth(1).get_attribute("aria-label")
    )


def test_on_a_phone_the_filters_in_force_come_first_and_a_button_opens_the_panel(page, server):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server + "?q=Iran&country=RU")
    summary = page.locator("#filters > summary")
    assert summary.inner_text().strip() == "Filters (1)"
    assert page.locator("#filters").evaluate("d => d.open") is False
    chip = page.locator(".chips .chip").bounding_box()
    first_hit = page.locator(".hit").first.bounding_box()
    assert summary.bounding_box()["y"] < chip["y"] < first_hit["y"] < 800
    summary.click()
    assert page.locator("#filters").evaluate("d => d.open") is True
    assert page.get_by_role("checkbox", name=re.compile(r"^Russia \d+$")).is_visible()


def test_one_view_has_one_address(server, browser):
    plain = browser.new_context(java_script_enabled=False).new_page()
    plain.goto(server)
    plain.fill("#q", "Lavrov")
    plain.click("button[type=submit] >> nth=0")
    plain.wait_for_load_state()
    assert plain.url == server + "?q=Lavrov"  # no mode=articles&sort=relevance&date_from=
    live = browser.new_context().new_page()
    live.goto(server)
    live.locator("#q").press_sequentially("Lavrov", delay=40)
    settled(live, "for “Lavrov”")
    live.wait_for_url(server + "?q=Lavrov")
    # The hit's back link returns to this very view.
    live.goto(server + "?q=Iran&country=RU&sort=newest")
    live.locator(".hit-title a").first.click()
    live.get_by_role("link", name="← Back to search").click()
    live.wait_for_load_state()
    assert live.url == server + "?q=Iran&sort=newest&country=RU"


def test_exports_are_named_after_the_search_and_open_in_excel(page, server, tmp_path):
    page.goto(server + "?q=Lavrov")
    with page.expect_download() as download:
        page.locator("a", has_text="CSV").click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"dispatch-lavrov-\d{4}-\d\d-\d\d\.csv", name)
    saved = tmp_path / name
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbftitle,")


def test_merged_and_named_addresses_lead_somewhere_and_unknown_ones_get_a_page(page, server):
    page.goto(server + "countries/iran/")
    assert page.url == server + "countries/IR/"
    response = page.goto(server + "no/such/page/")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", name="Nothing here").is_visible()
    assert page.locator("#missing-q").is_visible()  # a search box on the error page
    assert page.request.get(server + "favicon.ico").status == 200


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it stands."""
    if not AXE.exists():
        message = "axe-core is not installed (make install-dev runs npm ci)"
        if os.environ.get("DISPATCH_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    page.evaluate(Path(AXE).read_text())  # evaluated, not a <script>: the CSP stays on
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_accessibility_and_screenshots_of_every_page(page, server, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    views = {
        "search": "?q=Iran&country=RU",
        "statements": "?mode=statements&q=speaker:Lavrov",
        "speaker": "speakers/sergei-lavrov/",
        "country": "countries/IR/",
        "empty": "?q=zzzzqqq",
    }
    for name, address in views.items():
        page.goto(server + address)
        assert axe_violations(page) == [], name
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    page.goto(server + "?q=Iran")
    page.locator(".hit-title a").first.click()
    page.wait_for_load_state()
    assert axe_violations(page) == [], "article"
    page.screenshot(path=SCREENSHOTS / f"article-{width}.png", full_page=True)


def test_a_cancelled_live_search_is_no_error_in_the_console(page, server):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server)
    page.locator("#q").fill("Iran")
    # Two searches at once: hx-sync cancels the first, as fast typing does.
    page.evaluate(
        "() => { const form = document.getElementById('search-form');"
        " htmx.trigger(form, 'submit'); htmx.trigger(form, 'submit'); }"
    )
    settled(page, "for “Iran”")
    page.wait_for_timeout(300)
    assert errors == []
