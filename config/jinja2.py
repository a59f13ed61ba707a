"""The Jinja2 environment of the results' templates: a results page renders about 600 values,
which Django's template engine takes 8 ms to render at p50 and Jinja2's compiled templates
a fraction of that. Pages keep Django's templates and include these with `{% jinja %}`.

The filters are those the Django templates use, with Django's meaning; autoescaping is on,
and `mark_safe` strings (the backends' passages) pass through as they do in Django.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.text import Truncator, capfirst, slugify
from jinja2 import Environment

from search.templatetags.pages import article_page, country_page, day_month_year, speaker_page


def url(name: str, *args: object) -> str:
    """Django's `{% url name arg %}`."""
    return reverse(name, args=args)


def pluralize(count: int, forms: str = "s") -> str:
    """Django's `|pluralize`: "s" (or the plural of "singular,plural") unless `count` is 1."""
    singular, _, plural = forms.rpartition(",") if "," in forms else ("", "", forms)
    return singular if count == 1 else plural


def truncatechars(text: str, length: int) -> str:
    """Django's `|truncatechars` (the ellipsis counts in `length`)."""
    return Truncator(text).chars(length)


def environment(**options: Any) -> Environment:
    env = Environment(**options)
    env.globals["url"] = url
    env.filters.update(
        article_page=article_page,
        country_page=country_page,
        speaker_page=speaker_page,
        day_month_year=day_month_year,
        pluralize=pluralize,
        truncatechars=truncatechars,
        capfirst=capfirst,
        slugify=slugify,
    )
    return env
