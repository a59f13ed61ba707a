from __future__ import annotations

import pytest

from search.backends.whoosh.schema import index_documents
from search.backends.whoosh.vocabulary import fold, names_of, words_of


def test_words_are_distinct_folded_of_four_letters_or_more_and_not_stop_words():
    assert words_of("São Paulo: the 3+3 talks, TALKS with Türkiye", "Talks on") == {
        "paulo",
        "talks",
        "turkiye",
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("An apartment in Magnitogorsk collapsed on Friday.", {"magnitogorsk", "friday"}),
        # A sentence's first word is no name; nor is a headline's, after a blank line.
        ("Officials said so. Rescuers came. Yesterday, Putin flew", {"putin"}),
        ("Monday, January 7\n\nRescuers came", {"january"}),
        ('He said: "Rescuers came." (Putin flew)', set()),
        # Reuters wraps its lines: a line break alone ends no sentence.
        ("the bank said\nVolcker told the\n    Senate", {"volcker", "senate"}),
        ("the OPEC ministers and the IMF", set()),  # all capitals say nothing
        ("talks in São Paulo and Zürich", {"paulo", "zurich"}),
        ("talks with This Week", {"week"}),  # "this" is a stop word
    ],
)
def test_names_are_words_capitalised_where_no_sentence_starts(text, names):
    assert names_of(text) == names


def test_an_article_indexes_its_vocabulary_and_names_but_a_statement_does_not():
    article, statement = index_documents(
        {
            "id": 1,
            "title": "Talks in Yerevan",
            "body": "The minister met Lavrov in Yerevan.",
            "speaker_names": ["Maria Zakharova"],
            "statements": [{"id": 5, "text": "We met Lavrov.", "speaker": "maria-zakharova"}],
        }
    )
    assert set(article["words"].split()) == {
        *("talks", "yerevan", "minister", "lavrov", "maria", "zakharova"),
    }
    assert set(article["names"].split()) == {"lavrov", "yerevan", "maria", "zakharova"}
    assert "words" not in statement and "names" not in statement


def test_fold_is_lower_case_without_accents():
    assert fold("Türkiye") == "turkiye" and fold("ERDOĞAN") == "erdogan"
