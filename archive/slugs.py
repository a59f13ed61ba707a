"""Unique slugs for persons: the name slugified, numbered when another person has it."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.text import slugify

MAX_BASE = 180  # of the slug field's 200 characters, room left for a number


def unique_slug(name: str, taken: Callable[[str], bool]) -> str:
    """`name` slugified, or `-2`, `-3`… added until `taken` says the slug is free."""
    base = slugify(name)[:MAX_BASE] or "person"
    slug, n = base, 1
    while taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug
