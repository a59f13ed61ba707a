from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.http import StreamingHttpResponse
from django.urls import resolve, reverse

from archive.mapping import article_record
from archive.models import Article, Statement
from search.documents import article_document, indexable_articles
from search.export import ARTICLE_COLUMNS, STATEMENT_COLUMNS, plain, safe_cell
from tests.conftest import api
from tests.search.workbench_data import LAVROV, import_records

pytestmark = pytest.mark.django_db

MANY = [
    {
        "id": f"report-{n}",
        "title": f"Zorblat report {n}",
        "date": f"2022-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
        "source": "Wire C",
        "body": f"Zorblat report number {n}. Officials in Yerevan discussed the zorblat.",
    }
    for n in range(25)
]


@pytest.fixture
def many(seeded, tmp_path, django_capture_on_commit_callbacks):
    import_records(tmp_path, MANY + LAVROV, django_capture_on_commit_callbacks)


def download(client, url, params=None) -> tuple[StreamingHttpResponse, str]:
    response = client.get(url, params or {})
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response, response.getvalue().decode()


def csv_rows(client, params=None) -> list[dict]:
    response, text = download(client, "/export.csv", params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    # A byte-order mark first: Excel on Windows reads UTF-8 without one as its code page.
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_has_every_hit_the_page_counts_in_page_order(client, many):
    page = api(client, q="zorblat")
    assert page["total"] == 25 and page["page_count"] == 2
    rows = csv_rows(client, {"q": "zorblat", "page": "2"})
    assert len(rows) == page["total"]
    assert list(rows[0]) == list(ARTICLE_COLUMNS)
    assert [r["title"] for r in rows[:20]] == [hit["title"] for hit in page["hits"]]
    second = api(client, q="zorblat", page=2)["hits"]
    assert [r["title"] for r in rows[20:]] == [hit["title"] for hit in second]


def test_csv_columns_are_citation_ready(client, many):
    [row] = csv_rows(client, {"q": '"Iran is a reliable partner"'})
    assert row == {
        "title": "Partners in the region",
        "outlet": "Wire B",
        "date": "2023-06-10",
        "url": "https://example.org/partners",
        "speakers": "Sergei Lavrov",
        "countries": row["countries"],
        "passage": row["passage"],
    }
    assert "Iran" in row["countries"].split("; ")
    assert "reliable partner" in row["passage"] and "<mark>" not in row["passage"]
    [own] = csv_rows(client, {"q": '"sign the treaty soon"'})
    article = Article.objects.get(external_id="lavrov-1")
    assert own["url"] == f"http://testserver/articles/{article.pk}/"


def test_every_output_shows_an_article_as_its_one_record(client, many):
    record: dict = dict(article_record(Article.objects.with_metadata().get(external_id="lavrov-2")))
    shared = ("title", "source", "date", "countries", "speakers")
    [hit] = api(client, q='"Iran is a reliable partner"')["hits"]
    assert {name: hit[name] for name in shared} == {name: record[name] for name in shared}
    assert (hit["url"], hit["source_url"]) == (record["page_url"], record["link_url"])
    out = io.StringIO()
    call_command("export_articles", stdout=out, stderr=io.StringIO())
    [exported] = [
        row for row in map(json.loads, out.getvalue().splitlines()) if row["id"] == hit["id"]
    ]
    assert {name: exported[name] for name in (*shared, "url")} == {
        name: record[name] for name in (*shared, "url")
    }
    # The downloads head the outlet "outlet", and join lists into one cell.
    [row] = csv_rows(client, {"q": '"Iran is a reliable partner"'})
    assert [row[name] for name in ARTICLE_COLUMNS[:-1]] == [
        record["title"],
        record["source"],
        record["date"],
        record["link_url"],
        "; ".join(record["speakers"]),
        "; ".join(record["country_names"]),
    ]
    document = article_document(indexable_articles().get(external_id="lavrov-2"))
    assert [document[name] for name in ("id", "title", "source", "countries", "speakers")] == [
        record["id"],
        record["title"],
        record["source"],
        record["countries"],
        record["speaker_slugs"],
    ]


def test_export_follows_the_filters(client, many):
    assert len(csv_rows(client, {"country": "PS"})) == api(client, country="PS")["total"] == 1
    everything = api(client)["total"]
    assert len(csv_rows(client)) == everything == Article.objects.count()


def test_json_export_is_streamed_and_complete(client, many):
    response, text = download(client, "/export.json", {"q": "zorblat"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(text)
    assert (data["mode"], data["q"]) == ("articles", "zorblat")
    assert len(data["hits"]) == 25
    assert set(data["hits"][0]) == set(ARTICLE_COLUMNS)


def test_statements_export(client, many):
    _, text = download(client, "/export.json", {"mode": "statements", "q": "speaker:Lavrov"})
    hits = json.loads(text)["hits"]
    assert len(hits) == api(client, "/api/statements", q="speaker:Lavrov")["total"]
    assert len(hits) == Statement.objects.filter(speaker__slug="sergei-lavrov").count()
    assert set(hits[0]) == set(STATEMENT_COLUMNS)
    assert {h["speaker"] for h in hits} == {"Sergei Lavrov"}
    rows = csv_rows(client, {"mode": "statements", "q": "reliable"})
    assert [(r["quote"], r["article_title"], r["url"]) for r in rows] == [
        (rows[0]["quote"], "Partners in the region", "https://example.org/partners")
    ]
    assert "Iran is a reliable partner" in rows[0]["quote"]


def test_csv_is_safe_from_formula_injection(
    client, seeded, tmp_path, django_capture_on_commit_callbacks
):
    record = {
        "id": "formula",
        "title": '=HYPERLINK("http://evil.example","click") pipeline',
        "source": "+Wire",
        "date": "2023-02-02",
        "body": "@SUM(A1) pipeline -2 and more text about the pipeline.",
    }
    import_records(tmp_path, [record], django_capture_on_commit_callbacks)
    assert Article.objects.get(external_id="formula").title.startswith("=")
    [row] = csv_rows(client, {"q": "HYPERLINK"})
    assert row["title"].startswith("'=HYPERLINK(")
    assert row["outlet"] == "'+Wire"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@"))


def test_safe_cell_and_plain_text():
    assert [safe_cell(v) for v in ("=1+1", "+1", "-1", "@A1", "\t=1", "ok", 3)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@A1",
        "'\t=1",
        "ok",
        "3",
    ]
    assert plain("<mark>Iran</mark> &amp; &lt;b&gt; said") == "Iran & <b> said"


def test_the_results_page_links_to_both_exports_without_the_page(client, many):
    html = client.get("/", {"q": "zorblat", "page": "2"}).content.decode()
    assert 'href="/export.csv?q=zorblat"' in html
    assert 'href="/export.json?q=zorblat"' in html


def test_export_escapes_nothing_it_should_not_and_runs_no_html(
    client, seeded, tmp_path, django_capture_on_commit_callbacks
):
    record = {"id": "x", "title": "<b>Bold</b> zorblat & co", "body": "A zorblat <i>story</i>."}
    import_records(tmp_path, [record], django_capture_on_commit_callbacks)
    [row] = csv_rows(client, {"q": "zorblat"})
    assert row["title"] == Article.objects.get(external_id="x").title
    assert row["passage"] == "A zorblat <i>story</i>."


def test_a_stored_script_url_is_exported_and_served_as_the_dispatch_page(client, seeded):
    # A row stored before URLs were checked at import.
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    Article.objects.filter(pk=article.pk).update(url="javascript:alert(document.domain)")
    _, text = download(client, "/export.csv", {"q": "Lavrov"})
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["url"] == f"http://testserver/articles/{article.pk}/"
    [hit] = api(client, q="Lavrov")["hits"]
    assert hit["source_url"] is None


def test_both_formats_are_one_view_named_by_its_url(client, seeded):
    csv_route, json_route = resolve("/export.csv"), resolve("/export.json")
    assert csv_route.func is json_route.func
    assert (csv_route.kwargs, json_route.kwargs) == ({"fmt": "csv"}, {"fmt": "json"})
    assert (reverse("export-csv"), reverse("export-json")) == ("/export.csv", "/export.json")
    today = datetime.date.today().isoformat()
    for fmt in ("csv", "json"):
        response, _ = download(client, f"/export.{fmt}")
        assert response["Content-Disposition"] == f'attachment; filename="dispatch-{today}.{fmt}"'
        response, _ = download(client, f"/export.{fmt}", {"q": 'Lavrov "3+3" Türkiye'})
        named = f'attachment; filename="dispatch-lavrov-33-turkiye-{today}.{fmt}"'
        assert response["Content-Disposition"] == named


def test_an_export_says_what_went_wrong_in_its_own_format(client, seeded, settings):
    settings.DISPATCH_SEARCH_BUDGET = 0.0
    as_json = client.get("/export.json", {"q": "minist*"})
    assert (as_json.status_code, as_json["Content-Type"]) == (400, "application/json")
    assert "stopped after 0 s" in as_json.json()["error"]
    as_csv = client.get("/export.csv", {"q": "minist*"})
    assert (as_csv.status_code, as_csv["Content-Type"]) == (400, "text/plain; charset=utf-8")
    assert b"stopped after 0 s" in as_csv.content
