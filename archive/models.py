"""Articles and the metadata extracted from them."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db import connections, models, router
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from archive.extraction import types as extraction_types
from archive.links import MAX_URL, safe_url, validate_web_url
from archive.slugs import unique_slug


class Country(models.Model):
    code = models.CharField("ISO 3166-1 alpha-2", max_length=2, primary_key=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class CountryAlias(models.Model):
    """A curated extra name for a country (`Holland`, `Persia`), honoured at query time."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "country aliases"
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="unique_country_alias")
        ]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["Person"]):
    def with_counts(self) -> PersonQuerySet:
        """Each person's `statement_count` and `article_count` (articles naming them), as
        one correlated count each: worked out for the rows a page shows, where a join and
        GROUP BY would count every statement of the archive first."""
        statements = Statement.objects.filter(speaker=OuterRef("pk"))
        mentions = Article.persons.through.objects.filter(person=OuterRef("pk"))
        return self.annotate(statement_count=count_of(statements), article_count=count_of(mentions))


def count_of(rows: models.QuerySet[Any]) -> Coalesce:
    """How many `rows` there are, as a correlated subquery for an annotation (0 for none):
    worked out only for the rows a page shows."""
    counted = rows.order_by().values(_all=models.Value(1)).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted), 0)


class Person(models.Model):
    """A person or organisation, under one canonical name; spellings live in `PersonAlias`."""

    PERSON = "person"
    ORGANISATION = "organisation"
    KIND_CHOICES = [(PERSON, "Person"), (ORGANISATION, "Organisation")]

    name = models.CharField("canonical name", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=PERSON)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "person or organisation"
        verbose_name_plural = "persons and organisations"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            others = Person.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda slug: others.filter(slug=slug).exists())
        super().save(*args, **kwargs)


class PersonAlias(models.Model):
    """One spelling of a person's name; `key` is the fold used to recognise it on import."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_alias_per_person")
        ]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet["Article"]):
    def visible(self) -> ArticleQuerySet:
        return self.filter(status=Article.VISIBLE)

    def with_metadata(self) -> ArticleQuerySet:
        return self.prefetch_related("countries", "persons", "date_mentions", "statements__speaker")

    def for_listing(self) -> ArticleQuerySet:
        """What a list of results reads of an article: its own row without the texts (its
        countries and speakers come from the search index)."""
        return self.defer("body", "raw_text")


class Article(models.Model):
    VISIBLE = "visible"
    HIDDEN = "hidden"
    STATUS_CHOICES = [(VISIBLE, "Visible"), (HIDDEN, "Hidden")]

    title = models.CharField(max_length=500)
    body = models.TextField(help_text="Cleaned text: headline, byline and boilerplate removed.")
    raw_text = models.TextField(help_text="The text exactly as imported.")
    source = models.CharField("outlet", max_length=200, blank=True, db_index=True)
    byline = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=MAX_URL, blank=True, validators=[validate_web_url])
    external_id = models.CharField(max_length=300, blank=True, db_index=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=VISIBLE, db_index=True)
    extractor_version = models.PositiveIntegerField(default=0)
    # What the source file itself gave besides the text (title, date, source, url), so that
    # re-extraction starts from exactly what was imported.
    imported_fields = models.JSONField(default=dict, blank=True)
    # Names of fields a curator edited; extraction and re-import leave them alone.
    curated_fields = models.JSONField(default=list, blank=True)
    countries = models.ManyToManyField(Country, blank=True, related_name="articles")
    persons = models.ManyToManyField(Person, blank=True, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # The admin's search reads titles and ids from this index alone, not from rows
            # that carry both texts (a whole-table scan of 1.5 GB at 100,000 articles).
            models.Index(fields=["title", "external_id"], name="article_title_search"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.pk])

    @property
    def title_from_body(self) -> bool:
        """Whether the title is the body's own opening, as the importer makes one for an
        article that came without a headline (none given by its source, none written by a
        curator, no headline line above the text)."""
        if (self.imported_fields or {}).get("title") or self.is_curated("title"):
            return False
        opening = self.title.removesuffix("\u2026")
        return bool(opening) and self.body.startswith(opening)

    @property
    def link_url(self) -> str:
        """`url` if it may be a link (http or https to a host), else "": rows stored before
        URLs were checked may hold `javascript:` or `data:` URLs, shown only as text."""
        return safe_url(self.url) or ""

    def is_curated(self, field: str) -> bool:
        return field in self.curated_fields

    @property
    def speakers(self) -> list[Person]:
        """Everyone quoted, in order of first statement (uses prefetched statements)."""
        seen: dict[int, Person] = {}
        for statement in self.statements.all():
            seen.setdefault(statement.speaker_id, statement.speaker)
        return list(seen.values())

    @classmethod
    def visible_among(cls, ids: Collection[int]) -> set[int]:
        """Which of these article ids are visible: a results page's check that nothing hidden
        a moment ago lingers in the index. In SQL written out, since building the same query
        through the ORM costs 0.4-0.9 ms, twenty times the query itself, on every page."""
        if not ids:
            return set()
        alias = router.db_for_read(cls)
        quote = connections[alias].ops.quote_name
        marks = ", ".join(["%s"] * len(ids))
        with connections[alias].cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('id')} FROM {quote(cls._meta.db_table)} "
                f"WHERE {quote('status')} = %s AND {quote('id')} IN ({marks})",
                [cls.VISIBLE, *ids],
            )
            return {pk for (pk,) in cursor.fetchall()}


class DateMention(models.Model):
    """A calendar date or month the article's text mentions, as ISO (`2021-12` or `2021-12-03`)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="date_mentions")
    value = models.CharField(max_length=10)

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["article", "value"], name="unique_date_mention")
        ]

    def __str__(self) -> str:
        return self.value

    @property
    def precision(self) -> str:
        return "day" if len(self.value) == 10 else "month"


