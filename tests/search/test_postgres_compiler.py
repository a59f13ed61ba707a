"""Query trees compiled to the PostgreSQL backend's SQL (pure: no server needed)."""

from __future__ import annotations

import pytest

from search import query_tree as qt
from search.backends.postgres.compiler import Compiler, like_pattern, phrase
from search.backends.postgres.rows import quote


class FakeTerms:
    """An index holding a few terms."""

    TERMS = ("moscow", "mosul", "tehran")

    def __init__(self) -> None:
        self.asked: list[str] = []

    def like(self, pattern: str) -> list[str]:
        self.asked.append(pattern)
        import re

        regex = re.escape(pattern).replace("%", ".*").replace("_", ".")
        return [t for t in self.TERMS if re.fullmatch(regex, t)]

    def near(self, text: str, distance: int, prefix: int) -> list[str]:
        return [t for t in self.TERMS if t[:prefix] == text[:prefix] and t != text][:1]


@pytest.fixture
def compiler():
    return Compiler(FakeTerms())


@pytest.mark.parametrize(
    ("node", "sql", "params"),
    [
        (qt.Term("Talks"), "words @@ %s::tsquery", ("'talk'",)),  # stemmed as the index is
        (qt.Term("Türkiye"), "words @@ %s::tsquery", ("'turkiye'",)),  # accents folded
        (qt.Term("Lavrov", "title"), "words @@ %s::tsquery", ("'lavrov':A",)),
        (qt.Term("Zakharova", "speaker"), "speaker_words @@ %s::tsquery", ("'zakharova'",)),
        (qt.Term("Yerevan-Moscow"), "words @@ %s::tsquery", ("'yerevan' & 'moscow'",)),
        # A two-word phrase is one pair lexeme; a longer one is narrowed by its pairs.
        (qt.Phrase("trade routes"), "pairs @@ %s::tsquery", ("'trade rout'",)),
        (
            qt.Phrase("new trade routes"),
            "pairs @@ %s::tsquery AND words @@ %s::tsquery",
            ("'new trade' & 'trade rout'", "'new' <-> 'trade' <-> 'rout'"),
        ),
        (
            qt.Phrase("trade routes", slop=2),
            "words @@ %s::tsquery",
            ("('trade' <1> 'rout') | ('trade' <2> 'rout')",),
        ),
        (qt.Phrase("Lavrov said", "title"), "words @@ %s::tsquery", ("'lavrov':A <-> 'said':A",)),
        (qt.Prefix("minist"), "words @@ %s::tsquery", ("'minist':*",)),
        (qt.Wildcard("*oscow"), "words @@ %s::tsquery", ("('moscow')",)),
        (qt.Wildcard("zz*"), "FALSE", ()),  # no term: nothing can match
        (qt.Term("am", "country"), "countries @> ARRAY[%s]::text[]", ("AM",)),
        (qt.Everything(), "TRUE", ()),
        (qt.Term("the"), "FALSE", ()),  # a stop word alone finds nothing
    ],
)
def test_each_leaf_compiles_to_a_condition(compiler, node, sql, params):
    where = compiler.where(node)
    assert (where.text, where.params) == (sql, params)


def test_parts_with_only_stop_words_are_left_out_as_whoosh_does(compiler):
    where = compiler.where(qt.And((qt.Term("the"), qt.Not(qt.Term("of")), qt.Term("Iran"))))
    assert (where.text, where.params) == ("(words @@ %s::tsquery)", ("'iran'",))


def test_boolean_nodes_nest(compiler):
    tree = qt.And((qt.Or((qt.Term("Iran"), qt.Term("Baku"))), qt.Not(qt.Term("Lavrov"))))
    where = compiler.where(tree)
    assert where.text == (
        "((words @@ %s::tsquery) OR (words @@ %s::tsquery)) AND (NOT (words @@ %s::tsquery))"
    )
    assert where.params == ("'iran'", "'baku'", "'lavrov'")


