"""Links to country and speaker pages, reversed once per value: a page of 20 hits has about
160 such tags, and Django's `{% url %}` resolves each anew (about 5 ms a page)."""

from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


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
