"""The Jinja2 engine of the results' templates keeps Django's filters and escaping."""

from __future__ import annotations

import pytest
from django.template import defaultfilters, engines
from django.utils.safestring import mark_safe

from config.jinja2 import pluralize, truncatechars


@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("forms", ["s", "es", " contains,s contain", "y,ies"])
def test_pluralize_is_djangos(count, forms):
    assert pluralize(count, forms) == defaultfilters.pluralize(count, forms)


@pytest.mark.parametrize("text", ["", "short", "x" * 80, "a longer query " * 10, "é" * 81])
def test_truncatechars_is_djangos(text):
    assert truncatechars(text, 80) == defaultfilters.truncatechars(text, 80)


def test_values_are_escaped_and_safe_strings_kept():
    template = engines["jinja2"].from_string("{{ text }}|{{ html }}")
    rendered = template.render({"text": "<b>\"x\" & 'y'</b>", "html": mark_safe("<mark>x</mark>")})
    assert rendered == "&lt;b&gt;&#34;x&#34; &amp; &#39;y&#39;&lt;/b&gt;|<mark>x</mark>"


def test_a_django_page_includes_a_results_template_with_its_context(rf):
    page = engines["django"].from_string(
        '{% load pages %}<p>{% jinja "search/_missing.html" item=item %}</p>'
    )
    item = {"hit": {"missing": ["<a>", "b"]}}
    rendered = page.render({"item": item}, rf.get("/"))
    assert rendered == '<p><p class="missing">Missing: <s>&lt;a&gt;</s> <s>b</s></p></p>'
