"""Links to article, country and speaker pages, reversed once per value, and dates as a
results page shows them: a page of 20 hits has about 160 such links and 40 dates, and
Django's `{% url %}`, `get_absolute_url` and `|date` work each out anew (about 12 ms a page
in all)."""

from __future__ import annotations

import datetime
import functools
from typing import Any

from django import template
from django.template import engines
from django.urls import get_script_prefix, reverse
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def article_page(pk: int) -> str:
    return _page("article", str(pk), get_script_prefix())


@register.filter
def day_month_year(day: datetime.date) -> str:
    """`day` as `|date:"j M Y"` writes it ("5 Oct 2023")."""
    return f"{day.day} {str(MONTHS_3[day.month]).title()} {day.year:04d}"


@register.filter
def country_page(code: str) -> str:
    return _page("country", code, get_script_prefix())


@register.filter
def speaker_page(slug: str) -> str:
    return _page("speaker", slug, get_script_prefix())


@functools.lru_cache(maxsize=65_536)
def _page(name: str, key: str, prefix: str) -> str:
    # `prefix` is part of the key: `reverse` adds the script prefix of the current request.
    return reverse(name, args=[key])


@register.simple_tag(takes_context=True)
def jinja(context: template.Context, name: str, **names: Any) -> SafeString:
    """A results template of the Jinja2 engine (`config.jinja2`) inside a Django page, with the
    page's context and `names`; Jinja2 has escaped what it renders."""
    found = engines["jinja2"].get_template(name)
    values: dict[str, Any] = {str(key): value for key, value in context.flatten().items()}
    return mark_safe(found.render({**values, **names}, context.get("request")))
