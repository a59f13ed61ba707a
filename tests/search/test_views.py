from __future__ import annotations

import html
import re

import pytest

from archive.models import Article, Person
from tests.conftest import api

pytestmark = pytest.mark.django_db


def test_lavrov_finds_the_seed_003_article_with_the_word_marked(client, seeded):
    data = api(client, q="Lavrov")
    assert data["total"] == 1
    [hit] = data["hits"]
    article = Article.objects.get(pk=hit["id"])
    assert article.external_id == "003_16757b8a0299963c.txt"
    assert any("<mark>Lavrov</mark>" in passage for passage in hit["highlights"])
    assert hit["speakers"] == ["Sergei Lavrov"]


def test_country_facet_lists_the_3_plus_3_countries_with_counts(client, seeded):
    facets = api(client)["facets"]
    countries = {f["value"]: f["count"] for f in facets["country"]}
    assert {"AM", "AZ", "GE", "IR", "RU", "TR"} <= set(countries)
    assert countries["RU"] == 5
    assert all(set(f) == {"value", "label", "count", "selected"} for f in facets["country"])
    labels = {f["value"]: f["label"] for f in facets["country"]}
    assert labels["TR"] == "Türkiye" or labels["TR"].startswith("Turk")


def test_two_countries_combine_with_or(client, seeded):
    only_ps = api(client, country="PS")["total"]
    only_ir = api(client, country="IR")["total"]
    both = api(client, country=["PS", "IR"])
    assert only_ps == 1
    assert both["total"] == only_ir  # every PS article is also about IR: OR, not AND
    selected = {f["value"] for f in both["facets"]["country"] if f["selected"]}
    assert selected == {"PS", "IR"}


def test_seed_003_has_no_country_from_its_trailing_headlines(client, seeded):
    for code in ("GR", "UA", "CN", "IN", "MD", "RO", "BG"):
        assert api(client, country=code)["total"] == 0


def test_empty_query_lists_everything_newest_first_with_facets(client, seeded):
    data = api(client)
    assert data["total"] == 5
    dates = [hit["date"] for hit in data["hits"]]
    assert dates[:2] == ["2023-10-26", "2023-01-30"]
    assert dates[2:] == [None, None, None]
    assert [f["value"] for f in data["facets"]["year"]] == ["2023"]


def test_speaker_filter_and_date_range(client, seeded):
    assert api(client, speaker="sergei-lavrov")["total"] == 1
    assert api(client, date_from="2023-10", date_to="2023-10")["total"] == 1
    assert api(client, date_from="2024")["total"] == 0


def test_full_page_vs_htmx_fragment(client, seeded):
    page = client.get("/", {"q": "Lavrov"})
    fragment = client.get("/", {"q": "Lavrov"}, headers={"HX-Request": "true"})
    assert page.status_code == fragment.status_code == 200
    assert b"<html" in page.content and b'id="search-form"' in page.content
    assert b"<html" not in fragment.content and b'id="search-form"' not in fragment.content
    for response in (page, fragment):
        assert "HX-Request" in response["Vary"]
        assert b"<mark>Lavrov</mark>" in response.content


