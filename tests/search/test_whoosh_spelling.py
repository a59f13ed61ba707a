from __future__ import annotations

import pytest

from search.backends.whoosh import WhooshBackend
from search.backends.whoosh.analysis import index_term
from search.backends.whoosh.spelling import (
    RULES,
    Candidate,
    Typed,
    correction,
    edits,
    is_passage,
    look_up,
)
from tests.search.queries import backend_query
from tests.search.spelling_contract import SpellingContract


class TestWhooshSpelling(SpellingContract):
    @pytest.fixture
    def backend(self, tmp_path):
        return WhooshBackend(tmp_path / "whoosh")


def word(text: str, articles: int, names: int = 0, term: str | None = None) -> Candidate:
    return Candidate(text, term or text, articles, names, articles)


RARE = int(RULES.rare_ratio)  # a word the index has is replaced by one this much more frequent
CLEAR = int(RULES.margin * 10)  # a word used this often beats one used 10 times


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (Typed("goverment", "goverment", 0, (word("government", 50),)), "government"),
        # Two different words about as likely: no guess.
        (Typed("plazs", "plaz", 0, (word("plans", CLEAR - 1), word("plays", 10))), None),
        (Typed("plazs", "plaz", 0, (word("plans", CLEAR), word("plays", 10))), "plans"),
        # Forms of one word (one search) are no rivals: the most used one is offered.
        (
            Typed(
                "terroristx",
                "terroristx",
                0,
                (word("terrorist", 9, term="terrorist"), word("terrorists", 8, term="terrorist")),
            ),
            "terrorist",
        ),
        # A word the index has: kept, unless very much rarer than the other.
        (Typed("sued", "su", 38, (word("seed", 20), word("sues", 21, term="sue"))), None),
        (Typed("goverment", "goverment", 1, (word("government", RARE - 1),)), None),
        (Typed("goverment", "goverment", 1, (word("government", RARE),)), "government"),
        # A capitalised word: only a name, used often enough, replaces it.
        (Typed("Lange", "lang", 0, (word("large", 90, names=2),)), None),
        (Typed("Zakharva", "zakharva", 0, (word("zakharova", 9, names=9),)), "zakharova"),
        # A stop word is no typo, and a stop word is no correction.
        (Typed("these", None, 0, (word("theses", 5),)), None),
        (Typed("thes", "the", 0, (Candidate("these", None, 90, 0, 0),)), None),
    ],
    ids=lambda value: value.text if isinstance(value, Typed) else None,
)
def test_correction(typed, expected):
    assert correction(typed, RULES) == expected


@pytest.mark.parametrize(
    ("text", "passage"),
    [
        ("Lavrov Iran talks", False),
        ("what did Lavrov say?", False),
        ("U.S. trade deficit", False),
        ("one two three four five six seven", False),
        ("one two three four five six seven eight", True),
        ("The talks ended. Officials said", True),
        ("talks ended; officials said", True),
    ],
)
def test_a_passage_is_eight_words_or_a_sentence_break(text, passage):
    assert is_passage(text) is passage


def test_edits_are_every_word_one_edit_away_with_the_first_letter_kept():
    found = set(edits("abc"))
    assert {"abxc", "ac", "axc", "acb", "abcx", "abcc", "ab"} <= found
    assert all(edit.startswith("a") for edit in found)
    assert "abc" not in found and "bac" not in found


def test_an_index_without_the_names_field_still_takes_saves_and_suggests(tmp_path):
    # As an index built before `names` existed: rebuild_index adds it.
    backend = WhooshBackend(tmp_path / "whoosh")
    backend.schema.remove("names")
    backend.index([{"id": 1, "title": "Lavrov in Moscow", "body": "Lavrov spoke in Moscow."}])
    backend.schema = WhooshBackend(tmp_path / "other").schema
    backend.index([{"id": 2, "title": "Talks", "body": "Zakharova said talks went well."}])
    assert backend.search(backend_query(q="Zakharova")).total == 1
    assert backend.suggest(backend_query(q="Zakharva")) == "Zakharova"  # any word is a name


class CountingLexicon:
    """A vocabulary of one misspelt neighbour, counting the words it is asked about."""

    def __init__(self, matches: dict[str, int]) -> None:
        self.matches_of = matches
        self.asked: list[str] = []

    def vocabulary(self, words: set[str]) -> dict[str, tuple[int, int]]:
        self.asked += words
        return {w: (50, 0) for w in words if w == "government"}

    def matches(self, term: str) -> int:
        return self.matches_of.get(term, 0)


@pytest.mark.parametrize(
    ("typed", "matches", "asks"),
    [
        ("goverment", 0, True),  # the index lacks it: its neighbours are looked up
        ("goverment", 2, True),  # long and very rare: they may be too
        ("goverment", RULES.rare_matches + 1, False),  # common: kept as typed
        ("sued", 1, False),  # short and known: kept as typed
    ],
)
def test_a_word_that_will_be_kept_costs_no_vocabulary_lookups(typed, matches, asks):
    term = index_term(typed)
    assert term is not None
    lexicon = CountingLexicon({term: matches} if matches else {})
    found = look_up(lexicon, typed)
    assert bool(lexicon.asked) is asks
    assert bool(found.candidates) is asks
