"""Curation in the Django admin; the search index follows every save through signals."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from archive.extraction import name_key
from archive.ingestion import CURATABLE_FIELDS
from archive.models import Article, Country, DateMention, Person, PersonAlias, Statement


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "text", "start", "end"]


class DateMentionInline(admin.TabularInline):
    model = DateMention
    extra = 0


INLINE_FIELDS = {Statement: "statements", DateMention: "dates_mentioned"}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "date", "status", "country_codes"]
    list_filter = ["status", "source", "countries"]
    search_fields = ["title", "body", "external_id"]
    date_hierarchy = "date"
    filter_horizontal = ["countries", "persons"]
    readonly_fields = ["content_hash", "extractor_version", "created_at", "updated_at"]
    inlines = [StatementInline, DateMentionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["hide", "show"]
    fieldsets = [
        (None, {"fields": ["title", "status", "date", "source", "byline", "url", "external_id"]}),
        ("Metadata", {"fields": ["countries", "persons"]}),
        ("Text", {"fields": ["body", "raw_text"], "classes": ["collapse"]}),
        ("Curation", {"fields": ["curated_fields"]}),
        ("Bookkeeping", {"fields": readonly_fields, "classes": ["collapse"]}),
    ]

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        # A field a curator changed is theirs: extraction and re-import keep their value.
        if change:
            edited = set(form.changed_data) & set(CURATABLE_FIELDS)
            obj.curated_fields = sorted(set(obj.curated_fields) | edited)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        relation = INLINE_FIELDS.get(formset.model)
        article = form.instance
        if change and relation and formset.has_changed() and not article.is_curated(relation):
            article.curated_fields = sorted([*article.curated_fields, relation])
            Article.objects.filter(pk=article.pk).update(curated_fields=article.curated_fields)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="countries")
    def country_codes(self, article: Article) -> str:
        return ", ".join(c.code for c in article.countries.all())

    @admin.action(description="Hide from search")
    def hide(self, request, queryset) -> None:
        self._set_status(request, queryset, Article.HIDDEN)

    @admin.action(description="Show in search")
    def show(self, request, queryset) -> None:
        self._set_status(request, queryset, Article.VISIBLE)

    def _set_status(self, request, queryset, status: str) -> None:
        # Saved one by one so each article's change reaches the index (and the history).
        count = 0
        for article in queryset.exclude(status=status):
            article.status = status
            article.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(request, f"{count} article(s) set to {status}.")


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ["name", "key"]
    readonly_fields = ["key"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    readonly_fields = ["slug"]
    inlines = [PersonAliasInline]

    def save_formset(self, request, form, formset, change) -> None:
        for alias in formset.save(commit=False):
            alias.key = name_key(alias.name)
            alias.save()
        for deleted in formset.deleted_objects:
            deleted.delete()


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