def test_page_serves_htmx_locally_not_from_a_cdn(client, seeded):
    html = client.get("/").content.decode()
    assert "/static/django_htmx/htmx-2" in html or "htmx" in html and "unpkg" not in html
    assert "https://" not in html.split("<body")[0]


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unclosed'},
        {"q": "((("},
        {"q": "NOT"},
        {"q": "title:"},
        {"page": "999"},
        {"page": "abc"},
        {"date_from": "someday"},
        {"sort": "sideways"},
        {"country": "not-a-code"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_bad_input_never_errors(client, seeded, params):
    response = client.get("/", params)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    assert client.get("/api/search", params).status_code == 200


def test_page_past_the_end_shows_the_last_page(client, seeded):
    data = api(client, page="7")
    assert data["page"] == 1
    assert data["total"] == 5


def test_missing_index_is_a_clear_message_not_an_error(client, db):
    response = client.get("/", {"q": "Lavrov"})
    assert response.status_code == 200
    assert b"rebuild_index" in response.content
    assert client.get("/api/search").status_code == 503


def test_article_page_highlights_the_query_and_lists_metadata(client, seeded):
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    response = client.get(article.get_absolute_url(), {"q": "Lavrov"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<mark id="match-1">Lavrov</mark>' in html
    assert 'href="#match-2" aria-label="Next match"' in html
    assert "3 matches for “Lavrov”" in html
    assert "Sergei Lavrov" in html
    assert "Statements" in html
    assert "Turkish Defense Industry" not in html  # boilerplate stays out of the page


def test_hidden_article_page_is_not_found(client, seeded):
    article = Article.objects.first()
    Article.objects.filter(pk=article.pk).update(status=Article.HIDDEN)
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("mode", ["articles", "statements"])
def test_results_read_their_rows_in_one_query_and_load_no_texts(
    client, seeded, django_assert_max_num_queries, mode
):
    # The alias tables and the names of countries and speakers are read once per process.
    client.get("/", {"mode": mode}, headers={"HX-Request": "true"})
    # Then a page is one query: the hits' rows.
    with django_assert_max_num_queries(1) as captured:
        response = client.get("/", {"mode": mode}, headers={"HX-Request": "true"})
    hits = response.content.count(b'<li class="hit')
    assert response.status_code == 200 and hits == (5 if mode == "articles" else 20)
    queries = [q["sql"] for q in captured.captured_queries if '"archive_article"' in q["sql"]]
    assert len(queries) == 1 and '"raw_text"' not in queries[0]
    if mode == "articles":  # what a listing shows comes from the index: only visibility here
        assert '"title"' not in queries[0] and '"status"' in queries[0]


def test_a_listing_shows_each_articles_date_and_outlet(
    client, seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the index follows the saves
        for n, article in enumerate(Article.objects.all()):
            article.source = f"Outlet <{n}> & Co"
            article.save()
    page = client.get("/", headers={"HX-Request": "true"}).content.decode()
    shown = re.findall(
        r'<a href="/articles/(\d+)/[^"]*">.*?<p class="hit-meta">\s*(.*?)\s*</p>', page, re.S
    )
    assert len(shown) == 5
    for pk, meta in shown:
        article = Article.objects.get(pk=pk)
        day = f'datetime="{article.date.isoformat()}"' if article.date else "Undated"
        assert day in meta
        assert f'<span class="outlet">{html.escape(article.source)}</span>' in meta


def test_an_article_hidden_behind_the_indexs_back_is_left_out(client, seeded):
    # As if the index had not caught up yet: the database still decides what is shown.
    article = Article.objects.first()
    Article.objects.filter(pk=article.pk).update(status=Article.HIDDEN)
    page = client.get("/", headers={"HX-Request": "true"}).content.decode()
    assert page.count('<li class="hit') == 4
    assert f'href="/articles/{article.pk}/' not in page
    assert article.pk not in [hit["id"] for hit in api(client)["hits"]]


def test_a_hits_tags_name_its_countries_and_speakers(client, seeded):
    article = Article.objects.with_metadata().get(pk=Article.objects.first().pk)
    page = client.get("/", {"q": f'"{article.title}"'}, headers={"HX-Request": "true"})
    hit = page.content.decode().split('<li class="hit">')[1].split("</li>")[0]
    found = re.findall(r'<a class="tag (\w+)" href="([^"]+)"[^>]*>([^<]+)</a>', hit)
    tags = [(kind, href, html.unescape(name)) for kind, href, name in found]
    countries = sorted(article.countries.all(), key=lambda c: c.name)
    assert tags == [
        *(("country", f"/countries/{c.code}/", c.name) for c in countries),
        *(("speaker", f"/speakers/{p.slug}/", p.name) for p in article.speakers),
    ]
    assert tags, "the seed article names countries or speakers"


@pytest.mark.parametrize("speaker", ["a b", "é", "a.b"])
def test_a_speaker_that_is_not_a_slug_finds_nothing_and_says_so(client, seeded, speaker):
    data = api(client, speaker=speaker)
    assert data["total"] == 0
    assert f"No speaker is called {speaker!r}; nothing matches it." in data["notices"]
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        page = client.get("/", {"speaker": speaker}, **headers)
        assert page.status_code == 200
        assert b"nothing matches it" in page.content
        assert client.get("/facets/speaker/", {"speaker": speaker}, **headers).status_code == 200


def test_an_unknown_speaker_slug_is_a_notice_and_known_ones_link_to_their_page(client, seeded):
    data = api(client, speaker="nobody-at-all")
    assert data["total"] == 0
    assert data["notices"] == ["No speaker is called 'nobody-at-all'; nothing matches it."]
    page = client.get("/", {"speaker": ["nobody-at-all", "sergei-lavrov"]}).content.decode()
    assert 'href="/speakers/sergei-lavrov/"' in page
    assert 'href="/speakers/nobody-at-all/"' not in page


def test_a_search_past_its_time_budget_stops_with_a_notice(client, seeded, settings):
    settings.DISPATCH_SEARCH_BUDGET = 0.0
    data = api(client, q="minist*")
    assert data["total"] == 0 and data["hits"] == []
    assert data["notices"] == [
        "The search was stopped after 0 s: use fewer wildcards, fuzzy words or very common words."
    ]
    assert client.get("/", {"q": "minist*"}).status_code == 200
    export = client.get("/export.csv", {"q": "minist*"})
    assert export.status_code == 400
    assert b"stopped after 0 s" in export.content
    settings.DISPATCH_SEARCH_BUDGET = 3.0
    assert api(client, q="minist*")["total"] > 0


def test_fuzzy_distance_is_capped_with_a_notice(client, seeded):
    data = api(client, q="Lavrov~7")
    assert data["notices"] == ["Fuzzy matching allows at most 2 edits per word."]
    assert data["total"] == api(client, q="Lavrov~2")["total"] > 0


@pytest.mark.parametrize("url", ["/", "/speakers/sergei-lavrov/", "/countries/RU/"])
def test_every_list_of_results_has_the_one_header(client, seeded, url):
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url, headers=headers)
        html = response.content.decode()
        assert html.count('<div class="results-header">') == html.count('id="result-count"') == 1


def test_htmx_links_and_forms_take_their_target_and_history_from_the_page(client, seeded):
    for url in ("/?q=Russia", "/speakers/sergei-lavrov/", "/countries/RU/"):
        html = client.get(url).content.decode()
        assert '<main id="main" tabindex="-1" hx-target="#results" hx-push-url="true">' in html
        assert html.count('hx-target="#results"') == html.count('hx-push-url="true"') == 1
        assert "{#" not in html  # a template comment spread over lines is printed, not hidden


def test_a_merged_speakers_old_address_leads_to_the_person_kept(client, seeded):
    from archive.curation import merge_persons

    kept = Person.objects.get(slug="sergei-lavrov")
    other = Person.objects.create(name="Sergey Lavrov")
    merge_persons(kept, [other])
    response = client.get("/speakers/sergey-lavrov/", {"q": "Caucasus"})
    assert (response.status_code, response["Location"]) == (
        301,
        "/speakers/sergei-lavrov/?q=Caucasus",
    )
    assert client.get("/speakers/nobody-at-all/").status_code == 404


def test_unknown_pages_have_a_search_box_and_the_favicon_is_served(client, seeded):
    missing = client.get("/no/such/page/")
    assert missing.status_code == 404
    assert 'id="missing-q" name="q"' in missing.content.decode()
    icon = client.get("/favicon.ico")
    assert (icon.status_code, icon["Content-Type"]) == (200, "image/svg+xml")


def test_page_notices_and_counts_read_as_english(client, seeded):
    data = api(client, q="Lavrov", page="9")
    assert "There is only 1 page; showing it." in data["notices"]
    text = html.unescape(client.get("/", {"q": '"Sergei Lavrov"'}).content.decode())
    assert 'for "Sergei Lavrov"' in text and '“"' not in text  # not “"…"”


def test_the_speaker_page_shows_no_chips_for_its_own_filters(client, seeded):
    html = client.get("/speakers/sergei-lavrov/").content.decode()
    assert 'class="chips"' not in html
    assert 'class="chips"' in client.get("/", {"country": "RU"}).content.decode()


def test_an_empty_result_shows_no_empty_filter_boxes(client, seeded):
    html = client.get("/", {"q": "zzzzqqq"}).content.decode()
    assert "No articles match." in html
    assert 'class="facets"' not in html and "Apply filters" not in html


def test_the_error_page_is_styled_and_offers_a_search_box(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html and 'id="error-q" name="q"' in html
