"""Person admin (aliases, kind, merging duplicates) and country admin (aliases)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from archive import curation
from archive.admin.articles import log
from archive.admin.forms import MergeForm
from archive.extraction import name_key
from archive.models import Country, CountryAlias, Person, PersonAlias, PersonQuerySet

if TYPE_CHECKING:
    from archive.admin.forms import CountedPerson


class PersonAliasInline(admin.TabularInline[PersonAlias, Person]):
    model = PersonAlias
    extra = 1
    fields = ["name", "key"]
    readonly_fields = ["key"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ["name", "kind", "alias_names", "article_link", "statement_link"]
    list_editable = ["kind"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    readonly_fields = ["slug"]
    inlines = [PersonAliasInline]
    actions = ["merge"]

    class Media:
        css = {"all": ["archive/admin.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[CountedPerson]:
        return cast(
            "QuerySet[CountedPerson]",
            cast(PersonQuerySet, super().get_queryset(request))
            .with_counts()
            .prefetch_related("aliases"),
        )

    def save_formset(
        self,
        request: HttpRequest,
        form: ModelForm[Person],
        formset: BaseInlineFormSet[PersonAlias, Person, Any],
        change: bool,
    ) -> None:
        for alias in formset.save(commit=False):
            alias.key = name_key(alias.name)
            alias.save()
        for deleted in formset.deleted_objects:
            deleted.delete()

    @admin.display(description="aliases")
    def alias_names(self, person: Person) -> str:
        return ", ".join(a.name for a in person.aliases.all() if a.name != person.name)

    @admin.display(description="articles", ordering="article_count")
    def article_link(self, person: CountedPerson) -> str:
        url = reverse("admin:archive_article_changelist") + f"?persons__id__exact={person.pk}"
        return format_html('<a href="{}">{}</a>', url, person.article_count)

    @admin.display(description="statements", ordering="statement_count")
    def statement_link(self, person: CountedPerson) -> str:
        url = reverse("admin:archive_statement_changelist") + f"?speaker__id__exact={person.pk}"
        return format_html('<a href="{}">{}</a>', url, person.statement_count)

    @admin.action(description="Merge selected persons…", permissions=["change", "delete"])
    def merge(
        self, request: HttpRequest, queryset: QuerySet[CountedPerson]
    ) -> TemplateResponse | None:
        """Ask which person to keep (a confirmation page), then merge the others into it."""
        persons = queryset.order_by("name")
        if persons.count() < 2:
            self.message_user(request, "Select at least two persons to merge.", messages.WARNING)
            return None
        form = MergeForm(persons, request.POST if "post" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Merge persons",
                "form": form,
                "persons": persons,
                "kinds": sorted({p.get_kind_display() for p in persons}),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/archive/person/merge_confirmation.html", context
            )
        keep = form.cleaned_data["keep"]
        others = persons.exclude(pk=keep.pk)
        with transaction.atomic():
            names = ", ".join(p.name for p in others)
            self.log_deletions(request, others)
            result = curation.merge_persons(keep, list(others))
            log(request, [keep], f"Merged {names} into this person.")
        self.message_user(
            request,
            f"Merged {names} into {keep.name}; {len(result.article_ids)} article(s) re-indexed.",
        )
        return None


class CountryAliasInline(admin.TabularInline[CountryAlias, Country]):
    model = CountryAlias
    extra = 1


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin[Country]):
    list_display = ["code", "name", "alias_names"]
    search_fields = ["code", "name", "aliases__name"]
    inlines = [CountryAliasInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Country]:
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_names(self, country: Country) -> str:
        return ", ".join(a.name for a in country.aliases.all())
