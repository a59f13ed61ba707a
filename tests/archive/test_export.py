"""`export_articles` after importing the seeds agrees with the hand-labelled gold."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from archive.extraction import name_key
from archive.ingestion import import_paths
from tests.conftest import DATA, SEEDS

pytestmark = pytest.mark.django_db

GOLD = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture
def exported():
    import_paths([SEEDS])
    out = io.StringIO()
    call_command("export_articles", stdout=out, stderr=io.StringIO())
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    return {row["external_id"]: row for row in rows}


def keys(names):
    return {name_key(n) for n in names}


def test_every_seed_is_exported_with_all_fields(exported):
    assert set(exported) == set(GOLD)
    for row in exported.values():
        assert {
            "id",
            "external_id",
            "title",
            "date",
            "source",
            "byline",
            "countries",
            "speakers",
            "persons",
            "dates_mentioned",
            "statements",
        } <= set(row)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_countries_exactly_right(exported, name):
    assert exported[name]["countries"] == sorted(GOLD[name]["countries"])


@pytest.mark.parametrize("name", sorted(GOLD))
def test_speakers_required_found_and_nothing_else(exported, name):
    gold = GOLD[name]
    found = keys(exported[name]["speakers"])
    assert keys(gold["speakers"]) <= found
    assert found <= keys(gold["speakers"]) | keys(gold["speakers_acceptable"])


@pytest.mark.parametrize("name", sorted(GOLD))
def test_article_date(exported, name):
    assert exported[name]["date"] == GOLD[name]["date"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_byline(exported, name):
    assert exported[name]["byline"] == GOLD[name]["byline"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_statements_name_their_speaker_and_text(exported, name):
    statements = exported[name]["statements"]
    assert statements
    for statement in statements:
        assert set(statement) == {"speaker", "role", "text"}
        assert statement["text"].strip()
    assert {s["speaker"] for s in statements} == set(exported[name]["speakers"])


@pytest.mark.parametrize(
    "name", ["000_6ca478c5c3599b51.txt", "002_3247808d51f1ef9c.txt", "003_16757b8a0299963c.txt"]
)
def test_headline_titles(exported, name):
    assert exported[name]["title"] == GOLD[name]["title"]


def test_boilerplate_feeds_no_metadata(exported):
    row = exported["003_16757b8a0299963c.txt"]
    assert not {"GR", "UA", "CN", "IN", "MD", "RO", "BG"} & set(row["countries"])
    assert not any(d.startswith("2025") for d in row["dates_mentioned"])
    assert exported["004_b7507ac4d02b7d42.txt"]["source"] == "ARMENPRESS"
