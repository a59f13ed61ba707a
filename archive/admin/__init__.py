"""Curation in the Django admin; the search index follows every save through signals."""

from archive.admin import articles, jobs, persons, statements  # noqa: F401  (registers the model admins)
