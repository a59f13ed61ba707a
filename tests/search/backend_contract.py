"""The contract every search backend meets: subclass `BackendContract` and set `backend`."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from search.query import SearchParams
from search.query_tree import (
    And,
    Everything,
    Fuzzy,
    Not,
    Or,
    Phrase,
    Prefix,
    SearchQuery,
    Term,
    Wildcard,
)
from tests.search.queries import backend_query, tree

DOCS: list[dict[str, Any]] = [
    {
        "id": 1,
        "title": "Lavrov on the South Caucasus",
        "body": "Sergei Lavrov said the 3+3 platform is useful. Talks were held in Moscow.",
        "source": "Outlet A",
        "countries": ["AM", "RU"],
        "speakers": ["sergei-lavrov"],
        "date": datetime.date(2023, 1, 18),
    },
    {
        "id": 2,
        "title": "Iran and Russia meet",
        "body": "Deputy ministers of Iran and Russia met in Moscow to discuss the region.",
        "source": "Outlet B",
        "countries": ["IR", "RU"],
        "speakers": ["maria-zakharova"],
        "speaker_names": ["Maria Zakharova"],
        "date": datetime.date(2023, 10, 26),
    },
    {
        "id": 3,
        "title": "Türkiye hosts talks",
        "body": "Ankara hosted the ministers. <script>alert('x')</script> was in the feed.",
        "source": "Outlet A",
        "countries": ["TR"],
        "speakers": [],
        "date": None,
    },
    {
        "id": 4,
        "title": "Armenia and Iran",
        "body": "Yerevan and Tehran discussed trade routes and the region.",
        "source": "Outlet C",
        "countries": ["AM", "IR"],
        "speakers": ["sergei-lavrov", "maria-zakharova"],
        "date": datetime.date(2021, 12, 10),
    },
]


ALL_DAYS = {
    datetime.date(2021, 12, 10): 1,
    datetime.date(2023, 1, 18): 1,
    datetime.date(2023, 10, 26): 1,
}


def ids(results):
    return [hit.id for hit in results.hits]


class BackendContract:
    """Subclasses provide a `backend` fixture returning an empty backend."""

    @pytest.fixture
    def full(self, backend):
        assert backend.index(DOCS) == 4
        return backend

    def test_words_find_documents_and_mark_matches(self, full):
        results = full.search(backend_query(q="Lavrov"))
        assert ids(results) == [1]
        assert results.total == 1
        assert "<mark>Lavrov</mark>" in results.hits[0].passages[0]
        assert results.hits[0].title_html == "<mark>Lavrov</mark> on the South Caucasus"

    def test_stemming_and_accent_folding(self, full):
        assert sorted(ids(full.search(backend_query(q="talk")))) == [1, 3]
        assert ids(full.search(backend_query(q="Turkiye"))) == [3]

    def test_boolean_and_phrase_syntax(self, full):
        assert sorted(ids(full.search(backend_query(q="Iran AND Moscow")))) == [2]
        assert sorted(ids(full.search(backend_query(q="Lavrov OR Tehran")))) == [1, 4]
        assert sorted(ids(full.search(backend_query(q="region NOT Yerevan")))) == [2]
        assert ids(full.search(backend_query(q='"trade routes"'))) == [4]
        assert ids(full.search(backend_query(q='"routes trade"'))) == []

    def test_empty_query_lists_everything_newest_first_undated_last(self, full):
        results = full.search(backend_query())
        assert ids(results) == [2, 1, 4, 3]
        assert ids(full.search(backend_query(sort="oldest"))) == [4, 1, 2, 3]

    def test_passages_escape_html(self, full):
        hit = full.search(backend_query(q="ministers Ankara")).hits[0]
        assert hit.id == 3
        html = " ".join(hit.passages)
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
        assert "<mark>Ankara</mark>" in html

    def test_facet_counts(self, full):
        facets = full.search(backend_query()).facets
        assert facets["country"] == [("AM", 2), ("IR", 2), ("RU", 2), ("TR", 1)]
        assert facets["speaker"] == [("maria-zakharova", 2), ("sergei-lavrov", 2)]
        assert facets["source"] == [("Outlet A", 2), ("Outlet B", 1), ("Outlet C", 1)]

    def test_values_of_one_facet_combine_with_or_facets_with_and(self, full):
        assert sorted(ids(full.search(backend_query(countries=("TR", "AM"))))) == [1, 3, 4]
        both = backend_query(countries=("IR", "TR"), speakers=("sergei-lavrov",))
        assert ids(full.search(both)) == [4]

    def test_counts_are_disjunctive(self, full):
        results = full.search(backend_query(countries=("TR",)))
        # Ticking TR still shows what the other countries would add.
        assert results.facets["country"] == [("AM", 2), ("IR", 2), ("RU", 2), ("TR", 1)]
        assert results.facets["speaker"] == []
        assert results.total == 1

    def test_date_range(self, full):
        params = backend_query(
            date_from=datetime.date(2023, 1, 1), date_to=datetime.date(2023, 6, 30)
        )
        results = full.search(params)
        assert ids(results) == [1]
        assert results.days == {datetime.date(2023, 1, 18): 1}
        # The date facet's own counts ignore its own range (disjunctive, like the others).
        assert results.facet_days == ALL_DAYS

    def test_pages_and_a_page_past_the_end(self, full):
        first = full.search(backend_query(page_size=3))
        assert (first.page, first.page_count, len(first.hits)) == (1, 2, 3)
        past = full.search(backend_query(page=9, page_size=3))
        assert (past.page, ids(past)) == (2, [3])

    def test_index_replaces_by_id_and_delete_removes(self, full):
        full.index([{**DOCS[0], "title": "Replaced headline", "body": "New text."}])
        assert ids(full.search(backend_query(q="Lavrov"))) == []
        assert ids(full.search(backend_query(q="replaced"))) == [1]
        full.delete([1, 404])
        assert full.search(backend_query()).total == 3
        assert full.document_ids() == {2, 3, 4}

    def test_facets_and_days_follow_an_update(self, full):
        assert full.search(backend_query()).facets["source"][0] == ("Outlet A", 2)
        moved = {**DOCS[0], "countries": ["GE"], "source": "Outlet D"}
        full.index([{**moved, "date": datetime.date(2024, 5, 1)}])
        results = full.search(backend_query())
        assert results.facets["country"] == [("IR", 2), ("AM", 1), ("GE", 1), ("RU", 1), ("TR", 1)]
        assert ("Outlet D", 1) in results.facets["source"]
        assert results.days[datetime.date(2024, 5, 1)] == 1
        assert datetime.date(2023, 1, 18) not in results.days
        assert ids(full.search(backend_query(countries=("GE",)))) == [1]

    def test_facets_follow_a_rebuild(self, full):
        assert full.search(backend_query()).facets["country"][0] == ("AM", 2)
        full.rebuild([{**doc, "countries": ["GE"]} for doc in DOCS])
        assert full.search(backend_query()).facets["country"] == [("GE", 4)]

    def test_rebuild_replaces_everything(self, full):
        assert full.rebuild(DOCS[:2]) == 2
        assert full.document_ids() == {1, 2}

    @pytest.mark.parametrize(
        ("q", "found"),
        [
            ('"unclosed', []),
            ("(((", [2, 1, 4, 3]),  # nothing left to search: everything, newest first
            ("AND", [2, 1, 4, 3]),
            ("NOT", [2, 1, 4, 3]),
            ("title:", []),  # the word "title", in no document
            ("a:b:c", []),
            (")", [2, 1, 4, 3]),
            ("Lavrov)", [1]),
            ("Moscow NOT NOT Iran", [1]),
            ("-Moscow", [4, 3]),
        ],
    )
    def test_odd_syntax_searches_what_can_be_read(self, full, q, found):
        results = full.search(backend_query(q=q, sort="newest"))
        assert (ids(results), results.total) == (found, len(found))

    def test_related_articles_exclude_the_article_itself(self, full):
        related = full.related(2, count=3)
        assert related and 2 not in related
        assert set(related) <= {1, 3, 4}
        assert full.related(404) == []

    def test_results_are_counted_per_day(self, full):
        assert full.search(backend_query()).days == ALL_DAYS
        one_year = backend_query(
            date_from=datetime.date(2023, 1, 1), date_to=datetime.date(2023, 12, 31)
        )
        assert full.search(one_year).days == {
            datetime.date(2023, 1, 18): 1,
            datetime.date(2023, 10, 26): 1,
        }
        lavrov = full.search(backend_query(speakers=("sergei-lavrov",)))
        assert lavrov.days == {datetime.date(2021, 12, 10): 1, datetime.date(2023, 1, 18): 1}
        assert lavrov.facet_days == lavrov.days
        assert full.search(backend_query(q="Ankara")).days == {}  # undated only

    def test_search_ids_are_every_hit_in_order(self, full):
        assert full.search_ids(backend_query(page_size=1)) == [2, 1, 4, 3]
        assert full.search_ids(backend_query(sort="oldest", page=2)) == [4, 1, 2, 3]
        ranked = backend_query(q="region OR Lavrov OR Iran")
        assert full.search_ids(ranked) == ids(full.search(ranked))
        assert sorted(full.search_ids(backend_query(countries=("IR",), q="region"))) == [2, 4]
        assert full.search_ids(backend_query(q="nothingatall")) == []

    def test_passage_maker_marks_the_query(self, full):
        passages = full.passage_maker(tree("Moscow"))
        assert passages("Talks in Moscow.") == ("Talks in <mark>Moscow</mark>.",)
        assert passages("") == ()

    def test_highlight_all_marks_each_text_like_highlight(self, full):
        texts = ["Lavrov met Iran's minister.", "No match here.", '"South Caucasus" talks']
        q = tree('lavrov "south caucasus"')
        assert full.highlight_all(texts, q) == [full.highlight(t, q) for t in texts]
        assert full.highlight_all(texts, q)[2] == '"<mark>South Caucasus</mark>" talks'

    def test_highlight_whole_text(self, full):
        html = full.highlight("Lavrov met <b>Iran</b>'s minister.", tree("lavrov iran"))
        assert html == "<mark>Lavrov</mark> met &lt;b&gt;<mark>Iran</mark>&lt;/b&gt;'s minister."

    @pytest.mark.parametrize(
        ("node", "found"),
        [
            (Term("Moscow"), [1, 2]),
            (Term("talk"), [1, 3]),  # analysed as the index is: stems match
            (Term("3+3"), [1]),
            (Term("Lavrov", "title"), [1]),
            (Term("Moscow", "title"), []),
            (Term("Zakharova", "speaker"), [2]),
            (Term("B", "source"), [2]),
            (Term("AM", "country"), [1, 4]),
            (Phrase("trade routes"), [4]),
            (Phrase("routes trade"), []),
            (Phrase("ministers Moscow"), []),
            (Phrase("ministers Moscow", slop=8), [2]),
            (Phrase("Outlet C", "source"), [4]),
            (Prefix("minist"), [2, 3]),
            (Wildcard("Tehr?n"), [4]),
            (Wildcard("*oscow"), [1, 2]),
            (Fuzzy("Moskow"), [1, 2]),
            (Fuzzy("Noscow"), []),  # the first letter is kept as typed
            (Fuzzy("Moskaw"), []),  # two edits, one allowed
            (Fuzzy("Moskaw", distance=2), [1, 2]),
            (And((Term("Iran"), Term("Moscow")), strict=True), [2]),
            (Or((Term("Lavrov"), Term("Tehran"))), [1, 4]),
            (And((Term("region"), Not(Term("Yerevan")))), [2]),
            (Not(Term("Moscow")), [3, 4]),
            (Everything(), [1, 2, 3, 4]),
        ],
    )
    def test_each_node_of_the_query_tree(self, full, node, found):
        results = full.search(SearchQuery(node, SearchParams(page_size=10)))
        assert sorted(ids(results)) == found

    def test_a_boost_weighs_its_part_of_the_query(self, full):
        def ranked(yerevan: float, moscow: float) -> list[int]:
            either = Or((Term("Yerevan", boost=yerevan), Term("Moscow", boost=moscow)))
            return ids(full.search(SearchQuery(either, SearchParams())))

        assert ranked(10.0, 1.0)[0] == 4
        assert ranked(1.0, 10.0)[-1] == 4

    def test_suggest_corrects_only_the_words_the_index_lacks(self, full):
        assert full.suggest(backend_query(q="Lavrv and Iran")) == "Lavrov and Iran"
        assert full.suggest(backend_query(q="Lavrov Iran")) is None
        # Field values, patterns and fuzzy words are spelled on purpose.
        assert full.suggest(backend_query(q="title:Lavrv")) is None
        assert full.suggest(backend_query(q="Lavrv~ Lavr*")) is None

    def test_document_stamps_are_the_stamps_indexed(self, backend):
        backend.index([{**DOCS[0], "stamp": 5}, {**DOCS[1], "stamp": 7}])
        assert backend.document_stamps() == {1: 5, 2: 7}
        assert backend.stamps_of([2, 404]) == {2: 7}
        backend.index([{**DOCS[0], "stamp": 6}])
        assert backend.document_stamps() == {1: 6, 2: 7}
        backend.delete([2])
        assert backend.document_stamps() == {1: 6}

    @pytest.mark.parametrize(
        ("q", "params", "found"),
        [
            # No document has both: those with either, each saying what it lacks.
            ("Moscow Tehran", {}, [(1, ["Tehran"]), (2, ["Tehran"]), (4, ["Moscow"])]),
            # One has all three: it comes first, then those with most of the words.
            ("Iran Moscow region", {}, [(2, []), (4, ["Moscow"]), (1, ["Iran", "region"])]),
            # Exclusions, phrases and fields stay required; filters still apply.
            ("Moscow Tehran -Lavrov", {}, [(2, ["Tehran"]), (4, ["Moscow"])]),
            ('"trade routes" Moscow Iran', {}, [(4, ["Moscow"])]),
            ("title:Iran Moscow Tehran", {}, [(2, ["Tehran"]), (4, ["Moscow"])]),
            ("Moscow Tehran", {"countries": ("IR",)}, [(2, ["Tehran"]), (4, ["Moscow"])]),
            # A word the analysis splits is each of its words, labelled as typed.
            (
                "Yerevan-Moscow Tehran",
                {},
                [
                    (4, ["Yerevan-Moscow"]),
                    (1, ["Yerevan-Moscow", "Tehran"]),
                    (2, ["Yerevan-Moscow", "Tehran"]),
                ],
            ),
        ],
    )
    def test_too_few_with_every_word_adds_those_with_most(self, full, q, params, found):
        results = full.search(backend_query(q=q, **params))
        assert results.strategy == "most"
        ranked = [(hit.id, list(hit.missing)) for hit in results.hits]
        assert sorted(ranked) == sorted(found)
        if not found[0][1]:
            assert ranked[0] == found[0]  # the one with every word first
        assert results.total == len(found)
        assert full.search_ids(backend_query(q=q, **params)) == [hit.id for hit in results.hits]

    @pytest.mark.parametrize("q", ["Moscow AND Tehran", "Moscow", '"Moscow Tehran"', "Moscow the"])
    def test_a_query_that_must_match_whole_finds_only_whole_matches(self, full, q):
        results = full.search(backend_query(q=q))
        assert results.strategy == "all"
        assert all(not hit.missing for hit in results.hits)
        assert results.total in (0, 2)  # "Moscow" alone (the stop word adds nothing): 2


RANKING_DOCS = [
    {
        "id": 10,
        "title": "Energy news",
        "body": "Officials met on Monday. The pipeline was mentioned in passing by observers.",
        "countries": [],
        "speakers": [],
        "date": None,
    },
    {
        "id": 11,
        "title": "Energy news",
        "body": "Officials met on Monday. The pipeline is vital, the minister said on Monday.",
        "countries": [],
        "speakers": ["a-minister"],
        "date": None,
        "statements": [
            {
                "id": 1,
                "speaker": "a-minister",
                "speaker_names": ["A Minister"],
                "role": "",
                "text": "The pipeline is vital",
            }
        ],
    },
    {
        "id": 12,
        "title": "The pipeline question",
        "body": "Officials met on Monday. Nobody else came to the meeting that day at all.",
        "countries": [],
        "speakers": [],
        "date": None,
    },
]


class RankingContract:
    """Subclasses provide a `backend` fixture returning an empty backend."""

    def test_a_word_in_the_headline_ranks_first(self, backend):
        backend.index(RANKING_DOCS)
        assert ids(backend.search(backend_query(q="pipeline")))[0] == 12

    def test_a_word_in_headline_and_body_does_not_count_twice(self, backend):
        # BM25F: one word found in two fields is still one word; two words beat it.
        backend.index(
            [
                {"id": 30, "title": "Pipeline", "body": "The pipeline opened. " * 3, "date": None},
                {
                    "id": 31,
                    "title": "Caspian news",
                    "body": "A pipeline to Baku opened.",
                    "date": None,
                },
                {"id": 32, "title": "Other news", "body": "Nothing to report here.", "date": None},
            ]
        )
        assert ids(backend.search(backend_query(q="pipeline Baku"))) == [31, 30]

    def test_a_title_made_from_the_body_is_shown_but_not_searched_as_a_headline(self, backend):
        made = {
            "id": 20,
            "title": "Pipeline talks began on Monday…",
            "title_from_body": True,
            "body": "Pipeline talks began on Monday in Baku after a long pause.",
            "date": None,
        }
        backend.index([made])
        assert backend.search(backend_query(q="title:pipeline")).total == 0
        hit = backend.search(backend_query(q="pipeline")).hits[0]
        assert hit.title_html == "<mark>Pipeline</mark> talks began on Monday…"

    def test_statements_are_searchable_on_their_own(self, backend):
        backend.index(RANKING_DOCS)
        results = backend.search(backend_query(q="vital", mode="statements"))
        assert [(hit.id, hit.article_id) for hit in results.hits] == [(1, 11)]
        assert results.hits[0].passages == ("The pipeline is <mark>vital</mark>",)
        assert results.facets["speaker"] == [("a-minister", 1)]

    def test_hits_carry_their_articles_countries_and_speakers(self, full):
        hits = {hit.id: hit for hit in full.search(backend_query()).hits}
        assert {i: (h.countries, h.speakers) for i, h in hits.items()} == {
            doc["id"]: (tuple(doc["countries"]), tuple(doc["speakers"])) for doc in DOCS
        }

    def test_a_statement_hit_carries_its_articles_tags(self, backend):
        article = {**RANKING_DOCS[1], "countries": ["AZ", "TR"], "speakers": ["b", "a-minister"]}
        backend.index([article])
        (hit,) = backend.search(backend_query(q="vital", mode="statements")).hits
        assert (hit.countries, hit.speakers) == (("AZ", "TR"), ("b", "a-minister"))

    def test_hits_carry_their_articles_date_and_outlet(self, full):
        # What a list of articles shows, so that it needs none of their rows.
        hits = {hit.id: hit for hit in full.search(backend_query()).hits}
        assert {i: (h.date, h.source) for i, h in hits.items()} == {
            doc["id"]: (doc["date"], doc["source"]) for doc in DOCS
        }

    def test_a_statement_hit_carries_its_articles_date_and_outlet(self, backend):
        day = datetime.date(2024, 2, 29)
        backend.index([{**RANKING_DOCS[1], "date": day, "source": "Outlet D"}])
        (hit,) = backend.search(backend_query(q="vital", mode="statements")).hits
        assert (hit.date, hit.source) == (day, "Outlet D")

    def test_search_ids_of_statements_are_statement_ids(self, backend):
        backend.index(RANKING_DOCS)
        assert backend.search_ids(backend_query(q="vital", mode="statements")) == [1]
        assert backend.search_ids(backend_query(mode="statements", speakers=("nobody",))) == []