def test_ranks_weigh_each_searched_leaf_by_its_boost_but_not_what_is_excluded(compiler):
    tree = qt.And((qt.Term("Iran", boost=3.0), qt.Not(qt.Term("Lavrov")), qt.Term("AM", "country")))
    ranks = compiler.ranks(tree)
    assert ranks.text.count("ts_rank") == 1
    assert ranks.params == (3.0, "'iran'")


def test_a_phrase_with_slop_is_each_spacing_up_to_it():
    assert phrase(["'a'", "'b'"], 1) == "'a' <-> 'b'"
    assert phrase(["'a'", "'b'"], 3) == "('a' <1> 'b') | ('a' <2> 'b') | ('a' <3> 'b')"
    assert phrase(["'a'", "'b'", "'c'", "'d'"], 9) == "'a' & 'b' & 'c' & 'd'"  # too many


def test_patterns_escape_like_and_tsquery_quoting():
    assert like_pattern("50%_off*?") == "50\\%\\_off%_"
    assert quote("o'brien\\") == "'o''brien\\\\'"


def test_marking_has_the_words_and_phrases_sought_in_headline_and_body(compiler):
    tree = qt.And(
        (
            qt.Term("talks"),
            qt.Phrase("trade routes"),
            qt.Phrase("Moscow"),
            qt.Wildcard("teh*"),
            qt.Not(qt.Term("Lavrov")),
            qt.Term("Zakharova", "speaker"),
        )
    )
    compiler.where(tree)
    marking = compiler.marking(tree)
    assert marking.terms == {"talk", "moscow", "tehran"}
    assert compiler.terms.asked == ["teh%"]  # looked up once for the condition and the marks
    assert marking.phrases == [("trade", "rout")]


def test_pairs_are_the_terms_next_to_each_other_in_headline_or_body():
    from search.backends.postgres.rows import pair_vector
    from search.backends.whoosh.analysis import term_positions

    title, body = term_positions("Trade routes"), term_positions("New trade routes of Iran")
    # Stop words keep no place between their neighbours, as in the positions phrases read;
    # nothing pairs the headline's last word with the body's first.
    assert pair_vector(title, body) == "'new trade' 'rout iran' 'trade rout'"
    assert pair_vector({}, term_positions("Iran")) == ""


def _places(vector: str) -> dict[str, set[int]]:
    """A tsvector literal's positions by term ('trade':3,7A → {'trade': {3, 7}})."""
    import re

    return {
        term: {int(p.rstrip("A")) for p in places.split(",")}
        for term, places in re.findall(r"'([^']*)':([0-9A,]+)", vector)
    }


def test_a_rows_pairs_are_exactly_its_words_at_adjacent_positions():
    from search.backends.postgres.rows import rows_of
    from tests.search.backend_contract import DOCS

    long_body = "Tehran talks. " * 300 + "Trade routes."  # past PostgreSQL's positions cap
    for document in [*DOCS, {**DOCS[0], "body": long_body}]:
        article, *statements = rows_of(document)
        # A statement's positions are read from its row, cheaply: it has no pairs.
        assert all(statement.pairs == "" for statement in statements)
        for row in [article]:
            at = {p: term for term, places in _places(row.words).items() for p in places}
            adjacent = {f"'{at[p]} {at[p + 1]}'" for p in at if p + 1 in at and p + 1 < 16383}
            assert {f"'{lexeme}'" for lexeme in _lexemes(row.pairs)} == adjacent


def _lexemes(vector: str) -> list[str]:
    import re

    return re.findall(r"'([^']*)'", vector)


def test_statements_are_searched_without_pairs():
    where = Compiler(FakeTerms(), pairs=False).where(qt.Phrase("trade routes"))
    assert (where.text, where.params) == ("words @@ %s::tsquery", ("'trade' <-> 'rout'",))
