"""Statements stored before forms were kept are marked as quotations from the body."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from archive.models import Article, Person, Statement

migration = importlib.import_module("archive.migrations.0006_statement_form")
pytestmark = pytest.mark.django_db


def test_a_statement_the_body_opens_with_a_quotation_mark_becomes_a_quote():
    body = "\u201cThe port will reopen,\u201d Anna said. Omar said the cranes were damaged."
    article = Article.objects.create(title="T", body=body, raw_text=body, content_hash="h")
    person = Person.objects.create(name="Anna Petrova")
    quoted_at, reported_at = body.index("The port"), body.index("the cranes")
    for start in (quoted_at, reported_at):
        Statement.objects.create(
            article=article, speaker=person, text=body[start : start + 10], start=start
        )
    migration.mark_quotations(apps, None)
    forms = dict(Statement.objects.values_list("start", "form"))
    assert forms == {quoted_at: "quote", reported_at: "reported"}
