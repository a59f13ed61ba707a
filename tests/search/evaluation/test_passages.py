"""Passages drawn as readers paste them: seeded, 8–40 words, each form what it says."""

from __future__ import annotations

import re

import pytest

from search.evaluation.passages import FORMS, MAX_WORDS, MIN_WORDS, Source, curl, draw

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "du"]


def text(seed: int, paragraphs: int = 3, words: int = 30) -> str:
    """Made-up prose: `paragraphs` of `words` words, separated by blank lines; every word
    starts with the seed's syllable, so texts of different seeds (below 10) share no word."""
    made = [
        " ".join(
            SYLLABLES[seed % 10] + SYLLABLES[(p * 3 + i) % 10] + SYLLABLES[(i * 7 + p) % 10] + "n"
            for i in range(words)
        )
        + "."
        for p in range(paragraphs)
    ]
    return "\n\n".join(made)


SOURCES = [Source(f"a{k}", text(k)) for k in range(5)]


def located(passage):
    """Where the passage's characters sit in its source, whitespace collapsed."""
    source = " ".join(next(s.text for s in SOURCES if s.id == passage.source).split())
    at = source.index(passage.core)
    return source, at, at + len(passage.core)


def test_the_same_seed_draws_the_same_passages_and_another_seed_others():
    assert draw(SOURCES, 30, seed=1) == draw(SOURCES, 30, seed=1)
    assert draw(SOURCES, 30, seed=1) != draw(SOURCES, 30, seed=2)


def test_the_forms_take_turns_and_every_passage_is_8_to_40_words_of_its_source():
    passages = draw(SOURCES, 60, seed=3)
    assert [p.form for p in passages[:12]] == [*FORMS, *FORMS]
    for passage in passages:
        assert MIN_WORDS <= passage.words <= MAX_WORDS
        located(passage)  # raises if the core is not in the source


@pytest.mark.parametrize(
    ("form", "cut_start", "cut_end"),
    [
        ("clean", False, False),
        ("cut-start", True, False),
        ("cut-end", False, True),
        ("cut-both", True, True),
        ("paragraph", False, False),
    ],
)
def test_a_cut_passage_starts_or_ends_inside_a_word(form, cut_start, cut_end):
    for passage in [p for p in draw(SOURCES, 60, seed=4) if p.form == form]:
        source, start, end = located(passage)
        assert (start > 0 and source[start - 1] != " ") == cut_start
        assert (end < len(source) and source[end] not in " .") == cut_end


def test_a_paragraph_passage_spans_a_break_and_a_curly_one_is_quoted():
    passages = draw(SOURCES, 60, seed=5)
    assert all("\n\n" in p.text for p in passages if p.form == "paragraph")
    for passage in [p for p in passages if p.form == "curly"]:
        assert passage.text.startswith("\u201c") and passage.text.endswith("\u201d")


def test_without_a_paragraph_break_no_passage_spans_one():
    flat = [Source("f", text(1, paragraphs=1, words=50))]
    assert {p.form for p in draw(flat, 10, seed=0)} == set(FORMS) - {"paragraph"}


def test_articles_shorter_than_8_words_give_no_passage():
    assert draw([Source("s", "Blah blah blah.")], 5, seed=0) == []


def test_curl_turns_straight_quotes_and_apostrophes_curly():
    assert (
        curl("it's \"fine\", 'they' said")
        == "\u201cit\u2019s \u201cfine\u201d, \u2018they\u2019 said\u201d"
    )
    assert not re.search("['\"]", curl("a \"b\" c's 'd' e' \"f"))
