"""Article admin: metadata editing, curated fields and their release, actions, uploads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import (
    Count,
    Exists,
    Max,
    Min,
    Model,
    OuterRef,
    Prefetch,
    QuerySet,
)
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join

from archive import curation, jobs
from archive.admin.forms import UploadForm, WebURLField
from archive.admin.statements import StatementInline
from archive.admin.widgets import few, one_line
from archive.ingestion import CURATABLE_FIELDS
from archive.models import (
    Article,
    DateMention,
    Job,
    JobArticle,
    Person,
    Statement,
    count_of,
)


class DateMentionInline(admin.TabularInline[DateMention, Article]):
    model = DateMention
    extra = 0


MAX_ID = 2**63 - 1  # the largest BigAutoField
INLINE_LIMIT = 100  # selected articles re-extracted in the request; more become a job
TITLE_CHARS = 90  # a list's title cell: one line, the whole title on hover
# What a list row needs of its statements: who spoke, not what was said.
SPEAKERS_ONLY = Statement.objects.only("article_id", "speaker__name").select_related("speaker")
INLINE_FIELDS = {Statement: "statements", DateMention: "dates_mentioned"}


class YearFilter(admin.SimpleListFilter):
    """The years from the first article's to the last's: two lookups in the date index,
    where Django's `date_hierarchy` truncates every article's date to list them."""

    title = "year"
    parameter_name = "year"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, str]]:
        span = Article.objects.aggregate(first=Min("date"), last=Max("date"))
        if span["first"] is None:
            return []
        years = range(span["last"].year, span["first"].year - 1, -1)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        value = self.value()
        if value and value.isascii() and value.isdigit() and 1 <= int(value) <= 9999:
            return queryset.filter(date__year=int(value))
        return queryset


class JobFilter(admin.SimpleListFilter):
    """The articles a job imported or updated (`?job=<id>:imported`), linked from its page."""

    title = "import job"
    parameter_name = "job"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, str]]:
        chosen = self._chosen()
        return [(self.value() or "", f"#{chosen[0]}, {chosen[1]}")] if chosen else []

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        chosen = self._chosen()
        if chosen is None:
            return queryset
        done = JobArticle.objects.filter(job_id=chosen[0], outcome=chosen[1])
        return queryset.filter(Exists(done.filter(article=OuterRef("pk"))))

    def _chosen(self) -> tuple[int, str] | None:
        job, _, outcome = (self.value() or "").partition(":")
        if job.isascii() and job.isdigit() and int(job) <= MAX_ID and outcome in OUTCOMES:
            return int(job), outcome
        return None


OUTCOMES = (JobArticle.IMPORTED, JobArticle.UPDATED)


class SpeakerFilter(admin.SimpleListFilter):
    """The most quoted speakers; any person works through the URL (`?speaker=<id>`)."""

    title = "speaker"
    parameter_name = "speaker"
    TOP = 30  # a sidebar of thousands of names helps nobody

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, str]]:
        # Statements per speaker, read from the speaker index alone (distinct articles would
        # need every statement's row: half a second at 100,000 articles).
        top = list(
            Statement.objects.values_list("speaker")
            .annotate(n=Count("*"))
            .order_by("-n", "speaker")[: self.TOP]
        )
        speaker = self._speaker_id()
        names = Person.objects.in_bulk([pk for pk, _ in top] + [speaker or 0])
        choices = [(str(pk), f"{names[pk].name} ({n})") for pk, n in top if pk in names]
        if speaker in names and str(speaker) not in dict(choices):
            choices.append((str(speaker), names[speaker].name))
        return choices

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        speaker = self._speaker_id()
        if speaker is not None:
            return queryset.filter(statements__speaker_id=speaker).distinct()
        return queryset

    def _speaker_id(self) -> int | None:
        """The `?speaker=` id, or None when it cannot be one: "²" passes `str.isdigit()` but
        not `int()`, and a number past the database's integers overflows the query."""
        value = self.value()
        if value and value.isascii() and value.isdigit() and int(value) <= MAX_ID:
            return int(value)
        return None


