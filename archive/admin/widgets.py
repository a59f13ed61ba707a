"""What the admin's compact rows are made of: one-line cells, a statement's surroundings, and
an autocomplete that shows its chosen person without a query per row."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Model
from django.forms import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from archive.models import Article, Statement

QUOTE_CHARS = 80  # a statement's quote in its one line
CONTEXT_CHARS = 60  # the text shown on each side of a statement
_SPACES = re.compile(r"\s+")


def one_line(text: str, limit: int) -> str:
    """`text` cut to `limit` characters on a word boundary, the whole of it on hover."""
    short = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
    return format_html('<span class="one-line" title="{}">{}</span>', text, short)


def few(names: list[str], shown: int) -> str:
    """The first `shown` names, and how many more."""
    more = f" +{len(names) - shown}" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def statement_context(statement: Statement, width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """The words before the statement, its opening, and the words after, from the body."""
    body = statement.article.body
    start, end = statement.start, max(statement.end, statement.start)
    if not 0 <= start < len(body):  # offsets from before the body changed: the text alone
        return "", one_line_text(statement.text, QUOTE_CHARS // 2), ""
    before = body[max(0, start - width) : start]
    if start > width:
        before = before.split(" ", 1)[-1]  # from the start of a word
    after = body[end : end + width]
    if end + width < len(body):
        after = after.rsplit(" ", 1)[0]
    return (
        one_line_text(before),
        one_line_text(body[start:end], QUOTE_CHARS // 2),
        one_line_text(after),
    )


def one_line_text(text: str, limit: int | None = None) -> str:
    """Runs of white space as one space (line ends included); cut to `limit` at a word."""
    text = _SPACES.sub(" ", text)
    if limit is None or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " … "


def statement_url(statement: Statement) -> str:
    """Its place on the public article page, which scrolls to it and marks it."""
    url = reverse("article", args=[statement.article_id])
    return f"{url}?statement={statement.pk}#statement-{statement.pk}"


class KnownAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose chosen option comes from the object its form already holds
    (`known`), instead of one query per row of an inline."""

    known: dict[str, Model]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = {}

    def optgroups(
        self, name: str, value: Sequence[str], attrs: dict[str, Any] | None = None
    ) -> list[tuple[str | None, list[dict[str, Any]], int | None]]:
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not chosen or any(pk not in self.known for pk in chosen):
            return super().optgroups(name, value, attrs)
        label = self.choices.field.label_from_instance
        options = [
            self.create_option(name, pk, label(self.known[pk]), True, index)
            for index, pk in enumerate(chosen)
        ]
        return [(None, options, 0)]


class StatementFormSet(BaseInlineFormSet[Statement, Article, Any]):
    """Gives each statement's speaker widget the speaker its row already loaded."""

    def add_fields(self, form: Any, index: int | None) -> None:
        super().add_fields(form, index)
        statement = form.instance
        widget = getattr(form.fields["speaker"].widget, "widget", None)
        if isinstance(widget, KnownAutocompleteSelect) and statement.speaker_id is not None:
            widget.known = {str(statement.speaker_id): statement.speaker}
