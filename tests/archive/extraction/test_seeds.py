"""The five seed articles against the hand-labelled gold file."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from archive.extraction import extract, name_key

ROOT = Path(__file__).resolve().parents[3]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
ARTICLES = GOLD["articles"]
SEEDS = sorted(ARTICLES)


def _extract(filename: str):
    return extract((ROOT / "seeds" / filename).read_text(encoding="utf-8"))


def _keys(names) -> set[str]:
    return {name_key(n) for n in names}


@pytest.mark.parametrize("filename", SEEDS)
def test_countries_equal_gold(filename):
    assert list(_extract(filename).countries) == ARTICLES[filename]["countries"]


@pytest.mark.parametrize("filename", SEEDS)
def test_required_speakers_found(filename):
    gold = ARTICLES[filename]
    assert _keys(gold["speakers"]) <= _keys(_extract(filename).speakers)


@pytest.mark.parametrize("filename", SEEDS)
def test_no_speaker_outside_gold(filename):
    gold = ARTICLES[filename]
    allowed = _keys(gold["speakers"]) | _keys(gold["speakers_acceptable"])
    assert _keys(_extract(filename).speakers) <= allowed


@pytest.mark.parametrize("filename", SEEDS)
def test_date_equals_gold(filename):
    gold = ARTICLES[filename]["date"]
    expected = datetime.date.fromisoformat(gold) if gold else None
    assert _extract(filename).date == expected


@pytest.mark.parametrize("filename", SEEDS)
def test_dates_mentioned_equal_gold(filename):
    assert list(_extract(filename).dates_mentioned) == sorted(ARTICLES[filename]["dates_mentioned"])


@pytest.mark.parametrize("filename", SEEDS)
def test_persons_equal_gold(filename):
    assert _keys(_extract(filename).persons) == _keys(ARTICLES[filename]["persons"])


@pytest.mark.parametrize("filename", SEEDS)
def test_byline_equals_gold(filename):
    assert _extract(filename).byline == ARTICLES[filename]["byline"]


@pytest.mark.parametrize("filename", SEEDS)
def test_byline_names_are_not_persons(filename):
    result = _extract(filename)
    byline = result.byline or ""
    assert all(person not in byline for person in result.persons)


@pytest.mark.parametrize("filename", ["000_6ca478c5c3599b51.txt", "002_3247808d51f1ef9c.txt"])
def test_title_equals_gold(filename):
    assert _extract(filename).title == ARTICLES[filename]["title"]


def test_glued_section_is_cut_from_title():
    filename = "003_16757b8a0299963c.txt"
    assert _extract(filename).title == ARTICLES[filename]["title"]


@pytest.mark.parametrize("filename", ["001_164608633c2f966a.txt", "004_b7507ac4d02b7d42.txt"])
def test_title_from_first_sentence_when_no_headline(filename):
    result = _extract(filename)
    assert result.title
    assert result.body.startswith(result.title.rstrip("\u2026")[:40])


def test_source_from_dateline():
    assert (
        _extract("004_b7507ac4d02b7d42.txt").source
        == ARTICLES["004_b7507ac4d02b7d42.txt"]["source"]
    )


@pytest.mark.parametrize("filename", SEEDS)
def test_statement_offsets_point_into_body(filename):
    result = _extract(filename)
    assert result.statements
    assert all(result.body[s.start : s.end] == s.text for s in result.statements)


@pytest.mark.parametrize("filename", SEEDS)
def test_no_boilerplate_left_in_body(filename):
    body = _extract(filename).body
    for line in ARTICLES[filename]["boilerplate"]:
        if not line.startswith("every line"):
            assert line not in body


def test_headline_list_boilerplate_feeds_nothing():
    result = _extract("003_16757b8a0299963c.txt")
    assert "Turkish Defense Industry" not in result.body
    assert not {"GR", "UA", "CN", "IN", "MD", "RO", "BG"} & set(result.countries)
    assert not [d for d in result.dates_mentioned if d.startswith("2025")]
    assert "Ruben Megrabyan" not in result.persons


def test_lavrov_spellings_are_one_entity():
    result = _extract("003_16757b8a0299963c.txt")
    lavrov = [e for e in result.entities if e.name == "Sergei Lavrov"]
    assert [e.aliases for e in lavrov] == [("Sergey Lavrov",)]


def test_organisation_speaker_merges_case_variants():
    result = _extract("004_b7507ac4d02b7d42.txt")
    assert result.speakers == ["Russian Foreign Ministry"]
    assert {s.kind for s in result.statements} == {"organisation"}


def test_role_before_name_is_kept():
    result = _extract("002_3247808d51f1ef9c.txt")
    assert result.statements[0].role == "Ambassador to Armenia"
