"""Curated fields and curated aliases survive re-extraction and re-import."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.extraction import EXTRACTOR_VERSION
from archive.ingestion import import_paths
from archive.models import Article, Country, Person, PersonAlias
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_reextract_of_unchanged_extraction_touches_nothing_but_the_version():
    import_paths([SEEDS])
    Article.objects.update(extractor_version=0)
    assert run("reextract") == (
        f"Re-extracted 5 articles with extractor v{EXTRACTOR_VERSION}: "
        "0 changed (re-indexed), 5 unchanged.\n"
    )
    assert set(Article.objects.values_list("extractor_version", flat=True)) == {EXTRACTOR_VERSION}
    assert run("reextract").startswith("Re-extracted 0 articles")


def test_reextract_restores_what_extraction_finds_but_keeps_curated_fields():
    import_paths([SEEDS])
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    article.title = "Curated headline"
    article.date = datetime.date(2023, 1, 18)
    article.curated_fields = ["title", "date"]
    article.save()
    article.countries.clear()  # not curated: extraction brings the countries back
    assert run("reextract", str(article.pk)).endswith("1 changed (re-indexed), 0 unchanged.\n")
    article.refresh_from_db()
    assert (article.title, article.date) == ("Curated headline", datetime.date(2023, 1, 18))
    assert sorted(article.countries.values_list("code", flat=True)) == [
        "AM",
        "AZ",
        "GE",
        "IR",
        "RU",
        "TR",
    ]


def test_curated_countries_survive_reextract():
    import_paths([SEEDS])
    article = Article.objects.get(external_id="003_16757b8a0299963c.txt")
    greece, _ = Country.objects.get_or_create(code="GR", defaults={"name": "Greece"})
    article.countries.set([greece])
    article.curated_fields = ["countries"]
    article.save()
    run("reextract", "--all")
    assert list(article.countries.values_list("code", flat=True)) == ["GR"]


def test_curated_fields_survive_reimport_of_changed_content(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {"id": "x", "title": "Talks in Tehran", "body": "Iran and Armenia met."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    import_paths([path])
    article = Article.objects.get(external_id="x")
    article.title = "Curated"
    article.curated_fields = ["title"]
    article.save()
    record["body"] = "Iran, Armenia and Georgia met."
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert import_paths([path]).updated == 1
    article.refresh_from_db()
    assert article.title == "Curated"
    assert sorted(article.countries.values_list("code", flat=True)) == ["AM", "GE", "IR"]


def test_future_imports_attach_a_curated_alias_to_the_kept_person(tmp_path):
    kept = Person.objects.create(name="Sergei Lavrov")
    PersonAlias.objects.create(person=kept, name="Lavrov S. V.", key="lavrov-s-v-custom")
    from archive.extraction import name_key

    PersonAlias.objects.create(
        person=kept, name="Sergei V. Lavrov", key=name_key("Sergei V. Lavrov")
    )
    path = tmp_path / "a.txt"
    path.write_text(
        "Minister speaks\n\nSergei V. Lavrov said the talks in Moscow were useful.\n",
        encoding="utf-8",
    )
    import_paths([path])
    article = Article.objects.get(external_id="a.txt")
    assert [s.speaker for s in article.statements.all()] == [kept]
    assert Person.objects.filter(name__icontains="Lavrov").count() == 1


def test_reextract_rejects_bad_arguments():
    with pytest.raises(CommandError, match="Not article ids: abc"):
        run("reextract", "abc")
    with pytest.raises(CommandError, match="No article with id 999"):
        run("reextract", "999")
    with pytest.raises(CommandError, match="not both"):
        run("reextract", "1", "--all")
