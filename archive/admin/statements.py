"""Statements in the admin: one compact line each on their article's page, and the full
editor one click away."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from archive import curation
from archive.admin.widgets import (
    QUOTE_CHARS,
    KnownAutocompleteSelect,
    StatementFormSet,
    one_line,
    one_line_text,
    statement_context,
    statement_url,
)
from archive.models import Article, Person, Statement


class StatementInline(admin.TabularInline[Statement, Article]):
    """One line per statement: speaker, kind and role to fix in place; the quote and its
    surroundings to read, the quote linking to the full editor (text, offsets, countries)
    and the surroundings to the statement's place on the article page."""

    model = Statement
    formset = StatementFormSet
    extra = 0
    fields = ["speaker", "form", "role", "statement"]
    readonly_fields = ["statement"]
    classes = ["statements-inline"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        # The article once per statement for the context (its text without the raw copy),
        # the speaker for the autocomplete's chosen option.
        return super().get_queryset(request).select_related("speaker", "article")

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        if db_field.name == "speaker":
            kwargs["widget"] = KnownAutocompleteSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(
        self, db_field: models.Field[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "speaker" and field is not None:
            # No add/change/view buttons beside each row's speaker: the list of persons is
            # one click away, and the row stays one line.
            wrapper = field.widget
            for flag in ("can_add_related", "can_change_related", "can_view_related"):
                setattr(wrapper, flag, False)
        return field

    @admin.display(description="statement, in the text")
    def statement(self, statement: Statement) -> str:
        if statement._state.adding:
            return "Saved statements show their text here."
        before, said, after = statement_context(statement)
        editor = reverse("admin:archive_statement_change", args=[statement.pk])
        return format_html(
            '<a class="one-line quote" href="{}" title="Edit: {}">{}</a>'
            '<span class="one-line context" title="{}">…{}<mark>{}</mark>{}…</span> '
            '<a class="place" href="{}" target="_blank">on the page</a>',
            editor,
            statement.text,
            one_line_text(statement.text, QUOTE_CHARS),
            f"{before}{said}{after}",
            before,
            said,
            after,
            statement_url(statement),
        )


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin[Statement]):
    list_display = ["quote", "speaker", "form", "role", "article_title"]
    list_filter = ["form"]
    # The speaker's name from its start: a scan of every statement's text would take
    # seconds at 100,000 articles (the site's statements mode searches them).
    search_fields = ["speaker__name"]  # see `get_search_results`
    search_help_text = "The start of the speaker's name."
    autocomplete_fields = ["article", "speaker"]
    fields = ["article", "speaker", "form", "role", "role_country", "text", "countries"]
    fields += ["start", "end", "surroundings"]
    readonly_fields = ["surroundings"]
    show_facets = admin.ShowFacets.NEVER
    ordering = ["-pk"]  # the newest first, straight from the primary key
    show_full_result_count = False  # counting 600,000 statements on every page helps nobody

    class Media:
        css = {"all": ["archive/admin.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        # The article's title for the list; its texts only where the context needs them.
        return super().get_queryset(request).select_related("speaker", "article")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Statement], search_term: str
    ) -> tuple[QuerySet[Statement], bool]:
        if not search_term.strip():
            return queryset, False
        # The few matching persons first, then their statements through the speaker index.
        persons = Person.objects.filter(name__istartswith=search_term.strip()).values("pk")
        return queryset.filter(speaker__in=persons), False

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        changelist.result_list = changelist.result_list.defer("article__body", "article__raw_text")
        return changelist

    def save_model(
        self, request: HttpRequest, obj: Statement, form: forms.ModelForm[Statement], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        curation.take_statements([obj.article_id])

    def delete_model(self, request: HttpRequest, obj: Statement) -> None:
        super().delete_model(request, obj)
        curation.take_statements([obj.article_id])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Statement]) -> None:
        article_ids = set(queryset.values_list("article_id", flat=True))
        super().delete_queryset(request, queryset)
        curation.take_statements(article_ids)

    @admin.display(description="statement")
    def quote(self, statement: Statement) -> str:
        return one_line(statement.text, QUOTE_CHARS)

    @admin.display(description="article", ordering="article__date")
    def article_title(self, statement: Statement) -> str:
        return one_line(statement.article.title, 60)

    @admin.display(description="in the text")
    def surroundings(self, statement: Statement) -> str:
        if statement._state.adding:
            return "Shown once the statement is saved."
        before, said, after = statement_context(statement, width=300)
        return format_html(
            '<p class="statement-context">…{}<mark>{}</mark>{}…</p><p><a href="{}" '
            'target="_blank">Its place on the article page</a></p>',
            before,
            said,
            after,
            statement_url(statement),
        )
