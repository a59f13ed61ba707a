"""Aliases, fields, spelling, outlets, months, statements and related articles, end to end."""

from __future__ import annotations

import pytest

from archive.ingestion import import_paths
from archive.models import Article, Statement
from tests.conftest import api

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_aliases")]


def external_ids(data):
    ids = [hit["id"] for hit in data["hits"]]
    return sorted(Article.objects.filter(pk__in=ids).values_list("external_id", flat=True))


def test_turkey_also_finds_turkiye(client, seeded):
    # Seed 002 says only "Türkiye"; the others say "Turkey".
    assert "002_3247808d51f1ef9c.txt" in external_ids(api(client, q="Turkey"))
    assert api(client, q="Turkey")["total"] == 5


def test_a_person_is_found_under_any_spelling(
    client, db, tmp_path, django_capture_on_commit_callbacks
):
    (tmp_path / "a.txt").write_text("Talks\n\nSergei Lavrov said the talks went well.\n")
    (tmp_path / "b.txt").write_text("More talks\n\nSergey Lavrov said more talks will follow.\n")
    with django_capture_on_commit_callbacks(execute=True):
        import_paths([tmp_path])
    assert api(client, q="Sergey Lavrov")["total"] == 2
    assert api(client, q='"Sergei Lavrov"')["total"] == 2
    assert api(client, q="speaker:Sergey")["total"] == 2


def test_country_field_takes_names_demonyms_and_codes(client, seeded):
    assert api(client, q="country:PS")["total"] == 1
    assert api(client, q="country:Palestinian")["total"] == 1
    assert api(client, q="country:Armenian")["total"] == 5
    data = api(client, q="country:Narnia")
    assert data["notices"] == ["No country called 'Narnia'; searched for the word instead."]


def test_title_speaker_source_and_date_fields(client, seeded):
    assert external_ids(api(client, q="title:Lavrov")) == ["003_16757b8a0299963c.txt"]
    assert external_ids(api(client, q="speaker:Zakharova")) == ["000_6ca478c5c3599b51.txt"]
    assert external_ids(api(client, q="source:armenpress")) == ["004_b7507ac4d02b7d42.txt"]
    assert api(client, q="date:2023-10")["total"] == 1
    assert api(client, q="date:[2023-01 TO 2023-02] Russia")["total"] == 1


def test_did_you_mean_and_fuzzy(client, seeded):
    # `exact`: the words as typed, which find nothing (without it, the next test).
    data = api(client, q="Lavrv", exact=1)
    assert data["total"] == 0
    assert data["suggestion"] == "Lavrov"
    page = client.get("/", {"q": "Lavrv", "exact": 1}).content.decode()
    assert 'Did you mean <a href="?q=Lavrov"' in page
    assert api(client, q="Lavrv~")["total"] == 1


def test_a_search_that_finds_nothing_shows_what_its_correction_finds(client, seeded):
    data = api(client, q="Lavrv")
    expected = api(client, q="Lavrov")
    assert (data["corrected_from"], data["suggestion"]) == ("Lavrv", "Lavrov")
    assert data["hits"] == expected["hits"] and data["total"] == expected["total"] == 1
    page = client.get("/", {"q": "Lavrv", "country": "RU"}).content.decode()
    assert "1 article for “Lavrov”" in page
    assert (
        "Showing results for <strong>Lavrov</strong> — search instead for "
        '<a href="?q=Lavrv&amp;country=RU&amp;exact=1"'
    ) in page
    assert "Did you mean" not in page
    assert 'href="/export.csv?q=Lavrov&amp;country=RU"' in page  # links search the correction


def test_searching_instead_for_the_words_as_typed_does_not_correct_them(client, seeded):
    data = api(client, q="Lavrv", exact=1)
    assert (data["total"], data["corrected_from"], data["suggestion"]) == (0, None, "Lavrov")


@pytest.mark.parametrize(
    ("q", "total", "suggestion"),
    [
        ("Lavrv AND Narnia", 0, "Lavrov AND Narnia"),  # the correction finds nothing either
        ("Lavrv OR Zakharova", 1, "Lavrov OR Zakharova"),  # something found: only offered
    ],
)
def test_a_correction_is_only_offered_unless_it_alone_finds_something(
    client, seeded, q, total, suggestion
):
    data = api(client, q=q)
    assert (data["total"], data["corrected_from"], data["suggestion"]) == (total, None, suggestion)


def test_a_phrase_is_highlighted_as_a_phrase(client, seeded):
    data = api(client, q='"South Caucasus"')
    html = " ".join(p for hit in data["hits"] for p in hit["highlights"])
    assert "<mark>South Caucasus</mark>" in html
    assert "<mark>South</mark>" not in html


def test_outlet_facet_and_filter(client, seeded):
    data = api(client)
    assert data["facets"]["source"] == [
        {"value": "ARMENPRESS", "label": "ARMENPRESS", "count": 1, "selected": False}
    ]
    assert api(client, source="ARMENPRESS")["total"] == 1


def test_year_drills_into_months(client, seeded):
    assert "month" not in api(client)["facets"]
    months = api(client, date_from="2023", date_to="2023")["facets"]["month"]
    assert [(m["value"], m["count"]) for m in months] == [("2023-01", 1), ("2023-10", 1)]


def test_statements_api(client, seeded):
    data = api(client, "/api/statements", q="speaker:Lavrov 3+3")
    assert data["total"] >= 1
    for hit in data["hits"]:
        assert hit["speaker"] == "Sergei Lavrov"
        assert hit["article"]["title"] == "Sergey Lavrov on Russia's plans in South Caucasus"
        assert "3+3" in hit["text"]
        stored = Statement.objects.get(pk=hit["id"])
        assert hit["form"] == stored.form and hit["form"] in ("quote", "reported")
    everything = api(client, "/api/statements")
    assert everything["total"] == sum(a.statements.count() for a in Article.objects.all())


def test_facet_values_page_lists_and_filters_every_value(client, seeded):
    html = client.get("/facets/speaker/", {"contains": "lav"}).content.decode()
    assert "Sergei Lavrov" in html and "Maria Zakharova" not in html
    fragment = client.get("/facets/speaker/", headers={"HX-Request": "true"}).content.decode()
    assert "Maria Zakharova" in fragment and "<html" not in fragment
    assert client.get("/facets/nonsense/").status_code == 404


def test_article_page_shows_related_articles(client, seeded):
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "More like this" in html
    assert html.count('<li><a href="/articles/') >= 1
