"""Query trees compiled to Whoosh queries: as Whoosh's own parser reads the same query."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser

from search.backends.whoosh.compiler import FIELD_BOOSTS, Compiler
from search.backends.whoosh.engine import AnyField
from search.backends.whoosh.schema import build_schema
from search.query_syntax import parse
from tests.test_fuzz import SYNTAX

SCHEMA = build_schema()
COMPILER = Compiler(SCHEMA)


def whoosh_parse(text: str) -> wq.Query:
    parser = MultifieldParser(list(FIELD_BOOSTS), SCHEMA, fieldboosts=FIELD_BOOSTS)
    parser.add_plugin(FuzzyTermPlugin())
    return parser.parse(text)


@pytest.mark.parametrize(
    ("ours", "whoosh_syntax"),
    [
        ("Lavrov 3+3", "Lavrov 3+3"),
        ("the talks", "the talks"),  # stop words dropped
        # One word the analyser splits in two: each word in the headline or the body
        # (Whoosh's parser wants both in the same field).
        ("e-mail", "e mail"),
        ('title:"South Caucasus" talks', 'title:"South Caucasus" talks'),
        ('"peace talks"', '"peace talks"'),
        ("speaker:Lavrov", "speaker_names:Lavrov"),
        ("source:ARMENPRESS", "source_text:ARMENPRESS"),
        ("minist*", "minist*"),
        ("Turkey*", "Turkey*"),  # the stem of what is typed: turkei*
        ("w?rd", "w?rd"),
        ("Lavrv~", "Lavrv~1/1"),
        ("a b OR c", "a b OR c"),
        ("a AND b OR c NOT d", "a AND b OR c NOT d"),
        ("Iran -Russia", "Iran NOT Russia"),
        ("(Iran OR Russia) AND talks", "(Iran OR Russia) AND talks"),
    ],
)
def test_a_compiled_tree_is_what_whoosh_parses_from_its_own_syntax(ours, whoosh_syntax):
    ours_compiled = as_whoosh(COMPILER.compile(parse(ours).tree)).normalize()
    assert ours_compiled == whoosh_parse(whoosh_syntax).normalize()


def as_whoosh(query: wq.Query) -> wq.Query:
    """`query` with each word of several fields (scored as one, BM25F) as the `Or` of its
    fields that Whoosh's parser makes (matching the same documents)."""
    if isinstance(query, AnyField):
        return wq.Or(query.subqueries, boost=query.boost).normalize()
    if isinstance(query, wq.compound.CompoundQuery):
        return type(query)([as_whoosh(q) for q in query.subqueries], boost=query.boost)
    if isinstance(query, wq.Not):
        return wq.Not(as_whoosh(query.query), boost=query.boost)
    return query


def fuzzy_terms(query: wq.Query) -> list[wq.FuzzyTerm]:
    return [node for node in query.leaves() if isinstance(node, wq.FuzzyTerm)]


@pytest.mark.parametrize("text", ["ministerial~7", "ministerial~3/0", "a~9 OR b~5"])
def test_fuzzy_words_are_capped_at_two_edits_and_keep_their_first_letter(text):
    parsed = parse(text)
    query = COMPILER.compile(parsed.tree)
    assert fuzzy_terms(query)
    assert all(t.maxdist == 2 and t.prefixlength == 1 for t in fuzzy_terms(query))
    assert parsed.notices == ["Fuzzy matching allows at most 2 edits per word."]


def test_a_fuzzy_word_within_the_cap_is_left_alone():
    parsed = parse("Lavrv~")
    query = COMPILER.compile(parsed.tree)
    assert [(t.maxdist, t.prefixlength) for t in fuzzy_terms(query)] == [(1, 1), (1, 1)]
    assert parsed.notices == []


def test_a_double_negation_compiles_to_one():
    # Whoosh's parser raised IndexError on `NOT NOT x`: a 500 before.
    query = COMPILER.compile(parse("NOT NOT x").tree)
    assert query == wq.Not(AnyField([wq.Term("title", "x"), wq.Term("body", "x")]))


@settings(
    max_examples=500,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(st.lists(st.sampled_from(SYNTAX) | st.text(max_size=6), max_size=10))
def test_no_user_text_makes_parsing_or_compiling_raise(parts):
    for text in (" ".join(parts), "".join(parts)):
        query = COMPILER.compile(parse(text).tree)
        assert isinstance(query, wq.Query)
