"""Verbs of saying that name whom they address, and verbs of forecasting and hinting.

Every sentence here is invented; each test pins one general rule.
"""

from __future__ import annotations

import pytest

from archive.extraction import extract


def _said(body: str) -> list[tuple[str, str]]:
    result = extract(body, title="T")
    for s in result.statements:
        assert result.body[s.start : s.end] == s.text
    return [(s.speaker, s.text) for s in result.statements]


@pytest.mark.parametrize(
    "verb_and_addressee",
    [
        "told the assembled voters",
        "warned the assembled voters",
        "assured investors on Monday",
        "reminded her supporters in the hall",
        "informed the court",
        "notified shareholders",
    ],
)
def test_a_verb_s_addressee_then_that(verb_and_addressee):
    body = f"Mara Vell {verb_and_addressee} that the vote was close."
    assert _said(body) == [("Mara Vell", "the vote was close")]


def test_a_relative_that_after_an_object_is_no_statement():
    assert _said("Mara Vell told a story that was sad.") == []


@pytest.mark.parametrize("verb", ["forecast", "forecasts", "projected", "hinted", "signalled"])
def test_forecasting_and_hinting_with_a_clause(verb):
    body = f"Zorvia Bank {verb} that inflation would rise to 30 pct."
    assert _said(body) == [("Zorvia Bank", "inflation would rise to 30 pct")]


def test_forecasting_without_a_clause_is_no_statement():
    assert _said("Zorvia Bank forecast inflation of 30 pct.") == []