class Statement(models.Model):
    """What an article reports a speaker as saying; offsets point into `Article.body`."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="statements")
    # Indexed for the review queue, which looks for roles that are only a country's name.
    role = models.CharField(max_length=200, blank=True, db_index=True)
    role_country = models.CharField(
        max_length=2, blank=True, help_text="ISO code of the country the role belongs to."
    )
    QUOTE, REPORTED = extraction_types.QUOTE, extraction_types.REPORTED
    FORM_CHOICES = [(QUOTE, "Direct quote"), (REPORTED, "Reported speech")]

    text = models.TextField()
    form = models.CharField(max_length=10, choices=FORM_CHOICES, default=REPORTED)
    countries = models.JSONField(
        default=list,
        blank=True,
        help_text="ISO codes of what it speaks about: the countries it names, its role's.",
    )
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["article", "start"], name="statement_in_order")]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:60]}"


class ReviewDismissal(models.Model):
    """A suspect entry of the review queue a curator judged fine, remembered by a key that
    outlives re-extraction (names and roles, not row ids)."""

    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=500)
    dismissed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_dismissal")]
        permissions = [("review_metadata", "Can work the review queue")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.key}"


class Job(models.Model):
    """A long piece of work a curator started (an import, a re-extraction, a re-indexing),
    run by a background worker in batches, each batch committed with its checkpoint."""

    IMPORT, REEXTRACT, REINDEX = "import", "reextract", "reindex"
    KIND_CHOICES = [(IMPORT, "Import"), (REEXTRACT, "Re-extraction"), (REINDEX, "Re-indexing")]
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUS_CHOICES = [(QUEUED, "Queued"), (RUNNING, "Running"), (DONE, "Done"), (FAILED, "Failed")]

    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Written with every checkpoint: a running job that stays silent has lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=200, blank=True)  # host:pid running it
    # An import's files ([{"name", "path"}]) or the articles to work on ([ids]).
    inputs = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)  # articles expected
    done = models.PositiveIntegerField(default=0)  # articles worked on so far
    # Where to go on after an interruption: {"file": index, "item": items consumed}.
    position = models.JSONField(default=dict)
    # Counts and what the files set aside, as they stood at the last checkpoint.
    report = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class JobArticle(models.Model):
    """An article a job imported or updated, so its report can link to them."""

    IMPORTED, UPDATED = "imported", "updated"
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="articles")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(max_length=10)

    class Meta:
        indexes = [models.Index(fields=["job", "outcome"], name="job_article_outcome")]

    def __str__(self) -> str:
        return f"{self.job}: {self.outcome} {self.article_id}"
