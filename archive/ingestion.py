"""Import service: files → extraction → articles and their metadata, written in batches."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction

from archive import extraction
from archive.extraction_pool import Extracted, ExtractionPool
from archive.models import Article, Country, DateMention, Statement
from archive.persons import Mention, PersonResolver
from archive.signals import articles_changed, articles_unchanged, updates_deferred
from archive.sources import Notice, RawArticle, SourceError, find_files, read_articles

if TYPE_CHECKING:
    # The many-to-many tables' models, as django-stubs names them.
    from archive.models import Article_countries, Article_persons

BATCH_SIZE = 500  # articles per transaction: one index commit per batch, not per article

IMPORTED, UPDATED, UNCHANGED = "imported", "updated", "unchanged"

# Fields extraction fills and a curator may correct; a curated one is never overwritten.
CURATABLE_FIELDS = (
    "title",
    "date",
    "source",
    "byline",
    "countries",
    "persons",
    "statements",
    "dates_mentioned",
)


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[SourceError] = field(default_factory=list)
    # What was set aside while the articles still imported: refused urls, text beyond the
    # extraction cap, lines replaced by a later line with the same id.
    notices: list[Notice] = field(default_factory=list)
    replaced: int = 0  # lines never stored because a later line of the file has their id
    # Which articles were stored, so callers can record them (the admin's history).
    imported_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    @property
    def stored(self) -> int:
        return self.imported + self.updated

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary(self) -> str:
        """Counts of lines: each is imported, updated, unchanged, replaced or failed."""
        replaced = f", {self.replaced} replaced by a later line" if self.replaced else ""
        return (
            f"{self.imported} imported, {self.updated} updated, "
            f"{self.unchanged} unchanged{replaced}, {self.failed} failed"
        )


def iter_raw_articles(
    paths: Iterable[str | Path],
) -> Iterator[RawArticle | SourceError | Notice]:
    for found in find_files(paths):
        if isinstance(found, SourceError):
            yield found
        else:
            yield from read_articles(found)


def import_paths(
    paths: Iterable[str | Path],
    on_progress: Callable[[], object] | None = None,
    procs: int = 1,
) -> ImportReport:
    """Import every article under `paths`; bad files are reported, the rest still import.

    A repeated id is one article, the last line wins: within a file the reader drops the
    earlier lines; across files the later one updates the article (a batch never holds one
    id twice, or both would be created). With `procs` > 1, extraction runs in that many
    worker processes ahead of this one, which alone writes: the outcome is the same.
    """
    report = ImportReport()
    importer = Importer()
    with ExtractionPool(procs) as pool:
        for batch, _ in _batches(paths, report, on_progress):
            for ready, extracted in pool.put(batch, importer.stored_hashes):
                importer.import_batch(ready, report, extracted)
        for ready, extracted in pool.drain():
            importer.import_batch(ready, report, extracted)
    return report


def _batches(
    paths: Iterable[str | Path],
    report: ImportReport,
    on_progress: Callable[[], object] | None,
    skip: int = 0,
) -> Iterator[tuple[list[RawArticle], int]]:
    """The articles under `paths` in batches of at most BATCH_SIZE, no id twice in one, each
    with how many items of the files precede the next batch (a place to resume from); what
    is not an article goes to `report`. The first `skip` items are passed over unreported."""
    batch: list[RawArticle] = []
    batch_ids: set[str] = set()
    run_ids: set[str] = set()
    for position, item in enumerate(iter_raw_articles(paths)):
        if position < skip:
            continue
        if isinstance(item, Notice):
            report.notices.append(item)
            report.replaced += item.replaced
            continue
        if isinstance(item, SourceError):
            report.errors.append(item)
        else:
            if len(batch) >= BATCH_SIZE or item.external_id in batch_ids:
                yield batch, position
                batch, batch_ids = [], set()
            report.notices += [Notice(item.origin, note) for note in item.notes]
            if item.external_id in run_ids:
                note = f"id {item.external_id!r} also in an earlier file: the last one read wins"
                report.notices.append(Notice(item.origin, note))
            batch.append(item)
            if item.external_id:
                batch_ids.add(item.external_id)
                run_ids.add(item.external_id)
        if on_progress:
            on_progress()
    if batch:
        yield batch, -1  # -1: the end of the files


def import_resumably(
    path: Path,
    report: ImportReport,
    start: int,
    checkpoint: Callable[[int, list[int], list[int]], None],
    on_progress: Callable[[], object] | None = None,
) -> None:
    """Import one file from its `start`-th item on, into `report` (the counts so far).

    After each batch, `checkpoint(position, imported ids, updated ids)` runs inside the
    batch's own transaction, so what it records (where to resume, the counts) commits with
    the articles or not at all: a run killed at any moment resumes from `position` to the
    same final counts, with no article twice. `position` is -1 once the file is done.
    """
    importer = Importer()
    for batch, position in _batches([path], report, on_progress, skip=start):
        imported, updated = len(report.imported_ids), len(report.updated_ids)
        with transaction.atomic():
            importer.import_batch(batch, report)
            checkpoint(position, report.imported_ids[imported:], report.updated_ids[updated:])
    with transaction.atomic():
        checkpoint(-1, [], [])  # errors after the last batch, or a file with no article


class Importer:
    """Writes extractions; remembers persons and countries already resolved in this run."""

    def __init__(self) -> None:
        self.persons = PersonResolver()
        self._country_codes: set[str] = set(Country.objects.values_list("code", flat=True))

    def stored_hashes(self, batch: list[RawArticle]) -> set[str]:
        """The content hashes of `batch` the archive already holds (nothing to extract)."""
        hashes = {raw.content_hash for raw in batch}
        return set(
            Article.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True)
        )

    def import_batch(
        self, batch: list[RawArticle], report: ImportReport, extracted: Extracted | None = None
    ) -> None:
        """Store new and changed articles of `batch`; identical content is left as it is.
        `extracted`: extractions done ahead, by content hash (the rest are done here)."""
        if not batch:
            return
        hashes = {raw.content_hash for raw in batch}
        stored = Article.objects.filter(content_hash__in=hashes).values_list("content_hash", "pk")
        known = dict(stored)
        seen = set(known)
        external_ids = {raw.external_id for raw in batch if raw.external_id}
        existing = {a.external_id: a for a in Article.objects.filter(external_id__in=external_ids)}
        work, unchanged = [], set()
        for raw in batch:
            if raw.content_hash in seen:
                report.count(UNCHANGED)
                unchanged.add(known.get(raw.content_hash))
                continue
            seen.add(raw.content_hash)
            article = existing.pop(raw.external_id, None) if raw.external_id else None
            report.count(UPDATED if article else IMPORTED)
            article = article or Article()
            _take_raw(article, raw)
            found = (extracted or {}).get(raw.content_hash) or extraction.extract(
                raw.text, title=raw.title
            )
            if len(found.body) > extraction.MAX_EXTRACTED:
                report.notices.append(Notice(raw.origin, _capped(len(found.body))))
            work.append((article, found))
        new = {id(article) for article, _ in work if article.pk is None}
        self.write(work)
        for article, _ in work:
            ids = report.imported_ids if id(article) in new else report.updated_ids
            ids.append(article.pk)
        unchanged.discard(None)  # same text twice in this batch: written just now
        if unchanged and not updates_deferred():
            articles_unchanged.send(sender=Article, ids=unchanged)

    @transaction.atomic
    def write(self, work: list[tuple[Article, extraction.Extraction]]) -> None:
        """Save extractions onto their articles, replacing non-curated metadata, in one go."""
        if not work:
            return
        for article, found in work:
            _apply_fields(article, found)
        new = [a for a, _ in work if a.pk is None]
        old = [a for a, _ in work if a.pk is not None]
        Article.objects.bulk_create(new)
        for article in old:
            article.save()
        self._clear_metadata(old)
        self._add_metadata(work)
        articles_changed.send(sender=Article, ids={a.pk for a, _ in work})

    def _clear_metadata(self, articles: list[Article]) -> None:
        def ids(relation: str) -> list[int]:
            return [a.pk for a in articles if not a.is_curated(relation)]

        Article.countries.through.objects.filter(article_id__in=ids("countries")).delete()
        Article.persons.through.objects.filter(article_id__in=ids("persons")).delete()
        DateMention.objects.filter(article_id__in=ids("dates_mentioned")).delete()
        Statement.objects.filter(article_id__in=ids("statements")).delete()

    def _add_metadata(self, work: list[tuple[Article, extraction.Extraction]]) -> None:
        person_ids = self.persons.resolve(_mentions(found for _, found in work))
        self._ensure_countries({c for _, found in work for c in found.countries})
        countries, persons, dates, statements = [], [], [], []
        for article, found in work:
            if not article.is_curated("countries"):
                countries += [_country_row(article, code) for code in found.countries]
            if not article.is_curated("persons"):
                ids = dict.fromkeys(person_ids[e.name] for e in found.entities)
                persons += [_person_row(article, pk) for pk in ids]
            if not article.is_curated("dates_mentioned"):
                dates += [DateMention(article=article, value=v) for v in found.dates_mentioned]
            if not article.is_curated("statements"):
                statements += [_statement_row(article, s, person_ids) for s in found.statements]
        Article.countries.through.objects.bulk_create(countries)
        Article.persons.through.objects.bulk_create(persons)
        DateMention.objects.bulk_create(dates)
        Statement.objects.bulk_create(statements)

    def _ensure_countries(self, codes: set[str]) -> None:
        missing = codes - self._country_codes
        Country.objects.bulk_create(
            [Country(code=c, name=extraction.country_name(c)) for c in sorted(missing)],
            ignore_conflicts=True,
        )
        self._country_codes |= missing


def _capped(length: int) -> str:
    return (
        f"metadata read from the first {extraction.MAX_EXTRACTED:,} characters only "
        f"(the text has {length:,}; all of it is stored and searchable)"
    )


def _take_raw(article: Article, raw: RawArticle) -> None:
    article.raw_text = raw.text
    article.content_hash = raw.content_hash
    article.external_id = raw.external_id
    article.url = raw.url or article.url
    article.imported_fields = {
        "title": raw.title,
        "date": raw.date.isoformat() if raw.date else None,
        "source": raw.source or None,
    }


def planned_fields(article: Article, found: extraction.Extraction) -> dict[str, object]:
    """The field values `found` gives `article`: the source's own values first, curated kept."""
    given = article.imported_fields or {}
    values = {
        "title": (given.get("title") or found.title)[:500],
        "byline": (found.byline or "")[:200],
        "source": (given.get("source") or found.source or "")[:200],
        "date": _date(given.get("date")) or found.date,
    }
    planned = {k: getattr(article, k) if article.is_curated(k) else v for k, v in values.items()}
    return {**planned, "body": found.body}


def _apply_fields(article: Article, found: extraction.Extraction) -> None:
    for name, value in planned_fields(article, found).items():
        setattr(article, name, value)
    article.extractor_version = extraction.EXTRACTOR_VERSION


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _mentions(extractions: Iterable[extraction.Extraction]) -> list[Mention]:
    mentions = []
    for found in extractions:
        mentions += [Mention(e.name, e.kind, tuple(e.aliases)) for e in found.entities]
        mentions += [Mention(s.speaker, s.kind) for s in found.statements]
    return mentions


def _country_row(article: Article, code: str) -> Article_countries:
    return Article.countries.through(article_id=article.pk, country_id=code)


def _person_row(article: Article, person_id: int) -> Article_persons:
    return Article.persons.through(article_id=article.pk, person_id=person_id)


def _statement_row(
    article: Article, s: extraction.Statement, person_ids: dict[str, int]
) -> Statement:
    return Statement(
        article=article,
        speaker_id=person_ids[s.speaker],
        role=s.role[:200],
        role_country=getattr(s, "country", "") or "",
        text=s.text,
        form=s.form,
        countries=list(s.countries),
        start=s.start,
        end=s.end,
    )
