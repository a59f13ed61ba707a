"""Long queries and pasted sentences: articles with most of the words, said so, end to end."""

from __future__ import annotations

import pytest

from archive.ingestion import import_paths
from tests.conftest import api

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_aliases")]


@pytest.fixture
def three(db, tmp_path, django_capture_on_commit_callbacks):
    (tmp_path / "a.txt").write_text("Grain corridor\n\nThe grain corridor reopened in Odesa.\n")
    (tmp_path / "b.txt").write_text("Grain prices\n\nGrain prices fell in Chicago.\n")
    (tmp_path / "c.txt").write_text("Port strike\n\nDockers struck in Rotterdam.\n")
    with django_capture_on_commit_callbacks(execute=True):
        import_paths([tmp_path])


def test_a_question_finds_the_articles_with_most_of_its_words(client, three):
    data = api(client, q="did the grain corridor reopen in Chicago")
    assert data["strategy"] == "most"
    assert [hit["title"] for hit in data["hits"]] == ["Grain corridor", "Grain prices"]
    assert [hit["missing"] for hit in data["hits"]] == [
        ["did", "Chicago"],
        ["did", "corridor", "reopen"],
    ]
    assert data["total"] == 2


def test_few_with_every_word_come_first_then_those_with_most(client, three):
    data = api(client, q="grain corridor")
    assert (data["strategy"], data["total"]) == ("most", 2)
    assert [hit["missing"] for hit in data["hits"]] == [[], ["corridor"]]
    html = client.get("/", {"q": "grain corridor"}).content.decode()
    assert "Only 1 article contains all your words; also showing articles that match" in html


def test_enough_with_every_word_is_the_usual_search(client, three):
    data = api(client, q="grain")
    assert (data["strategy"], data["total"]) == ("all", 2)


def test_an_and_keeps_the_query_strict(client, three):
    data = api(client, q="grain AND Chicago AND corridor")
    assert (data["strategy"], data["total"]) == ("all", 0)


def test_the_page_says_so_and_shows_what_each_result_lacks(client, three):
    html = client.get("/", {"q": "grain corridor Chicago"}).content.decode()
    assert "No article contains all your words; showing articles that match most of them." in html
    assert '<p class="missing">Missing: <s>Chicago</s></p>' in html


def test_facets_and_exports_describe_the_results_shown(client, three):
    data = api(client, q="grain corridor Chicago")
    assert sum(count["count"] for count in data["facets"]["source"]) <= data["total"] == 2
    response = client.get("/export.csv", {"q": "grain corridor Chicago"})
    csv = b"".join(response.streaming_content).decode()
    assert len(csv.strip().splitlines()) == 1 + data["total"]


def test_a_query_of_5000_characters_is_searched(client, three):
    long = ("grain corridor " * 400)[:5000]
    data = api(client, q=long)
    assert data["total"] >= 1 and not data["error"]
    cut = api(client, q="grain " * 1000)
    assert "The query was cut to its first 5000 characters." in cut["notices"]


@pytest.fixture
def heated(db, tmp_path, django_capture_on_commit_callbacks):
    (tmp_path / "a.txt").write_text(
        "Shell buckling\n\nThin shells fail when heated: wall temperature, thermal stress and"
        " creep decide when.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Plate tests\n\nHeated thin plates: thermal stress and creep at high wall temperature"
        " were measured in long tests over many months at the laboratory.\n"
    )
    (tmp_path / "c.txt").write_text("Kettles\n\nKettles are heated.\n")
    with django_capture_on_commit_callbacks(execute=True):
        import_paths([tmp_path])


def test_a_question_ranks_by_the_words_its_best_match_is_written_in(client, heated):
    # "Plate tests" and "Kettles" each have one word of the question; the plates share the
    # best match's thermal stress, creep and wall temperature, the kettles nothing.
    data = api(client, q="why do heated shells fail")
    assert data["strategy"] == "most"
    assert [hit["title"] for hit in data["hits"]] == ["Shell buckling", "Plate tests", "Kettles"]


def test_feedback_leaves_quotes_and_every_word_searches_alone(client, heated, monkeypatch):
    from search.backends.whoosh import feedback

    asked = []
    original = feedback.rescored

    def rescored(*args):
        asked.append(1)
        return original(*args)

    monkeypatch.setattr(feedback, "rescored", rescored)
    api(client, q="why do heated shells fail")
    assert asked == [1]
    quote = api(client, q="thermal stress and creep at high wall temperature were measured")
    assert quote["strategy"] == "most" and quote["hits"][0]["title"] == "Plate tests"
    api(client, q="heated")  # every word found: no partial match
    keywords = api(client, q="heated shells fail")  # three words: keywords, not a question
    assert keywords["strategy"] == "most"
    assert asked == [1]