def log(request: HttpRequest, objects: Iterable[Model], message: str, flag: int = CHANGE) -> None:
    """Record an action on `objects` in the admin history (one entry per object)."""
    user_id = request.user.pk
    assert user_id is not None, "the admin serves only signed-in users"
    LogEntry.objects.log_actions(
        user_id=user_id, queryset=list(objects), action_flag=flag, change_message=message
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = [
        "title_cell",
        "outlet",
        "day",
        "status",
        "country_codes",
        "speaker_names",
        "statement_count",
    ]
    list_filter = ["status", YearFilter, "source", "countries", SpeakerFilter, JobFilter]
    # Titles and ids: a scan of 100,000 bodies takes seconds, and the site's own search
    # finds words in them (and statements) at once.
    search_fields = ["title", "=external_id"]
    search_help_text = "Words of the title, or an exact external id."
    autocomplete_fields = ["countries", "persons"]
    # Counts beside every filter value mean a grouped count per filter over the whole
    # archive: seconds at 100,000 articles.
    show_facets = admin.ShowFacets.NEVER
    readonly_fields = ["content_hash", "extractor_version", "created_at", "updated_at"]
    inlines = [StatementInline, DateMentionInline]
    formfield_overrides = {models.URLField: {"form_class": WebURLField, "assume_scheme": "https"}}
    actions = ["hide", "show", "rerun_extraction", "reindex", "release_curated"]
    fieldsets = [
        (None, {"fields": ["title", "status", "date", "source", "byline", "url", "external_id"]}),
        ("Metadata", {"fields": ["countries", "persons"]}),
        ("Text", {"fields": ["body", "raw_text"], "classes": ["collapse"]}),
        ("Curation", {"fields": ["curation"]}),
        ("Bookkeeping", {"fields": [*readonly_fields], "classes": ["collapse"]}),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list[str]:
        # The text is what extraction reads (raw) and writes (body): an edit would not last,
        # and a browser's form would turn its line ends into CRLF.
        return [*self.readonly_fields, "body", "raw_text", "curation"]

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="archive_article_import"),
            path(
                "<path:object_id>/release/", view(self.release_view), name="archive_article_release"
            ),
            *super().get_urls(),
        ]

    def save_model(
        self, request: HttpRequest, obj: Article, form: forms.ModelForm[Article], change: bool
    ) -> None:
        # A field a curator changed is theirs: extraction and re-import keep their value.
        if change:
            edited = set(form.changed_data) & set(CURATABLE_FIELDS)
            obj.curated_fields = sorted(set(obj.curated_fields) | edited)
        super().save_model(request, obj, form, change)

    def save_formset(
        self,
        request: HttpRequest,
        form: forms.ModelForm[Article],
        formset: BaseInlineFormSet[Any, Article, Any],
        change: bool,
    ) -> None:
        super().save_formset(request, form, formset, change)
        relation = INLINE_FIELDS.get(formset.model)
        article = form.instance
        if change and relation and formset.has_changed() and not article.is_curated(relation):
            article.curated_fields = sorted([*article.curated_fields, relation])
            Article.objects.filter(pk=article.pk).update(curated_fields=article.curated_fields)

    class Media:
        css = {"all": ["archive/admin.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        statements = Statement.objects.filter(article=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .annotate(statement_count=count_of(statements))
            .prefetch_related("countries", Prefetch("statements", queryset=SPEAKERS_ONLY))
        )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Article], search_term: str
    ) -> tuple[QuerySet[Article], bool]:
        if not search_term.strip():
            return queryset, False
        # Matched in the title index first, then sorted: walking the date index instead
        # reads every row, bodies and all, when few titles match.
        found, duplicates = super().get_search_results(request, Article.objects.all(), search_term)
        return queryset.filter(pk__in=found.values("pk")), duplicates

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        # The list shows no text: leave the bodies in the database.
        changelist.result_list = changelist.result_list.defer("body", "raw_text")
        return changelist

    @admin.display(description="title", ordering="title")
    def title_cell(self, article: Article) -> str:
        return one_line(article.title, TITLE_CHARS)

    @admin.display(description="outlet", ordering="source")
    def outlet(self, article: Article) -> str:
        return one_line(article.source, 20)

    @admin.display(description="date", ordering="date")
    def day(self, article: Article) -> str:
        return article.date.isoformat() if article.date else "–"

    @admin.display(description="countries")
    def country_codes(self, article: Article) -> str:
        return few([c.code for c in article.countries.all()], 3)

    @admin.display(description="speakers")
    def speaker_names(self, article: Article) -> str:
        return few([p.name for p in article.speakers], 2)

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, article: Article) -> int:
        return int(getattr(article, "statement_count", 0))

    @admin.display(description="curated fields")
    def curation(self, article: Article) -> str:
        if not article.curated_fields:
            return "None: every field follows extraction."
        # Buttons submit the change form to the release view (`formaction`), with its CSRF token.
        url = reverse("admin:archive_article_release", args=[article.pk])
        rows = format_html_join(
            "",
            '<li><strong>{}</strong> <button type="submit" name="release" value="{}" '
            'formaction="{}" formnovalidate class="button">Release to automatic</button></li>',
            ((name, name, url) for name in article.curated_fields),
        )
        return format_html(
            '<ul class="curated-fields">{}</ul><p class="help">Extraction and re-import leave '
            "these alone. Releasing one re-runs extraction for it (unsaved edits are lost).</p>",
            rows,
        )

    @admin.action(description="Hide from search", permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._set_status(request, queryset, Article.HIDDEN)

    @admin.action(description="Show in search", permissions=["change"])
    def show(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._set_status(request, queryset, Article.VISIBLE)

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Article], status: str) -> None:
        # Saved one by one so each article's change reaches the index (and the history).
        changed: list[Article] = []
        for article in queryset.exclude(status=status):
            article.status = status
            article.save(update_fields=["status", "updated_at"])
            changed.append(article)
        log(request, changed, f"Set to {status}.")
        self.message_user(request, f"{len(changed)} article(s) set to {status}.")

    @admin.action(description="Re-run extraction", permissions=["change"])
    def rerun_extraction(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) > INLINE_LIMIT:
            self._started(request, jobs.start_batch(Job.REEXTRACT, ids, request.user))
            return
        articles = list(queryset)
        changed, unchanged = curation.rerun_extraction(a.pk for a in articles)
        log(request, articles, "Re-ran extraction.")
        self.message_user(
            request, f"Re-extracted {len(articles)}: {changed} changed, {unchanged} unchanged."
        )

    @admin.action(description="Re-index in search", permissions=["view"])
    def reindex(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) > INLINE_LIMIT:
            self._started(request, jobs.start_batch(Job.REINDEX, ids, request.user))
            return
        count = curation.reindex(ids)
        self.message_user(request, f"{count} article(s) queued for re-indexing.")

    def _started(self, request: HttpRequest, job: Job) -> None:
        url = reverse("admin:archive_job_change", args=[job.pk])
        self.message_user(
            request,
            format_html(
                '{} of {} articles runs in the background: <a href="{}">follow it</a>.',
                job.get_kind_display(),
                job.total,
                url,
            ),
        )

    @admin.action(description="Release curated fields (back to automatic)", permissions=["change"])
    def release_curated(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        released = 0
        for article in queryset:
            fields = curation.release_fields(article, article.curated_fields)
            if fields:
                log(request, [article], f"Released curated fields: {', '.join(fields)}.")
                released += 1
        self.message_user(request, f"Released the curated fields of {released} article(s).")

    def release_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Release the curated fields named in POST `release` and re-extract them."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404("No such article.")
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        released = curation.release_fields(article, request.POST.getlist("release"))
        if released:
            log(request, [article], f"Released curated fields: {', '.join(released)}.")
            self.message_user(request, f"Released {', '.join(released)}: back to automatic.")
        else:
            self.message_user(request, "Nothing to release.", messages.WARNING)
        return redirect("admin:archive_article_change", article.pk)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload .txt / .jsonl files: they become a background import job, whose page
        shows its progress and its report."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            uploads = [(f.name, f.chunks()) for f in form.cleaned_data["files"]]
            job = jobs.start_import(uploads, request.user)
            return redirect("admin:archive_job_change", job.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import articles",
            "form": form,
        }
        return TemplateResponse(request, "admin/archive/article/import.html", context)
