"""What every backend's spelling suggestions do: subclass `SpellingContract`, set `backend`."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.search.queries import backend_query


def _doc(pk: int, title: str, body: str, **more: Any) -> dict[str, Any]:
    return {"id": pk, "title": title, "body": body, "date": datetime.date(2019, 1, 4), **more}


SPELLING_DOCS: list[dict[str, Any]] = [
    _doc(
        1,
        "Magnitogorsk building collapses",
        "An apartment building collapses in Magnitogorsk on Friday, the government said.",
    ),
    _doc(2, "Flooding in São Paulo", "Rain flooded streets in São Paulo, the government said."),
    _doc(
        3,
        "An interview",
        "Frido Mann spoke about his grandfather. Maria Zakharova said the talks went well.",
        speaker_names=["Frido Mann", "Maria Zakharova"],
    ),
    *(
        _doc(
            pk,
            f"Paul and the large crowd {pk}",
            "A large crowd heard Paul speak; Zakharova and the government listened. "
            "Flooding followed.",
        )
        for pk in range(4, 10)
    ),
]


class SpellingContract:
    """Subclasses provide a `backend` fixture returning an empty backend."""

    @pytest.fixture
    def spelled(self, backend):
        backend.index(SPELLING_DOCS)
        return backend

    @pytest.mark.parametrize(
        "q",
        [
            "collapsed",  # the index has "collapses": the same word to a search
            "collapses",
            "São Paulo",
            "Sao Paulo",
            "Magnitogorsk Friday",  # "Frido" is a name one edit from "Friday"
            "large crowd",
        ],
    )
    def test_words_that_match_are_never_changed(self, spelled, q):
        assert spelled.suggest(backend_query(q=q)) is None

    @pytest.mark.parametrize(
        ("q", "suggestion"),
        [
            ("goverment", "government"),
            ("GOVERMENT", "GOVERNMENT"),
            ("Magnitogrsk Friday", "Magnitogorsk Friday"),
            ("Zakharva talks", "Zakharova talks"),  # a name one edit away, used often
            ("lange crowd", "large crowd"),
            ("floodng", "flooding"),
            ("Paull", "Paul"),
        ],
    )
    def test_a_typo_is_corrected(self, spelled, q, suggestion):
        assert spelled.suggest(backend_query(q=q)) == suggestion

    @pytest.mark.parametrize(
        "q",
        [
            "Lange crowd",  # a name the archive lacks: "large" is no name
            "Floodng",  # "Flooding" starts sentences and headlines, never a name
            "Pual",  # four letters: too many words are one edit away
        ],
    )
    def test_capitalised_names_are_kept_unless_a_close_name_is_far_more_frequent(self, spelled, q):
        assert spelled.suggest(backend_query(q=q)) is None

    @pytest.mark.parametrize(
        "q",
        [
            "an apartment building collapsd in Magnitogorsk on Friday said goverment",
            "The building collapsd. Officials said",
        ],
    )
    def test_a_pasted_passage_gets_no_suggestion(self, spelled, q):
        assert spelled.suggest(backend_query(q=q)) is None
