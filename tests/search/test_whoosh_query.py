from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from search.backends.whoosh import compiler as whoosh_query
from search.backends.whoosh.schema import build_schema
from search.query_syntax import prepare
from tests.test_fuzz import SYNTAX

PARSER = whoosh_query.make_parser(build_schema())


def fuzzy_terms(query: wq.Query) -> list[wq.FuzzyTerm]:
    return [node for node in whoosh_query._walk(query) if isinstance(node, wq.FuzzyTerm)]


@pytest.mark.parametrize("text", ["ministerial~7", "ministerial~3/0", "a~9 OR b~5"])
def test_fuzzy_words_are_capped_at_two_edits_and_keep_their_first_letter(text):
    query, notices = whoosh_query.parse(PARSER, text)
    assert fuzzy_terms(query)
    assert all(t.maxdist == 2 and t.prefixlength == 1 for t in fuzzy_terms(query))
    assert notices == ["Fuzzy matching allows at most 2 edits per word."]


def test_a_fuzzy_word_within_the_cap_is_left_alone():
    query, notices = whoosh_query.parse(PARSER, "Lavrv~")
    assert [(t.maxdist, t.prefixlength) for t in fuzzy_terms(query)] == [(1, 1), (1, 1)]
    assert notices == []


def test_syntax_whoosh_cannot_read_becomes_its_words_with_a_notice():
    # Whoosh's parser raised IndexError on a double NOT: a 500 before.
    query, notices = whoosh_query.parse(PARSER, "NOT NOT x")
    assert query == wq.Or([wq.Term("title", "x", boost=3.0), wq.Term("body", "x")])
    assert notices == ["The query's syntax could not be read, so its words were searched instead."]
    assert whoosh_query.parse(PARSER, "NOT NOT NOT")[0] is wq.NullQuery


@settings(
    max_examples=500,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(st.lists(st.sampled_from(SYNTAX) | st.text(max_size=6), max_size=10))
def test_no_user_text_makes_the_query_parser_raise(parts):
    for text in (" ".join(parts), "".join(parts)):
        prepared = prepare(text, lambda name: None)
        query, _ = whoosh_query.parse(PARSER, prepared.text)
        assert isinstance(query, wq.Query)
